package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.web.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With every connection of the pool taken, requests are answered 503 with {@code Retry-After} once the pool's wait
 * ({@code parley.db.connection-timeout}) is over — the API's token check, a login, a page — instead of hanging or
 * failing with 500; and the server answers normally again once connections are free.
 */
@ParleyTest
class PoolExhaustionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void aRequestThatFindsNoConnectionFreeIsAskedToComeBack() throws Exception {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        PageSession page = PageSession.of(port, "registrar@party-a");
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
            HttpResponse<String> search = HTTP.send(HttpRequest.newBuilder(registrar.uri("/api/v1/persons"))
                    .header("Authorization", "Bearer " + registrar.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertUnavailable(search, "application/problem+json");
            assertThat(search.body()).contains("urn:parley:problem:unavailable").contains("Nothing was changed");

            HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/auth/token")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\": \"registrar@party-b\", \"password\": \"parley-demo\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertUnavailable(login, "application/problem+json");

            assertUnavailable(page.get("/persons"), "text/html");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(registrar.get("/api/v1/persons").status()).isEqualTo(200);
        assertThat(page.get("/persons").statusCode()).isEqualTo(200);
    }

    private static void assertUnavailable(HttpResponse<String> response, String contentType) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(503);
        assertThat(response.headers().allValues("Retry-After")).containsExactly("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(contentType));
    }
}
