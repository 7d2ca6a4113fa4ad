package org.parley.registry;

import java.time.Instant;

/**
 * A request of the holding party to change the power of origin of a notified person, and the intermediary's
 * decision on it ({@code decision} null while open). {@code from} and {@code to} are party codes (null: none).
 */
public record OriginChange(long id, long personId, String from, String to, String reason, String requestedBy,
        Instant requestedAt, Decision decision, String decidedBy, String decisionNote, Instant decidedAt) {

    public enum Decision { CONFIRMED, REJECTED }

    public boolean open() {
        return decision == null;
    }
}
