package org.parley.api;

import java.util.Map;

/** The request is well-formed but conflicts with the record's current state; answered with 409. */
public class ConflictException extends RuntimeException {

    private final String problem;
    private final transient Map<String, Object> details;

    /**
     * @param problem short problem name, e.g. {@code stale-version}, used in the problem type URI
     * @param details extra members of the problem detail
     */
    public ConflictException(String problem, String message, Map<String, Object> details) {
        super(message);
        this.problem = problem;
        this.details = Map.copyOf(details);
    }

    public String problem() {
        return problem;
    }

    public Map<String, Object> details() {
        return details;
    }
}
