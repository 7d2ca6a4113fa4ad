package org.parley;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests against the running server. */
public final class ApiClient {

    /** The password of every demo user (see DemoLoader). */
    public static final String DEMO_PASSWORD = "parley-demo";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String token;

    /** A client without token: every call but the token endpoint answers 401. */
    public ApiClient(int port) {
        this("http://localhost:" + port, null);
    }

    private ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A client acting as a demo user, with a fresh API token. */
    public ApiClient as(String username) {
        Response issued = post("/api/v1/auth/token", "{\"username\": \"" + username + "\", \"password\": \""
                + DEMO_PASSWORD + "\"}");
        if (issued.status() != 201) {
            throw new IllegalStateException("no token for " + username + ": " + issued.body());
        }
        return withToken(issued.json().get("token").stringValue());
    }

    /** The token this client sends, or null. */
    public String token() {
        return token;
    }

    /** A client that sends this token (valid or not). */
    public ApiClient withToken(String bearer) {
        return new ApiClient(base, bearer);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** A response: status, content type and body parsed as JSON when it is JSON. */
    public record Response(int status, String contentType, String body, JsonNode json) {

        /** The fields a problem detail's {@code errors} name, in order. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json.get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
            return fields;
        }

        /** The reason a problem detail gives for a field. */
        public String reason(String field) {
            for (JsonNode error : json.get("errors")) {
                if (error.get("field").stringValue().equals(field)) {
                    return error.get("reason").stringValue();
                }
            }
            throw new AssertionError("no error for " + field + " in " + body);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patch(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode node = type.contains("json") && !response.body().isEmpty() ? json.readTree(response.body()) : null;
            return new Response(response.statusCode(), type, response.body(), node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file as the server sends it: status, content type and the bytes. */
    public record Download(int status, String contentType, byte[] body) {
    }

    /** GET of a file (a PDF), in a language. */
    public Download download(String path, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String toJson(Object value) {
        return json.writeValueAsString(value);
    }
}
