package org.parley.wishes;

/** What a person said about going home. */
public enum Wish {
    RETURN, NOT_RETURN, ASYLUM, UNDECIDED;

    /** Does not wish to return, or asks for asylum: a wish not to be repatriated. */
    public boolean declines() {
        return this == NOT_RETURN || this == ASYLUM;
    }

    /** A wish one way or the other (not undecided). */
    public boolean isClaim() {
        return this != UNDECIDED;
    }

    /** Whether two wishes point different ways (return against not returning). */
    public boolean contradicts(Wish other) {
        return isClaim() && other.isClaim() && declines() != other.declines();
    }
}
