package org.parley.exchange;

/** What the reconciliation found in the holder's registry for a requested entry. */
public enum MatchOutcome {
    /** One person, with the score and the explanation. */
    FOUND,
    /** Several persons fit about as well, or one only weakly: a person must pick. */
    AMBIGUOUS,
    NOT_FOUND,
    /** Found, but not to be released: see {@link IneligibleReason}. */
    NOT_ELIGIBLE
}
