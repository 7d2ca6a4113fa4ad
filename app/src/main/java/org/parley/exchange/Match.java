package org.parley.exchange;

import java.util.List;

/**
 * The reconciliation of one requested entry, made when its version was submitted and kept as it was.
 *
 * @param personId the person found (internal key); null unless FOUND or NOT_ELIGIBLE
 * @param candidates persons to pick from when AMBIGUOUS, best first
 */
public record Match(String ref, MatchOutcome outcome, Long personId, Double score, String explanation,
        List<Candidate> candidates, IneligibleReason reason) {

    /** A person the requested entry might be. */
    public record Candidate(long personId, double score, String explanation) {
    }
}
