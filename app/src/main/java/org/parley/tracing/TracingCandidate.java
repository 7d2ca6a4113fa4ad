package org.parley.tracing;

import java.time.Instant;

/**
 * A registered person who may be the one sought (internal key), the name matcher's probability and its explanation,
 * the recorder's decision (null until taken), how and when it was found, and whether the recorder has seen it.
 */
record TracingCandidate(long personId, double score, String explanation, CandidateDecision decision, FoundBy foundBy,
        Instant foundAt, boolean seen) {
}
