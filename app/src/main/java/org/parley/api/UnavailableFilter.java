package org.parley.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 with {@code Retry-After} ({@link Unavailable}) when a filter before the controllers — the token's or the
 * session's lookup — found no database connection free in time; errors in controllers are answered by
 * {@link ProblemHandler} and the pages' error handler. Runs first, so that it sees what every other filter throws.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnavailableFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    UnavailableFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!Unavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            Unavailable.prepare(response);
            if (ErrorAudience.wantsProblemDetail(request)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Unavailable.problem());
            } else {
                response.setContentType("text/html;charset=UTF-8");
                response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<title>Busy · Parley</title></head>\n<body><h1>Parley is busy</h1>\n<p>"
                        + Unavailable.DETAIL + "</p></body></html>\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
