package org.parley.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Who gets an error as a problem detail: callers of the REST API ({@code /api/**}), and clients that ask for JSON
 * and not for HTML. Everyone else — browsers — gets the HTML error page.
 */
public final class ErrorAudience {

    private ErrorAudience() {
    }

    public static boolean wantsProblemDetail(HttpServletRequest request) {
        // On the error page (/error) the address that failed is the one that counts.
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
                : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.equals("/api") || path.startsWith("/api/") || asksForJsonNotHtml(request.getHeader("Accept"));
    }

    private static boolean asksForJsonNotHtml(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        boolean json = types.stream().anyMatch(t -> t.getSubtype().equals("json") || t.getSubtype().endsWith("+json"));
        boolean html = types.stream().anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("html"));
        return json && !html;
    }
}
