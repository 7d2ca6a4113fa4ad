package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.access.UserService;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pages' defences: login, lockout, CSRF, session fixation, logout, headers, one-time passwords. */
@ParleyTest
class WebSecurityTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicIds publicIds;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
        return token.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void pagesNeedALoginAndTheLoginPageIsOpen() throws Exception {
        HttpResponse<String> persons = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/persons")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(persons.statusCode()).isEqualTo(302);
        assertThat(persons.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        WebLogin.Session anonymous = WebLogin.anonymous(port);
        assertThat(get("/login?lang=uk", anonymous.cookie()).body()).contains("Вхід").contains("name=\"password\"");
    }

    @Test
    void aFailedLoginSaysTheSameWhateverWentWrong() throws Exception {
        HttpResponse<String> wrongPassword = WebLogin.post(port, "viewer@party-a", "not the password");
        HttpResponse<String> unknownUser = WebLogin.post(port, "nobody@nowhere", "not the password");
        assertThat(wrongPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(unknownUser.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        String username = "lockout-" + System.nanoTime() % 100000 + "@party-a";
        UserService.NewUser created = users.create(UserService.OPERATOR, username, "party-a", EnumSet.of(Role.VIEWER));
        for (int i = 0; i < 5; i++) {
            assertThat(WebLogin.post(port, username, "wrong password " + i).headers().firstValue("Location")
                    .orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> right = WebLogin.post(port, username, created.oneTimePassword());
        assertThat(right.headers().firstValue("Location").orElseThrow()).as("locked").endsWith("/login?error");
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefused() throws Exception {
        String cookie = WebLogin.cookie(port, "admin@party-a");
        HttpResponse<String> noToken = post("/admin/users", cookie, "username=csrf-victim&roles=VIEWER");
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> forged = post("/admin/users", cookie, "username=csrf-victim&roles=VIEWER&_csrf=forged");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(users.list(UserService.OPERATOR)).noneMatch(u -> u.username().equals("csrf-victim"));
        WebLogin.Session anonymous = WebLogin.anonymous(port);
        assertThat(post("/login", anonymous.cookie(), "username=admin%40party-a&password=parley-demo").statusCode())
                .as("login without the token").isEqualTo(403);
    }

    @Test
    void theSessionIdChangesAtLoginAndLogoutEndsTheSession() throws Exception {
        WebLogin.Session before = WebLogin.anonymous(port);
        String after = WebLogin.cookie(port, "viewer@party-b");
        assertThat(after).isNotEqualTo(before.cookie());
        HttpResponse<String> page = get("/persons", after);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> logout = post("/logout", after, "_csrf=" + encode(csrf(page)));
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(get("/persons", after).statusCode()).as("the old session is gone").isEqualTo(302);
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/persons", WebLogin.cookie(port, "viewer@party-a"));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void aOneTimePasswordLeadsToThePasswordPageUntilAnOwnOneIsChosen() throws Exception {
        String admin = WebLogin.cookie(port, "admin@party-b");
        HttpResponse<String> usersPage = get("/admin/users", admin);
        String username = "newcomer-" + System.nanoTime() % 100000 + "@party-b";
        HttpResponse<String> created = post("/admin/users", admin, "username=" + encode(username) + "&roles=VIEWER&_csrf="
                + encode(csrf(usersPage)));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher shown = Pattern.compile("class=\"one-time-password\">([^<]+)<").matcher(created.body());
        assertThat(shown.find()).isTrue();
        String oneTime = shown.group(1);

        String cookie = WebLogin.sessionCookie(WebLogin.post(port, username, oneTime));
        HttpResponse<String> redirected = get("/persons", cookie);
        assertThat(redirected.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        HttpResponse<String> form = get("/account/password", cookie);
        HttpResponse<String> weak = post("/account/password", cookie, "currentPassword=" + encode(oneTime)
                + "&newPassword=password123&repeatPassword=password123&_csrf=" + encode(csrf(form)));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("id=\"password-errors\"");
        String chosen = "violet kettle drums in autumn rain";
        HttpResponse<String> changed = post("/account/password", cookie, "currentPassword=" + encode(oneTime)
                + "&newPassword=" + encode(chosen) + "&repeatPassword=" + encode(chosen) + "&_csrf="
                + encode(csrf(weak)));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(get("/persons", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminOfOnePartyCannotManageTheOthersUsers() throws Exception {
        String admin = WebLogin.cookie(port, "admin@party-a");
        HttpResponse<String> page = get("/admin/users", admin);
        assertThat(page.body()).contains("registrar@party-a").doesNotContain("registrar@party-b");
        HttpResponse<String> disable = post("/admin/users/registrar@party-b/disable", admin, "_csrf="
                + encode(csrf(page)));
        assertThat(disable.statusCode()).isIn(403, 404);
        assertThat(users.list(UserService.OPERATOR)).filteredOn(u -> u.username().equals("registrar@party-b"))
                .allMatch(u -> u.enabled());
    }

    @Test
    void openingAHiddenRecordIsRecordedAsARefusal() throws Exception {
        String hidden = publicIds.of(PublicIds.Kind.PERSON, jdbc.sql("select p.id from person p join organisation h "
                + "on h.id = p.holding_party_id where h.code = 'party-a' and p.notified_on is null limit 1")
                .query(Long.class).single());
        String cookie = WebLogin.cookie(port, "viewer@party-b");
        assertThat(get("/persons/" + hidden, cookie).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from access_refusal where username = 'viewer@party-b' and status = 404 "
                + "and record_id = :id").param("id", String.valueOf(hidden)).query(Long.class).single()).isEqualTo(1);
    }
}
