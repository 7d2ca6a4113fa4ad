package org.parley.wishes;

/** A person's repatriation wish as the statements on record establish it. */
public enum WishStatus {
    /** The latest verified statement: wishes to return. */
    VERIFIED_RETURN,
    /** The latest verified statement: does not wish to return, or asks for asylum. */
    VERIFIED_NOT_RETURNING,
    /** Claims not verified by the intermediary (or contradicting each other): an interview is required. */
    UNVERIFIED_CLAIM,
    /** Nothing said either way. */
    UNKNOWN
}
