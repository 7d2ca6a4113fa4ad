package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser meets errors as the HTML error page in its language — an unknown page, a wrong method, the error page
 * opened directly — never as JSON, a framework's message or a stack trace; a client asking for JSON gets a
 * problem detail.
 */
@ParleyTest
class ErrorPagesTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, String cookie, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertErrorPage(HttpResponse<String> page, int status) {
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("class=\"error-code\">" + status + "<")
                .doesNotContain("Exception", "static resource", "springframework", "Whitelabel", "999");
    }

    @Test
    void anUnknownPageIsTheNotFoundPage() throws Exception {
        String cookie = WebLogin.cookie(port, "viewer@party-a");
        HttpResponse<String> page = send("GET", "/no-such-page", cookie, BROWSER);
        assertErrorPage(page, 404);
        assertThat(page.body()).contains("There is no such page or record").contains("id=\"account-name\"");
        HttpResponse<String> ukrainian = send("GET", "/no-such-page?lang=uk", cookie, BROWSER);
        assertErrorPage(ukrainian, 404);
        assertThat(ukrainian.body()).contains("lang=\"uk\"");
    }

    @Test
    void aWrongMethodOnAPageIsTheErrorPage() throws Exception {
        HttpResponse<String> page = send("GET", "/admin/users/viewer@party-a/disable", WebLogin.cookie(port,
                "admin@party-a"), BROWSER);
        assertErrorPage(page, 405);
        assertThat(page.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void theErrorPageOpenedDirectlyIsNotFound() throws Exception {
        assertErrorPage(send("GET", "/error", null, BROWSER), 404);
        assertErrorPage(send("POST", "/error", WebLogin.cookie(port, "viewer@party-b"), BROWSER), 403);
    }

    @Test
    void aClientAskingForJsonGetsAProblemDetail() throws Exception {
        HttpResponse<String> problem = send("GET", "/no-such-page", WebLogin.cookie(port, "viewer@party-a"),
                "application/json");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(problem.body()).contains("urn:parley:problem:not-found").doesNotContain("static resource");
    }
}
