package org.parley.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.web.WebLogin;

/**
 * A logged-in browser session over plain HTTP, for tests of the exchange pages: GETs, form posts and multipart
 * uploads with the session's CSRF token (read from the logout form every page carries). Redirects are not
 * followed, so that a test sees them.
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final String cookie;
    private String csrf;

    private PageSession(int port, String cookie) {
        this.port = port;
        this.cookie = cookie;
    }

    static PageSession of(int port, String username) {
        try {
            return new PageSession(port, WebLogin.cookie(port, username));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        return post(path, form, Map.of());
    }

    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(token()));
        form.forEach((name, value) -> body.append('&').append(encode(name)).append('=').append(encode(value)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts a multipart form: text fields, and one file (name, content) unless {@code fileName} is null. */
    HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----parley" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writePart(body, boundary, "_csrf", null, token().getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> writePart(body, boundary, name, null, value.getBytes(StandardCharsets.UTF_8)));
        if (fileName != null) {
            writePart(body, boundary, "file", fileName, file);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void writePart(ByteArrayOutputStream body, String boundary, String name, String fileName,
            byte[] content) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append('"');
        if (fileName != null) {
            head.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
        }
        head.append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        if (csrf == null) {
            get("/account/password");
        }
        return csrf;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("Cookie", cookie).build(),
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
                new AssertionError("no redirect: " + response.statusCode()));
        return location.startsWith("http") ? URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery())
                : location;
    }
}
