package org.parley.interchange;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A file too large for the import page's upload ({@code spring.servlet.multipart.max-file-size}) fails where the
 * form is first read — the CSRF check, before any controller — as a server error. This filter, ahead of security,
 * turns that failure into a redirect to the upload form, which says so in the reader's language. With JavaScript,
 * the form checks the size before sending (static/js/import-page.js).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ImportPageUploadLimit extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/imports".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setHeader("Connection", "close");
            response.sendRedirect(request.getContextPath() + "/imports/new?tooLarge");
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeException) {
                return true;
            }
        }
        return false;
    }
}
