package org.parley.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above {@code parley.max-body-bytes} (default 1 MiB) with 413: at once when the
 * declared length is too large, and while reading when a chunked body grows past it. Exchange lists — a whole list
 * of up to 50,000 entries as JSON, or a spreadsheet uploaded on the list editor — have their own limit,
 * {@code parley.max-list-bytes} (default 16 MiB). Imports of persons from a file ({@code POST /api/v1/imports}) have
 * {@code parley.max-import-bytes} (default 10 MiB, so that the multipart limit of a file, 10 MB, is never reached first).
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final Pattern LIST_SUBMISSION = Pattern.compile(
            "/(api/v1/)?exchanges/[^/]+/lists/.*");
    private static final Pattern IMPORT = Pattern.compile("/(api/v1/)?imports/?");

    private final long defaultLimit;
    private final long listLimit;
    private final long importLimit;
    private final JsonMapper json;

    BodySizeLimitFilter(@Value("${parley.max-body-bytes:1048576}") long defaultLimit,
            @Value("${parley.max-list-bytes:16777216}") long listLimit,
            @Value("${parley.max-import-bytes:10485760}") long importLimit, JsonMapper json) {
        this.defaultLimit = defaultLimit;
        this.listLimit = listLimit;
        this.importLimit = importLimit;
        this.json = json;
    }

    static ProblemDetail problem(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes.");
        problem.setType(ProblemHandler.type("body-too-large"));
        problem.setTitle("Request body too large");
        problem.setProperty("limit", limit);
        return problem;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = LIST_SUBMISSION.matcher(request.getRequestURI()).matches() ? listLimit
                : IMPORT.matcher(request.getRequestURI()).matches() ? importLimit : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** Counts the bytes read and fails past the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends WatchedInputStream {
        private final long limit;
        private long count;

        LimitedStream(ServletInputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        void onByte(int b) throws IOException {
            count(1);
        }

        @Override
        void onBytes(byte[] buffer, int offset, int length) throws IOException {
            count(length);
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
