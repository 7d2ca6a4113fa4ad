package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.web.WebLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The users page without JavaScript: disabling a user and resetting a password ask on a page of their own before
 * anything changes, and nobody disables themselves.
 */
@ParleyTest
class UserPagesHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void disablingAsksFirstThenDisables() throws Exception {
        String username = "nojs-" + System.nanoTime() % 1_000_000 + "@party-a";
        assertThat(new ApiClient(port).as("admin@party-a").post("/api/v1/users", """
                {"username": "%s", "roles": ["VIEWER"]}""".formatted(username)).status()).isEqualTo(201);
        String admin = WebLogin.cookie(port, "admin@party-a");
        String csrf = csrf(get("/admin/users", admin));

        HttpResponse<String> asked = post("/admin/users/" + username + "/disable", admin + "; parley-lang=uk",
                "_csrf=" + csrf);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"confirmation\"")
                .contains("Вимкнути користувача " + username + "?").contains("name=\"confirmed\" value=\"yes\"");
        assertThat(enabled(username)).as("nothing changed yet").isTrue();

        HttpResponse<String> resetAsked = post("/admin/users/" + username + "/reset-password", admin, "_csrf="
                + csrf);
        assertThat(resetAsked.body()).contains("Reset the password of " + username + "?")
                .doesNotContain("id=\"one-time-password\"");

        HttpResponse<String> done = post("/admin/users/" + username + "/disable", admin, "_csrf=" + csrf
                + "&confirmed=yes");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(enabled(username)).isFalse();
    }

    @Test
    void nobodyDisablesThemselvesAndTheirRowOffersNoDisabling() throws Exception {
        String admin = WebLogin.cookie(port, "admin@party-b");
        HttpResponse<String> page = get("/admin/users", admin);
        String ownRow = row(page.body(), "admin@party-b");
        assertThat(ownRow).contains("reset-password").doesNotContain("/disable");
        assertThat(row(page.body(), "viewer@party-b")).contains("/disable");

        HttpResponse<String> refused = post("/admin/users/admin@party-b/disable", admin + "; parley-lang=ru",
                "_csrf=" + csrf(page) + "&confirmed=yes");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Вы не можете отключить собственную учётную запись.");
        assertThat(enabled("admin@party-b")).isTrue();
    }

    @Test
    void anotherOrganisationsUserIsNotFoundEvenToBeAsked() throws Exception {
        String admin = WebLogin.cookie(port, "admin@party-a");
        String csrf = csrf(get("/admin/users", admin));
        for (String action : new String[] {"disable", "reset-password"}) {
            HttpResponse<String> answer = post("/admin/users/viewer@party-b/" + action, admin, "_csrf=" + csrf);
            assertThat(answer.statusCode()).as(action).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("viewer@party-b?");
        }
        assertThat(enabled("viewer@party-b")).isTrue();
    }

    private boolean enabled(String username) {
        return users.list(UserService.OPERATOR).stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow().enabled();
    }

    private static String row(String html, String username) {
        int start = html.indexOf("id=\"user-" + username + "\"");
        assertThat(start).as(username + "'s row").isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }
}
