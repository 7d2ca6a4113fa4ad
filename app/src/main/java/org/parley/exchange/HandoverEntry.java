package org.parley.exchange;

import java.time.Instant;

/** What happened to a person of the agreement at the handover, as recorded (the latest entry counts). */
record HandoverEntry(long id, long roundId, long personId, HandoverOutcome outcome, String note, String recordedBy,
        Instant recordedAt) {
}
