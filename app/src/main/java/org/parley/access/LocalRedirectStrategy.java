package org.parley.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects that stay on this server whatever Host header a request carried. After a login Spring Security sends
 * the user back to the page they had asked for, under the absolute URL it saved — built from that request's Host
 * header, which anybody can forge; here it keeps only its path and query.
 */
final class LocalRedirectStrategy implements RedirectStrategy {

    private final RedirectStrategy relative = new DefaultRedirectStrategy();

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        URI target = URI.create(url);
        if (!target.isAbsolute()) {
            relative.sendRedirect(request, response, url);
            return;
        }
        // The saved path already holds the context path.
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
        response.sendRedirect(response.encodeRedirectURL(path + query));
    }
}
