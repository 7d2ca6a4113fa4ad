package org.parley.exchange;

import java.time.Instant;

/**
 * A stored version of a round's exchange list.
 *
 * @param document the version's canonical JSON ({@link ExchangeListDocument})
 * @param hash SHA-256 of {@code document}: what approvals sign
 */
record ExchangeListVersion(long id, long roundId, int number, String createdBy, Instant createdAt, String document,
        byte[] hash) {
}
