package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Actuator on a port of its own, as the load runs of README "Benchmarks" start the server: its metrics answer
 * without a login on the loopback address, and the application's port opens nothing more than before; the requests
 * are measured, Spring Security's own steps are not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.embedded.ephemeral=true", "parley.demo.persons=10",
                "parley.audit.key-file=target/test-audit-ed25519.key", "parley.audit.checkpoint-job=false",
                "parley.access.tally-job=false", "management.server.port=" + ManagementPortTest.MANAGEMENT_PORT,
                "management.server.address=127.0.0.1",
                "management.endpoints.web.exposure.include=health,metrics"})
class ManagementPortTest {

    static final int MANAGEMENT_PORT = 18622;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAnswerOnTheLoopbackManagementPortOnly() throws Exception {
        HttpResponse<String> pool = get("http://127.0.0.1:" + MANAGEMENT_PORT
                + "/actuator/metrics/hikaricp.connections.active");
        assertThat(pool.statusCode()).as(pool.body()).isEqualTo(200);
        assertThat(pool.body()).contains("\"measurements\"");
        assertThat(get("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/metrics/jvm.memory.used?tag=area:heap")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> onTheApplication = get("http://localhost:" + port + "/actuator/metrics");
        assertThat(onTheApplication.statusCode()).as("the application's port: the login first, as for any address")
                .isEqualTo(302);
        assertThat(onTheApplication.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(get("http://localhost:" + port + "/api/v1/persons").statusCode()).isEqualTo(401);

        // The requests above are measured; Spring Security's filters, authentications and authorizations are not
        // (application.properties: they cost a tenth of the server's processor under load).
        assertThat(get("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/metrics/http.server.requests")
                .statusCode()).isEqualTo(200);
        assertThat(get("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/metrics/spring.security.filterchains")
                .statusCode()).isEqualTo(404);
    }
}
