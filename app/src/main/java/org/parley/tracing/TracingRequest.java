package org.parley.tracing;

import java.time.Instant;

/** A tracing request as stored: who recorded it (an organisation's code), what it says, where it stands. */
public record TracingRequest(long id, String organisation, boolean byIntermediary, String recordedBy,
        Instant recordedAt, TracingInput input, TracingState state, String answer, Instant answeredAt,
        Instant closedAt) {
}
