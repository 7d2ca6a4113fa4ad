package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.ApiClient;
import org.parley.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Logging in and out, and the administration page, in a real browser. */
class AccountPagesBrowserTest extends BrowserTest {

    @Autowired
    UserService users;

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

    /** Disabling and resetting a password ask first; "cancel" changes nothing, and one's own row has no "disable". */
    @Test
    void disablingAndResettingAskFirst() {
        String username = "confirm-" + System.nanoTime() % 1_000_000 + "@party-a";
        assertThat(new ApiClient(port).as("admin@party-a").post("/api/v1/users", """
                {"username": "%s", "roles": ["VIEWER"]}""".formatted(username)).status()).isEqualTo(201);
        open("/admin/users?lang=uk");
        assertThat(find("[id='user-admin@party-a']").findElements(By.cssSelector("button.disable"))).isEmpty();
        WebElement row = find("[id='user-" + username + "']");

        row.findElement(By.cssSelector("button.reset-password")).click();
        Alert question = waiting().until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).startsWith("Скинути пароль користувача " + username + "?");
        question.dismiss();
        row.findElement(By.cssSelector("button.disable")).click();
        question = waiting().until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).startsWith("Вимкнути користувача " + username + "?");
        question.dismiss();
        assertThat(findAll("#one-time-password")).isEmpty();
        assertThat(enabled(username)).isTrue();

        js("window.parleyOldPage = true");
        find("[id='user-" + username + "'] button.disable").click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waitUntil(d -> Boolean.TRUE.equals(js("return window.parleyOldPage === undefined "
                + "&& document.readyState === 'complete'")));
        assertThat(find("[id='user-" + username + "']").getText()).contains("вимкнений");
        assertThat(enabled(username)).isFalse();
    }

    private boolean enabled(String username) {
        return users.list(UserService.OPERATOR).stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow().enabled();
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
