package org.parley.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.parley.ApiClient;
import org.parley.web.BrowserTest;

/**
 * The tracing pages in Chromium: the intermediary's registrar records a request in Latin letters, sees the person
 * registered in Cyrillic beside it with the explanation, confirms, answers; a request that a later notification
 * matches comes first in the list with its new match; the pages in Ukrainian and Russian.
 */
class TracingPagesBrowserTest extends BrowserTest {

    @Override
    protected String defaultUser() {
        return "registrar@intermediary";
    }

    private String registerAndNotify(String surname, String given) {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        String id = registrar.post("/api/v1/persons", "{\"surname\": \"" + surname + "\", \"givenName\": \"" + given
                + "\", \"nameLanguage\": \"uk\", \"dateOfBirth\": \"1993-06-01\", \"holdingParty\": \"party-a\", "
                + "\"powerOfOrigin\": \"party-b\"}").json().get("id").stringValue();
        assertThat(registrar.post("/api/v1/persons/notifications", "{\"personIds\": [\"" + id + "\"], \"date\": \""
                + LocalDate.now() + "\"}").status()).isIn(200, 201);
        return id;
    }

    @Test
    void recordARequestSeeTheCandidateBesideItConfirmAndAnswer() {
        String person = registerAndNotify("Вербицький-Тестовий", "Остап");
        open("/tracing");
        clickToLoad(find("#nav-tracing"));
        clickToLoad(find("#tracing-new"));
        find("#tracing-surname").sendKeys("Verbytskyi-Testovyi");
        find("#tracing-givenName").sendKeys("Ostap");
        find("#tracing-dateOfBirth").sendKeys("1993");
        find("#tracing-requesterName").sendKeys("Maria");
        find("#tracing-requesterContact").sendKeys("+380 50 000 0000");
        clickToLoad(find("#tracing-submit"));

        assertThat(find("#tracing-sought").getText()).contains("Verbytskyi-Testovyi Ostap").contains("+380 50 000 0000");
        WebElement candidate = find("#candidate-" + person);
        assertThat(candidate.getText()).contains("Вербицький-Тестовий Остап").contains("Verbytskyi-Testovyi Ostap")
                .contains("surname:");
        clickToLoad(candidate.findElement(By.cssSelector("button.confirm")));
        assertThat(find("#candidate-" + person + " .decision").getText()).isEqualTo("Confirmed");
        find("#answer-text").sendKeys("Held by Party A.");
        clickToLoad(find("#answer-submit"));
        assertThat(find("#tracing-state").getText()).isEqualTo("Answered");
        assertThat(find("#tracing-answer").getText()).contains("Held by Party A.");
    }

    @Test
    void aLaterNotificationPutsTheRequestFirstWithItsNewMatchInEveryLanguage() {
        open("/tracing/new");
        find("#tracing-fullName").sendKeys("Pidkovenko-Testovyi Yurii");
        clickToLoad(find("#tracing-submit"));
        String request = driver.getCurrentUrl().replaceFirst(".*/tracing/", "");
        assertThat(find("#candidates-none").isDisplayed()).isTrue();

        registerAndNotify("Підковенко-Тестовий", "Юрій");
        open("/tracing");
        WebElement first = find("#tracing-requests tbody tr");
        assertThat(first.getAttribute("id")).isEqualTo("request-" + request);
        assertThat(first.findElement(By.cssSelector(".new-matches")).getText()).isEqualTo("1 new");

        open("/tracing/" + request + "?lang=uk");
        assertThat(find("h1").getText()).isEqualTo("Запит про розшук");
        assertThat(find(".tracing-candidate-new").getText()).contains("Підковенко-Тестовий Юрій").contains("Новий");
        open("/tracing?lang=ru");
        assertThat(find("h1").getText()).isEqualTo("Запросы о розыске");
        assertThat(find("#request-" + request).findElements(By.cssSelector(".new-matches"))).as("seen").isEmpty();
    }

    @Test
    void aRefusedFormNamesTheFieldAndKeepsWhatWasTyped() {
        open("/tracing/new");
        find("#tracing-unit").sendKeys("24 brigade");
        find("#tracing-dateOfBirth").sendKeys("1993-13");
        clickToLoad(find("#tracing-submit"));
        assertThat(find("#tracing-errors").getText()).contains("surname").contains("dateOfBirth '1993-13' has no month 13");
        assertThat(find("#tracing-unit").getAttribute("value")).isEqualTo("24 brigade");
    }
}
