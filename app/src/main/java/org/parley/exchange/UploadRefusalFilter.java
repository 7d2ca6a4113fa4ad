package org.parley.exchange;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A list too large for the editor (a file above {@code spring.servlet.multipart.max-file-size}, pasted rows above
 * {@code server.tomcat.max-http-form-post-size}) is refused by Tomcat while it reads the form — which happens in the
 * CSRF check, before any controller runs. This filter, outside Spring Security, turns that refusal into a redirect to
 * the editor, which then says in words how large a list may be, instead of an error page. It reads (and discards) the
 * rest of the upload first, up to {@link #DRAINED} bytes, so that the browser, which is still sending, receives the
 * answer rather than a reset connection; only for a logged-in session, so that nobody else makes the server read.
 */
@Component
@Order(-200) // before Spring Security's filter chain (-100)
class UploadRefusalFilter extends OncePerRequestFilter {

    static final long DRAINED = 64L * 1024 * 1024;
    static final String REFUSED = "refused=size";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !request.getRequestURI().startsWith("/exchanges/") || !request.getRequestURI().endsWith("/edit");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (!tooLarge(e) || response.isCommitted() || request.getRequestedSessionId() == null
                    || !request.isRequestedSessionIdValid()) {
                throw e;
            }
            drain(request);
            response.reset();
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getRequestURI() + "?" + REFUSED);
        }
    }

    /**
     * Tomcat refused to read the form. For the editor's form (three fields) that is its size: a file above the
     * multipart limit (an {@link InvalidParameterException} with 413), or pasted rows above maxPostSize (a plain
     * {@link IllegalStateException} thrown by Tomcat's request while it parses the parts).
     */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException || t instanceof IllegalStateException
                    && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().equals("org.apache.catalina.connector.Request")) {
                return true;
            }
        }
        return false;
    }

    private static void drain(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            int n;
            while (read < DRAINED && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the rest of the body is Tomcat's to swallow or to cut
        }
    }
}
