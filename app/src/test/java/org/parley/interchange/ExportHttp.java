package org.parley.interchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.parley.ApiClient;

/** Downloads through the API as a demo user (one token each), keeping the status, headers and bytes. */
final class ExportHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final int port;
    private final Map<String, String> tokens = new HashMap<>();

    ExportHttp(int port) {
        this.port = port;
    }

    HttpResponse<byte[]> get(String username, String path) {
        return get(username, path, "en");
    }

    /** GET as {@code username} (null: without a token), asking for {@code language}. */
    HttpResponse<byte[]> get(String username, String path, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("Accept-Language", language);
        if (username != null) {
            request.header("Authorization", "Bearer " + tokens.computeIfAbsent(username, this::token));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String username) {
        ApiClient.Response issued = new ApiClient(port).post("/api/v1/auth/token", "{\"username\": \"" + username
                + "\", \"password\": \"" + ApiClient.DEMO_PASSWORD + "\"}");
        return issued.json().get("token").stringValue();
    }
}
