package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.parley.web.BrowserTest;

/** Logging in and out, and the administration page, in a real browser. */
class AccountPagesBrowserTest extends BrowserTest {

    @Override
    protected String defaultUser() {
        return "admin@party-a";
    }

    @Test
    void theHeaderShowsWhoIsLoggedInAndLogoutEndsTheSession() {
        open("/persons");
        assertThat(find("#account-name").getText()).isEqualTo("admin@party-a · party-a");
        find("#logout").click();
        waitUntil(d -> d.getCurrentUrl().contains("/login?logout"));
        open("/persons");
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void aWrongPasswordShowsOneGenericMessage() {
        driver.manage().deleteAllCookies();
        open("/login?lang=ru");
        find("#username").sendKeys("registrar@party-b");
        find("#password").sendKeys("wrong");
        find("#login-submit").click();
        waitUntil(d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(find("#login-error").getText()).startsWith("Не удалось войти");
    }

    @Test
    void anAdminAddsAUserAndSeesTheOneTimePasswordOnce() {
        open("/admin/users");
        assertThat(findAll(".users-table tbody tr")).isNotEmpty();
        find("#username").sendKeys("browser-made@party-a");
        find("input[name=roles][value=VIEWER]").click();
        clickToLoad(find("#create-user button[type=submit]"));
        assertThat(find("#one-time-password").getText()).contains("browser-made@party-a");
        assertThat(find(".one-time-password").getText()).matches("[a-z0-9-]{20,}");
        assertThat(find("[id='user-browser-made@party-a']").getText()).contains("party-a");
        open("/admin/users");
        assertThat(findAll("#one-time-password")).isEmpty();
    }
}
