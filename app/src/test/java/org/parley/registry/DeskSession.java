package org.parley.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.web.WebLogin;

/**
 * A logged-in browser session over plain HTTP for tests of the registrar's desk: GETs and form posts with the
 * session's CSRF token (read from the forms every page carries), in a language of the UI. Redirects are not
 * followed, so that a test sees them.
 */
final class DeskSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final String cookie;
    private String language = "en";
    private String csrf;

    private DeskSession(int port, String cookie) {
        this.port = port;
        this.cookie = cookie;
    }

    static DeskSession of(int port, String username) {
        try {
            return new DeskSession(port, WebLogin.cookie(port, username));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The UI language of the following requests (the language cookie). */
    DeskSession in(String language) {
        this.language = language;
        return this;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** Posts a form (url-encoded) with the session's CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        return postRaw(path, "_csrf=" + encode(token()) + "&" + encode(form));
    }

    /** Posts a form without any CSRF token. */
    HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
        return postRaw(path, encode(form));
    }

    private HttpResponse<String> postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        new LinkedHashMap<>(form).forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(encode(name)).append('=').append(encode(value)));
        return body.toString();
    }

    private String token() {
        if (csrf == null) {
            get("/account/password");
        }
        return csrf;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("Cookie", cookie + "; parley-lang=" + language).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The path of a redirect's Location. */
    static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return location.startsWith("http") ? URI.create(location).getRawPath() : location;
    }
}
