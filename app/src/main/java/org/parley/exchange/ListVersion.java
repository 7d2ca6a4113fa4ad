package org.parley.exchange;

import java.time.Instant;

/** One submitted version of a party's list in a round; never changed. */
public record ListVersion(long id, long roundId, String party, ListKind kind, int number, String createdBy,
        Instant createdAt, int entryCount, int removalCount) {
}
