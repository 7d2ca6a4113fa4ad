package org.parley.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON request bodies must be UTF-8 (RFC 8259): their bytes are checked by {@link Utf8Validator} while Jackson
 * reads them, and the first ill-formed sequence stops the reading with a {@link MalformedBodyException}, answered
 * with 400 naming it. Nothing of such a body is decoded.
 */
@Component
class StrictUtf8Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(isJson(request) ? new CheckedRequest(request) : request, response);
    }

    private static boolean isJson(HttpServletRequest request) {
        if (request.getContentType() == null) {
            return false;
        }
        try {
            String subtype = MediaType.parseMediaType(request.getContentType()).getSubtype();
            return subtype.equals("json") || subtype.endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false; // answered with 415 by Spring
        }
    }

    private static final class CheckedRequest extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        CheckedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CheckedStream(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class CheckedStream extends WatchedInputStream {
        private final Utf8Validator utf8 = new Utf8Validator();

        CheckedStream(ServletInputStream in) {
            super(in);
        }

        @Override
        void onByte(int b) throws IOException {
            utf8.accept(b);
        }

        @Override
        void onEnd() throws IOException {
            utf8.end();
        }
    }
}
