package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.RawHttp;
import org.parley.access.UserService;
import org.parley.api.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request with a forged {@code Host} header is never redirected to that host: to the login page, after a login
 * to the page first asked for, after logout, to the password page, from a page.
 */
@ParleyTest
class ForgedHostRedirectsTest {

    private static final String FORGED = "Host: evil.example";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private RawHttp.Response get(String path, String... headers) {
        String[] all = new String[headers.length + 1];
        all[0] = FORGED;
        System.arraycopy(headers, 0, all, 1, headers.length);
        return RawHttp.send(port, "GET " + path + " HTTP/1.1", all);
    }

    private static String location(RawHttp.Response response) {
        assertThat(response.status()).as(response.head()).isEqualTo(302);
        return response.header("Location").orElseThrow();
    }

    private static String cookie(RawHttp.Response response) {
        return response.head().lines().filter(line -> line.startsWith("Set-Cookie: JSESSIONID="))
                .map(line -> line.substring("Set-Cookie: ".length(), line.indexOf(';'))).findFirst().orElseThrow();
    }

    private String csrf(String path, String cookie, String host) {
        Matcher token = CSRF.matcher(RawHttp.send(port, "GET " + path + " HTTP/1.1", host, "Cookie: " + cookie)
                .body());
        assertThat(token.find()).isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void theLoginPageAndThePageAskedForAreReachedWithoutTheForgedHost() {
        RawHttp.Response toLogin = get("/persons");
        assertThat(location(toLogin)).isEqualTo("/login");
        String session = cookie(toLogin);
        // The same session logs in (with the real host): it is sent back to the page it asked for, on this server.
        String form = "username=viewer%40party-a&password=" + WebLogin.DEMO_PASSWORD + "&_csrf="
                + csrf("/login", session, "Host: localhost");
        RawHttp.Response loggedIn = RawHttp.postForm(port, "/login", form, "Host: localhost", "Cookie: " + session);
        assertThat(location(loggedIn)).isEqualTo("/persons?continue");
    }

    @Test
    void pagesAndLogoutRedirectWithoutTheForgedHost() throws Exception {
        String cookie = WebLogin.cookie(port, "viewer@party-b");
        assertThat(location(get("/", "Cookie: " + cookie))).isEqualTo("/persons");
        RawHttp.Response logout = RawHttp.postForm(port, "/logout", "_csrf=" + csrf("/persons", cookie, FORGED), FORGED,
                "Cookie: " + cookie);
        assertThat(location(logout)).isEqualTo("/login?logout");
    }

    @Test
    void aOneTimePasswordLeadsToThePasswordPageWithoutTheForgedHost() throws Exception {
        String username = "forged-host-" + System.nanoTime() % 100000 + "@party-a";
        UserService.NewUser created = users.create(UserService.OPERATOR, username, "party-a", EnumSet.of(Role.VIEWER));
        String cookie = WebLogin.sessionCookie(WebLogin.post(port, username, created.oneTimePassword()));
        assertThat(location(get("/persons", "Cookie: " + cookie))).isEqualTo("/account/password");
    }
}
