package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.web.BrowserTest;
import org.parley.web.WebLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each demo role lands where its work is, after the login and at {@code /}; a page asked for first still wins. */
class LandingPageBrowserTest extends BrowserTest {

    /** Demo users and the page each lands on. */
    private static final Map<String, String> LANDINGS = new LinkedHashMap<>();

    static {
        LANDINGS.put("admin", "/admin/users");
        LANDINGS.put("admin@party-a", "/admin/users");
        LANDINGS.put("auditor@party-b", "/audit");
        LANDINGS.put("auditor@intermediary", "/audit");
        LANDINGS.put("interviewer@intermediary", "/wishes/queue");
        LANDINGS.put("negotiator@party-a", "/exchanges");
        LANDINGS.put("negotiator@intermediary", "/exchanges");
        LANDINGS.put("registrar@party-a", "/persons");
        LANDINGS.put("registrar@intermediary", "/persons");
        LANDINGS.put("viewer@party-b", "/persons");
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachRoleLandsOnItsWorkAfterTheLoginAndAtTheStart() {
        LANDINGS.forEach((username, landing) -> {
            long refusals = refusalsOf(username);
            logIn(username);
            assertThat(path()).as(username + " after the login").isEqualTo(landing);
            assertThat(findAll("main#main")).as(username + ": a page, not an error").hasSize(1);
            assertThat(findAll(".error-page")).as(username + ": not an error page").isEmpty();
            open("/");
            assertThat(path()).as(username + " at /").isEqualTo(landing);
            clickToLoad(find(".brand"));
            assertThat(path()).as(username + ": the brand leads to the start").isEqualTo(landing);
            assertThat(refusalsOf(username)).as(username + ": landing refuses nothing").isEqualTo(refusals);
        });
    }

    @Test
    void aPageAskedForBeforeTheLoginWins() {
        driver.manage().deleteAllCookies();
        open("/exchanges?lang=uk");
        assertThat(path()).isEqualTo("/login");
        find("#username").sendKeys("registrar@party-b");
        find("#password").sendKeys(WebLogin.DEMO_PASSWORD);
        clickToLoad(find("#login-submit"));
        assertThat(path()).isEqualTo("/exchanges");
        assertThat(pageLanguage()).isEqualTo("uk");
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private long refusalsOf(String username) {
        return jdbc.sql("select count(*) from access_refusal where username = :username").param("username", username)
                .query(Long.class).single();
    }
}
