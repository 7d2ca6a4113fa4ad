package org.parley.tracing;

/** The recorder's decision on a person found for a tracing request. */
public enum CandidateDecision {
    CONFIRMED, RULED_OUT
}
