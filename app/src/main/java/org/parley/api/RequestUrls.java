package org.parley.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to the page being answered with one query parameter changed (another page, another language). */
public final class RequestUrls {

    private RequestUrls() {
    }

    /** The current URL (path and query as the browser sent them) with one parameter set. */
    public static String withParameter(HttpServletRequest request, String name, String value) {
        String path = request.getRequestURI();
        try {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
            if (request.getQueryString() != null) {
                url.query(request.getQueryString());
            }
            return url.replaceQueryParam(name, value).build(true).toUriString();
        } catch (IllegalArgumentException e) {
            return UriComponentsBuilder.fromPath(path).queryParam(name, value).encode().build().toUriString();
        }
    }
}
