package org.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of a running Parley's API for the exchange runs: tokens, JSON in and out, timings. */
final class ExchangeApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ExchangeApi(String base) {
        this.base = base;
    }

    /** A bearer token of a demo user (password parley-demo), valid for 12 hours. */
    String token(String username) throws Exception {
        return post(null, "/api/v1/auth/token", "{\"username\": \"" + username + "\", \"password\": \"parley-demo\"}",
                201).get("token").stringValue();
    }

    JsonNode get(String token, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(10)).GET(), 200);
    }

    JsonNode post(String token, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request, expected);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            String body = response.body();
            throw new IllegalStateException(response.statusCode() + " " + (body.length() > 2000
                    ? body.substring(0, 2000) + "…" : body));
        }
        return JSON.readTree(response.body());
    }

    /** The demo round's time figures: median, p95 and max of nanosecond samples, in ms. */
    static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms (%d runs)",
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6,
                sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }
}
