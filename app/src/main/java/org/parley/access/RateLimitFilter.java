package org.parley.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 429 with {@code Retry-After} (seconds) once a client has used up its requests of the minute
 * ({@link RateLimiter}): a logged-in user per user, anyone else per client address, and logins and password
 * changes per client address under a stricter limit. Runs once the caller is known (the session's, or the API
 * token's), before the CSRF check and the login form's.
 * The API answers a problem detail ({@code urn:parley:problem:rate-limited}), web pages a plain page.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> LOGINS = Set.of("/api/v1/auth/token", "/api/v1/auth/password", "/login");

    private final RateLimiter limiter;
    private final ClientAddress clients;
    /** The API's problem details, or null for web pages. */
    private final JsonMapper problemWriter;

    private RateLimitFilter(RateLimiter limiter, ClientAddress clients, JsonMapper problemWriter) {
        this.limiter = limiter;
        this.clients = clients;
        this.problemWriter = problemWriter;
    }

    static RateLimitFilter forApi(RateLimiter limiter, ClientAddress clients, JsonMapper json) {
        return new RateLimitFilter(limiter, clients, json);
    }

    static RateLimitFilter forPages(RateLimiter limiter, ClientAddress clients) {
        return new RateLimitFilter(limiter, clients, null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Callers.current();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Duration> wait;
        if ("POST".equals(request.getMethod()) && LOGINS.contains(path)) {
            wait = limiter.take(RateLimiter.Limit.LOGIN, clients.of(request));
        } else if (caller.isPresent()) {
            wait = limiter.take(RateLimiter.Limit.USER, String.valueOf(caller.get().userId()));
        } else {
            wait = limiter.take(RateLimiter.Limit.ANONYMOUS, clients.of(request));
        }
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            refuse(response, seconds(wait.get()));
        }
    }

    private void refuse(HttpServletResponse response, long seconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        String detail = "Too many requests from this client; try again in " + seconds + " s.";
        if (problemWriter != null) {
            SecurityConfiguration.writeProblem(response, problemWriter, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    detail);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Too many requests · Parley</title></head>\n<body><h1>Too many requests</h1>\n<p>" + detail
                + "</p></body></html>\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Whole seconds, rounded up: a client that waits that long finds a request's worth refilled. */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }
}
