package org.parley.api;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The answer when no database connection came free within the pool's wait ({@code parley.db.connection-timeout},
 * README "Configuration"): 503 with {@code Retry-After}, so that a client of an overloaded server is told to come back
 * rather than kept waiting or shown an internal error. Nothing was changed: the request's transaction never began.
 */
public final class Unavailable {

    /** Seconds a client is asked to wait: about the time a burst of requests takes to drain. */
    public static final int RETRY_AFTER_SECONDS = 5;
    static final String DETAIL = "Parley is busy: no database connection came free in time. Nothing was changed; "
            + "try again in " + RETRY_AFTER_SECONDS + " s.";

    private Unavailable() {
    }

    /** Whether the error comes from waiting in vain for a connection of the pool. */
    public static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Sets the status and {@code Retry-After}; the caller writes the body (a problem detail or a page). */
    public static void prepare(HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }

    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setType(URI.create("urn:parley:problem:unavailable"));
        problem.setTitle("Service Unavailable");
        return problem;
    }
}
