package org.parley.exchange;

/** Why an entry of a list was dropped from the next version; {@link #OTHER} needs a note. */
public enum RemovalReason {
    DUPLICATE, RETURNED, DIED, FOUND_ELSEWHERE, NOT_HELD, WITHDRAWN_BY_FAMILY, DECLINES_REPATRIATION, OTHER
}
