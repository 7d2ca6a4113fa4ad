package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rate limits at low values, on an application of their own. The test client is configured as a trusted proxy
 * here, so that each test can speak for a client address of its own through {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.embedded.ephemeral=true", "parley.demo.persons=10",
                "parley.audit.key-file=target/test-audit-ed25519.key", "parley.audit.checkpoint-job=false",
                "parley.access.tally-job=false", "parley.trusted-proxies=127.0.0.1, ::1",
                "parley.rate-limit.user-per-minute=" + RateLimitTest.USER,
                "parley.rate-limit.anonymous-per-minute=" + RateLimitTest.ANONYMOUS,
                "parley.rate-limit.login-per-minute=" + RateLimitTest.LOGIN})
class RateLimitTest {

    static final int USER = 30;
    static final int ANONYMOUS = 10;
    static final int LOGIN = 3;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request, String client) throws IOException,
            InterruptedException {
        return HTTP.send(request.header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder login(String username, String password) {
        return request("/api/v1/auth/token").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}"));
    }

    private static void assertLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertLimited(response);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:parley:problem:rate-limited\"").contains("\"status\":429");
    }

    @Test
    void anonymousCallsAreLimitedPerClientAddress() throws Exception {
        for (int i = 0; i < ANONYMOUS; i++) {
            assertThat(send(request("/api/v1/persons"), "198.51.100.1").statusCode()).isEqualTo(401);
        }
        assertProblem(send(request("/api/v1/persons"), "198.51.100.1"));
        HttpResponse<String> page = send(request("/persons"), "198.51.100.1");
        assertLimited(page);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Too many requests</h1>");
        assertThat(send(request("/api/v1/persons"), "198.51.100.2").statusCode()).as("another client").isEqualTo(401);
    }

    @Test
    void loginsAreLimitedMoreStrictlyPerClientAddress() throws Exception {
        for (int i = 0; i < LOGIN; i++) {
            assertThat(send(login("viewer@party-a", "wrong " + i), "198.51.100.10").statusCode()).isEqualTo(401);
        }
        assertProblem(send(login("viewer@party-a", ApiClient.DEMO_PASSWORD), "198.51.100.10"));
        HttpResponse<String> form = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=viewer%40party-a&password=x")), "198.51.100.10");
        assertLimited(form);
        assertThat(form.body()).contains("Too many requests");
        assertThat(send(login("viewer@party-a", ApiClient.DEMO_PASSWORD), "198.51.100.11").statusCode())
                .as("another client").isEqualTo(201);
    }

    @Test
    void aLoggedInUserIsLimitedPerUserWhereverTheyCallFrom() throws Exception {
        String token = tokenOf("registrar@party-b", "198.51.100.20");
        // the bucket refills by one every 2 s meanwhile: on a busy machine a few more calls may pass
        int allowed = 0;
        HttpResponse<String> answer;
        while ((answer = send(request("/api/v1/organisations").header("Authorization", "Bearer " + token),
                "198.51.100." + (21 + allowed % 2))).statusCode() == 200 && allowed < 2 * USER) {
            allowed++;
        }
        assertThat(allowed).isBetween(USER, USER + USER / 2);
        assertProblem(answer);
        String other = tokenOf("viewer@party-b", "198.51.100.20");
        assertThat(send(request("/api/v1/organisations").header("Authorization", "Bearer " + other),
                "198.51.100.21").statusCode()).as("another user").isEqualTo(200);
    }

    private String tokenOf(String username, String client) throws Exception {
        HttpResponse<String> issued = send(login(username, ApiClient.DEMO_PASSWORD), client);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
