package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.parley.ApiClient;
import org.parley.web.BrowserTest;

/** One's own account page: who one is, and one's API tokens, issued, used by the API and revoked. */
class AccountPageBrowserTest extends BrowserTest {

    @Override
    protected String defaultUser() {
        return "registrar@party-b";
    }

    @Test
    void theHeaderLeadsToTheAccountWhichSaysWhoOneIs() {
        open("/persons");
        clickToLoad(find("#account-name"));
        assertThat(driver.getCurrentUrl()).endsWith("/account");
        assertThat(find("#profile-username").getText()).isEqualTo("registrar@party-b");
        assertThat(find("#profile-organisation").getText()).isEqualTo("Party B");
        assertThat(find("#profile-roles").getText()).isEqualTo("Registrar");
        assertThat(find("#change-password").getAttribute("href")).endsWith("/account/password");
    }

    @Test
    void aTokenIsShownOnceWorksInTheApiAndStopsWhenRevoked() {
        open("/account?lang=uk");
        find("#token-name").sendKeys("Скрипт звітів");
        new Select(find("#token-lifetime")).selectByValue("24");
        clickToLoad(find("#issue-submit"));
        String token = find("#issued-token-value").getText();
        assertThat(token).startsWith("prl_");
        assertThat(find("#issued-token").getText()).contains("Скопіюйте його зараз").contains("«Скрипт звітів»");
        assertThat(find("#tokens").getText()).contains("Скрипт звітів");
        ApiClient api = new ApiClient(port).withToken(token);
        assertThat(api.get("/api/v1/persons?size=1").status()).isEqualTo(200);

        open("/account?lang=uk");
        assertThat(findAll("#issued-token")).as("shown once only").isEmpty();
        revokeButton("Скрипт звітів").click();
        waiting().until(ExpectedConditions.alertIsPresent()).dismiss(); // asked first; "no" keeps it
        assertThat(api.get("/api/v1/persons?size=1").status()).isEqualTo(200);
        js("window.parleyOldPage = true");
        revokeButton("Скрипт звітів").click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waitUntil(d -> Boolean.TRUE.equals(js("return window.parleyOldPage === undefined "
                + "&& document.readyState === 'complete'")));
        assertThat(find("#revoked-token").getText()).isEqualTo("Токен «Скрипт звітів» відкликано.");
        assertThat(find("main").getText()).doesNotContain(token);
        assertThat(api.get("/api/v1/persons?size=1").status()).isEqualTo(401);
    }

    private WebElement revokeButton(String tokenName) {
        return findAll("#tokens tbody tr").stream().filter(row -> row.getText().contains(tokenName)).findFirst()
                .orElseThrow().findElement(By.cssSelector("button.revoke"));
    }

    @Test
    void anotherUsersTokenIsNeitherListedNorRevokedEvenByAnAdministrator() {
        ApiClient.Response issued = new ApiClient(port).post("/api/v1/auth/token", """
                {"username": "negotiator@party-b", "password": "parley-demo", "name": "Чужий токен"}""");
        String id = issued.json().get("id").stringValue();
        ApiClient theirs = new ApiClient(port).withToken(issued.json().get("token").stringValue());
        for (String username : new String[] {"registrar@party-b", "admin@party-b"}) {
            logIn(username);
            open("/account");
            assertThat(find("main").getText()).as(username).doesNotContain("Чужий токен");
            // the revoke form as if it were on the page, with the page's CSRF token
            js("const form = document.createElement('form'); form.method = 'post';"
                    + " form.action = '/account/tokens/' + arguments[0] + '/revoke';"
                    + " form.appendChild(document.querySelector('input[name=_csrf]').cloneNode());"
                    + " document.body.appendChild(form); window.parleyOldPage = true; form.submit();", id);
            waitUntil(d -> Boolean.TRUE.equals(js("return window.parleyOldPage === undefined "
                    + "&& document.readyState === 'complete'")));
            assertThat(find(".error-code").getText()).as(username).isEqualTo("404");
            assertThat(theirs.get("/api/v1/persons?size=1").status()).as("still valid").isEqualTo(200);
        }
    }

    @Test
    void aLifetimeNotOfferedIsRefusedWithAMessage() {
        open("/account?lang=ru");
        js("document.querySelector('#token-lifetime option').value = '5000'");
        new Select(find("#token-lifetime")).selectByIndex(0);
        clickToLoad(find("#issue-submit"));
        assertThat(find("#token-errors").getText())
                .isEqualTo("Действует в течение: выберите один из предложенных сроков.");
        assertThat(findAll("#issued-token")).isEmpty();
    }
}
