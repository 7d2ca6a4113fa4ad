package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.parley.web.BrowserTest;

/**
 * The person list's Export menu in a real browser: it carries the list's filters and order, and its links download
 * the list (fetched here with the page's session) in the chosen format; the person page links to the capture card.
 */
class ExportBrowserTest extends BrowserTest {

    /** GET of a same-origin address with the page's session: status, content type and text. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done({
                    status: r.status, type: r.headers.get('Content-Type'),
                    disposition: r.headers.get('Content-Disposition'), text: t})));""", href);
    }

    @Test
    void theExportMenuDownloadsTheListAsFilteredAndOrdered() {
        ExportFixture set = ExportFixture.create(port, LocalDate.of(2001, 6, 4));
        open("/persons?" + set.filter() + "&sort=-name");
        WebElement menu = find("#export-menu");
        assertThat(find("#export-csv").isDisplayed()).isFalse();
        find("#export-menu > summary").click();
        assertThat(menu.getAttribute("open")).isNotNull();
        WebElement csv = find("#export-csv");
        assertThat(csv.isDisplayed()).isTrue();
        assertThat(csv.getText()).isEqualTo("CSV (Excel)");
        String href = csv.getAttribute("href");
        assertThat(href).contains("/persons/export?format=csv", "capturedFrom=2001-06-04",
                "capturedTo=2001-06-04", "sort=-name");
        assertThat(find("#export-pfif").getAttribute("href")).contains("format=pfif");
        assertThat(find("#export-cards").getAttribute("href")).contains("/persons/capture-cards.pdf?",
                "capturedFrom=2001-06-04").doesNotContain("format=");

        // a filter changed in place (htmx swaps the results) changes the links too
        find("#filter-panel > summary").click();
        waitForSwap("results", () -> new Select(find("#status")).selectByValue("CAPTURED"));
        assertThat(find("#export-menu").getAttribute("open")).as("the menu stays open").isNotNull();
        href = find("#export-csv").getAttribute("href");
        assertThat(href).contains("status=CAPTURED", "capturedFrom=2001-06-04", "sort=-name");
        assertThat(find("#export-cards").getAttribute("href")).contains("status=CAPTURED");

        Map<String, Object> file = fetch(href);
        assertThat(file.get("status")).isEqualTo(200L);
        assertThat((String) file.get("type")).startsWith("text/csv");
        assertThat((String) file.get("disposition")).startsWith("attachment; filename=\"persons-");
        String text = (String) file.get("text");
        // newest name first, as the list was ordered: Шевченко before Коваленко, Smith after both
        assertThat(text).contains(set.shevchenko(), set.kovalenko(), set.smith(), set.formula())
                .doesNotContain(set.petrenko());
        assertThat(text.indexOf("Шевченко")).isLessThan(text.indexOf("Коваленко"));
        assertThat(text.indexOf("Коваленко")).isLessThan(text.indexOf("Smith"));

        Map<String, Object> cards = fetch(find("#export-cards").getAttribute("href"));
        assertThat(cards.get("status")).isEqualTo(200L);
        assertThat(cards.get("type")).isEqualTo("application/pdf");
    }

    @Test
    void thePersonPageLinksToTheCaptureCard() {
        ExportFixture set = ExportFixture.create(port, LocalDate.of(2001, 6, 5));
        open("/persons/" + set.shevchenko());
        WebElement link = find("#capture-card");
        assertThat(link.getText()).isEqualTo("Capture card (PDF)");
        assertThat(link.getAttribute("href")).endsWith("/persons/" + set.shevchenko() + "/capture-card.pdf");
        Map<String, Object> card = fetch(link.getAttribute("href"));
        assertThat(card.get("status")).isEqualTo(200L);
        assertThat(card.get("type")).isEqualTo("application/pdf");
    }
}
