package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The icon browsers ask for, served without a login: an ICO at the usual address and the SVG pages name. */
@ParleyTest
class FaviconTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theIconIsServedToAnybody() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
        assertThat(ico.body()).startsWith(0, 0, 1, 0); // an icon resource
        HttpResponse<byte[]> svg = get("/favicon.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).contains("<svg");
    }

    @Test
    void pagesNameTheIcon() throws Exception {
        HttpResponse<byte[]> login = get("/login");
        assertThat(new String(login.body(), StandardCharsets.UTF_8))
                .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
