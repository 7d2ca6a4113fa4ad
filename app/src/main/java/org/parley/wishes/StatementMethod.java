package org.parley.wishes;

/** How a statement was taken. Only the intermediary's private interview, without witnesses, verifies a wish. */
public enum StatementMethod {
    /** Heard by the detaining power, e.g. during questioning. */
    INTERROGATION,
    /** The intermediary's interview of the person alone, without witnesses from either party. */
    PRIVATE_INTERVIEW,
    /** A declaration the person wrote and signed. */
    WRITTEN_DECLARATION
}
