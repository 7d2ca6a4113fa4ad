package org.parley.wishes;

import java.time.LocalDate;

/**
 * The wish status derived from a person's statements.
 *
 * @param verifiedOn the date of the governing verified statement, if any
 * @param contradicted a verified wish is contradicted by a later unverified claim, or unverified claims
 *        contradict each other: the intermediary should interview again
 * @param oldestClaimOn the oldest unverified claim still awaiting verification (the work queue's order)
 */
public record DerivedWish(WishStatus status, LocalDate verifiedOn, boolean contradicted, LocalDate oldestClaimOn) {

    static final DerivedWish UNKNOWN = new DerivedWish(WishStatus.UNKNOWN, null, false, null);

    /** Whether the person belongs in the intermediary's interview queue. */
    public boolean needsInterview() {
        return status == WishStatus.UNVERIFIED_CLAIM || contradicted;
    }
}
