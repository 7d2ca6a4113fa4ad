package org.parley.exchange;

import java.time.Instant;

/**
 * The holder's decision on a requested entry, for the entry as it was ({@code contentHash}) in this and every later
 * version that keeps it unchanged.
 *
 * @param party the requesting party, whose list holds the entry
 * @param personId the person confirmed (the match, or the one picked); null when rejected or confirmed not held
 */
public record Decision(long id, long roundId, String party, String ref, byte[] contentHash, long versionId,
        Confirmation decision, Long personId, String decidedBy, Instant decidedAt) {
}
