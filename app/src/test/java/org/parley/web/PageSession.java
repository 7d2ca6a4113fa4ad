package org.parley.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser session over plain HTTP for tests of the pages: GETs, form posts and file uploads (multipart, as a browser
 * sends them) with the session's CSRF token (read from the forms every page carries), in a language of the UI.
 * Redirects are not followed, so that a test sees them.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final String cookie;
    private String language = "en";
    private String csrf;

    private PageSession(int port, String cookie) {
        this.port = port;
        this.cookie = cookie;
    }

    /** A session of a demo user, or an anonymous one for {@code null}. */
    public static PageSession of(int port, String username) {
        try {
            if (username == null) {
                WebLogin.Session anonymous = WebLogin.anonymous(port);
                PageSession session = new PageSession(port, anonymous.cookie());
                session.csrf = anonymous.csrf();
                return session;
            }
            return new PageSession(port, WebLogin.cookie(port, username));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The UI language of the following requests (the language cookie). */
    public PageSession in(String language) {
        this.language = language;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET as htmx sends it (a fragment of a page). */
    public HttpResponse<String> getFragment(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET());
    }

    /** Posts a form (url-encoded) with the session's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return postForm(path, "_csrf=" + encode(token()) + "&" + encode(form));
    }

    /** Posts a form without any CSRF token. */
    public HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
        return postForm(path, encode(form));
    }

    /** Uploads files (name → file name and content) with form fields, and the CSRF token unless told not to. */
    public HttpResponse<String> upload(String path, Map<String, String> form,
            Map<String, Map.Entry<String, byte[]>> files, boolean withToken) {
        String boundary = "----parley" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        if (withToken) {
            fields.put("_csrf", token());
        }
        fields.putAll(form);
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, file) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Uploads one file as the field {@code file}, with the CSRF token. */
    public HttpResponse<String> upload(String path, Map<String, String> form, String fileName, byte[] content) {
        return upload(path, form, Map.of("file", Map.entry(fileName, content)), true);
    }

    /** Follows a fragment that htmx polls every second (a progress page's) until it stops polling; answers the last. */
    public HttpResponse<String> awaitEnd(String path) {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> status = getFragment(path);
            if (!status.body().contains("hx-trigger=\"every 1s\"")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(path + " did not stop polling");
    }

    private HttpResponse<String> postForm(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
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

    /** Sends with the session's cookies; keeps the CSRF token of a page that carries one. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Cookie", cookie + "; parley-lang=" + language)
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").timeout(Duration.ofSeconds(60))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
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

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The path of a redirect's Location. */
    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return location.startsWith("http") ? URI.create(location).getRawPath() : location;
    }
}
