package org.parley.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.parley.web.BrowserTest;

/** The intermediary's interview queue and the private interview form, and what the power of origin sees. */
class WishPagesBrowserTest extends BrowserTest {

    private static final String INTERVIEW = "Розмовляв наодинці; підтвердив своє бажання.";

    @Override
    protected String defaultUser() {
        return "interviewer@intermediary";
    }

    @Test
    void anInterviewFromTheQueueVerifiesTheWishAndThePowerOfOriginSeesOnlyTheStatus() {
        open("/wishes/queue");
        assertThat(find("h1").getText()).isEqualTo("Interview queue");
        WebElement first = find("#queue tbody tr");
        String heldBy = first.findElements(By.tagName("td")).get(1).getText();
        clickToLoad(first.findElement(By.cssSelector("a.person-link")));
        String personUrl = driver.getCurrentUrl().replaceFirst("#.*$", "");
        assertThat(find("#wish-status").getText()).startsWith("Unverified claim");

        new Select(find("#statement-wish")).selectByValue("NOT_RETURN");
        new Select(find("#statement-method")).selectByValue("PRIVATE_INTERVIEW");
        find("#statement-text").sendKeys(INTERVIEW);
        clickToLoad(find("#statement-submit"));
        assertThat(find("#wish-status").getText())
                .isEqualTo("Declines repatriation — verified by the intermediary on " + LocalDate.now());
        assertThat(find("#wish").getText()).contains(INTERVIEW);

        logIn(heldBy.equals("Party A") ? "viewer@party-b" : "viewer@party-a");
        driver.get(personUrl);
        waitForPageLoad();
        assertThat(find("#wish-status").getText())
                .isEqualTo("Declines repatriation — verified by the intermediary on " + LocalDate.now());
        assertThat(driver.getPageSource()).doesNotContain(INTERVIEW).doesNotContain("interviewer@intermediary");
        assertThat(findAll("#statement-form")).isEmpty();
        assertThat(findAll(".statement")).isEmpty();

        open("/wishes/queue");
        assertThat(find("h1").getText()).as("the queue is the intermediary's").isNotEqualTo("Interview queue");
    }

    @Test
    void aRefusedStatementShowsTheReasonAndKeepsThePage() {
        open("/wishes/queue");
        clickToLoad(find("#queue tbody tr a.person-link"));
        js("document.getElementById('statement-takenOn').value = arguments[0]", LocalDate.now().plusDays(3).toString());
        clickToLoad(find("#statement-submit"));
        assertThat(find("#statement-errors").getText()).contains("takenOn").contains("future");
    }
}
