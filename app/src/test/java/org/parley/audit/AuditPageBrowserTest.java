package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.parley.ApiClient;
import org.parley.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit page in Ukrainian, read in Kyiv: actions in words, times in the reader's zone, filters as choices. */
class AuditPageBrowserTest extends BrowserTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String defaultUser() {
        return "auditor@intermediary";
    }

    /**
     * The browser in Kyiv's time zone: the page reads it from the cookie static/js/time-zone.js sets (Chromium
     * names it Europe/Kiev; the page as IANA does now).
     */
    private void inKyiv() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", KYIV.getId()));
        open("/audit?lang=uk"); // the first page tells the server the zone; the next ones show it
    }

    @AfterEach
    void backToTheMachinesZone() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
    }

    @Test
    void actionsAreWordsAndTimesAreTheReadersToTheSecond() {
        String surname = "Аудитенко" + System.nanoTime() % 100_000;
        assertThat(new ApiClient(port).as("registrar@party-a").post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "party-a"}""".formatted(surname)).status()).isEqualTo(201);
        inKyiv();
        open("/audit?lang=uk");
        assertThat(find("#column-time").getText()).isEqualTo("Час (Europe/Kyiv)");

        Select action = new Select(find("#filter-action"));
        action.selectByValue("CREATE");
        assertThat(action.getFirstSelectedOption().getText()).isEqualTo("Особу зареєстровано або організацію додано");
        new Select(find("#filter-recordType")).selectByVisibleText("Особа");
        new Select(find("#filter-actor")).selectByVisibleText("registrar@party-a");
        clickToLoad(find("#audit-filters button[type=submit]"));
        assertThat(driver.getCurrentUrl()).contains("action=CREATE").contains("recordType=person")
                .contains("actor=registrar%40party-a");
        WebElement newest = find("#entries tbody tr");
        assertThat(newest.findElement(By.cssSelector(".audit-action")).getText()).isEqualTo("Особу зареєстровано");
        assertThat(newest.findElement(By.cssSelector(".audit-record")).getText()).startsWith("Особа ");
        long seq = Long.parseLong(newest.findElement(By.cssSelector("td")).getText());
        Instant at = jdbc.sql("select at from audit_entry where seq = :seq").param("seq", seq)
                .query(OffsetDateTime.class).single().toInstant();
        assertThat(newest.findElement(By.cssSelector(".audit-time")).getText())
                .isEqualTo(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").format(at.atZone(KYIV)));

        open("/audit?lang=uk&action=BULK_LOAD&size=1");
        assertThat(find("#entries tbody tr .audit-action").getText()).isEqualTo("Особу завантажено масово");
        assertThat(new Select(find("#filter-action")).getFirstSelectedOption().getText())
                .isEqualTo("Особу завантажено масово");
    }

    @Test
    void aFilterThatCannotBeReadShowsNoEntriesButWhatIsWrong() {
        inKyiv();
        open("/audit?lang=uk&from=2026-02-30&to=2026-03-01");
        assertThat(find("#filter-errors").getText()).contains("Ці фільтри не можна застосувати")
                .contains("Від: «2026-02-30» не є датою");
        assertThat(findAll("#entries tbody tr")).isEmpty();
        assertThat(findAll("#no-entries")).isEmpty();
        assertThat(find("#entries-heading").getText()).isEqualTo("Записи (0)");

        open("/audit?lang=uk&from=2026-03-02&to=2026-03-01&colour=red");
        assertThat(find("#filter-errors").getText()).contains("«colour» не є фільтром цієї сторінки")
                .contains("Дні переплутано");
        assertThat(findAll("#entries tbody tr")).isEmpty();

        open("/audit?lang=uk&from=2020-01-01&to=2020-01-01");
        assertThat(findAll("#filter-errors")).as("a valid filter that matches nothing is no error").isEmpty();
        assertThat(find("#no-entries").getText()).isEqualTo("Жоден запис не відповідає фільтрам.");
        assertThat(find("#filter-from").getAttribute("placeholder")).isEqualTo("YYYY-MM-DD");
        assertThat(find("#filter-from").getAttribute("type")).isEqualTo("text");
    }
}
