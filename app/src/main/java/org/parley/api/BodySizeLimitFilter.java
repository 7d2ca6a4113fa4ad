package org.parley.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above {@code parley.max-body-bytes} (default 1 MiB) with 413: at once when the
 * declared length is too large, and while reading when a chunked body grows past it. File uploads of the pages
 * ({@code multipart/form-data} outside the API) are held to {@code parley.max-upload-bytes} (default 12 MiB, the
 * multipart request limit) instead: Tomcat has read and checked them against its multipart limits by then.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long uploadLimit;
    private final JsonMapper json;

    BodySizeLimitFilter(@Value("${parley.max-body-bytes:1048576}") long limit,
            @Value("${parley.max-upload-bytes:12582912}") long uploadLimit, JsonMapper json) {
        this.limit = limit;
        this.uploadLimit = uploadLimit;
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
        long limit = isPageUpload(request) ? Math.max(this.limit, uploadLimit) : this.limit;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static boolean isPageUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                && !ErrorAudience.wantsProblemDetail(request);
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
