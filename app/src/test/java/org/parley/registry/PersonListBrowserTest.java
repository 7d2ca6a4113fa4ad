package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.web.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * The person list as people who live in spreadsheets expect it, in a real browser: names in the alphabet of the
 * page's language, column headings that order the list, page size and page jump, a compact list that shows at least
 * 15 rows on a laptop, and a registrar who selects rows and notifies them at once.
 */
class PersonListBrowserTest extends BrowserTest {

    /** A laptop of the most common resolution, the browser filling the screen. */
    private static final Dimension WIDE_LAPTOP = new Dimension(1366, 900);

    private ApiClient registrar() {
        return new ApiClient(port).as("registrar@party-a");
    }

    private static String create(ApiClient registrar, String surname, String givenName, String captureDate) {
        Response created = registrar.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b",
                 "captureDate": "%s"}""".formatted(surname, givenName, captureDate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private List<String> surnames() {
        return findAll("#results .person-row .name-as-written").stream().map(e -> e.getText().split(" ")[0])
                .toList();
    }

    @Test
    void namesAreInTheAlphabeticalOrderOfThePagesLanguage() {
        String token = PersonListApiTest.uniqueWord("Абетка");
        ApiClient registrar = registrar();
        for (String surname : List.of("Яковенко", "Іванов", "Abramov", "Єрмак", "Иванов", "Ёлкин", "Елисеев")) {
            create(registrar, surname, token, "2024-01-01");
        }
        List<String> cyrillicFirst = List.of("Елисеев", "Ёлкин", "Єрмак", "Иванов", "Іванов", "Яковенко", "Abramov");

        open("/persons?lang=uk&sort=name&q=" + ApiClient.encode(token));
        assertThat(pageLanguage()).isEqualTo("uk");
        assertThat(surnames()).as("Ukrainian: Є after Е, І after И, both before Я").isEqualTo(cyrillicFirst);
        assertThat(find("th.col-name").getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(find("th.col-captured").getAttribute("aria-sort")).isEqualTo("none");

        clickToLoad(find("#language-switch a[data-lang='ru']"));
        waitUntil(d -> "ru".equals(pageLanguage()));
        assertThat(surnames()).as("Russian: Ё with Е").isEqualTo(cyrillicFirst);

        clickToLoad(find("#language-switch a[data-lang='en']"));
        waitUntil(d -> "en".equals(pageLanguage()));
        List<String> latinFirst = new ArrayList<>(cyrillicFirst.subList(0, 6));
        latinFirst.add(0, "Abramov");
        assertThat(surnames()).as("English: the root order, Latin first").isEqualTo(latinFirst);

        // the heading orders the other way, and says so
        waitForSwap("results", () -> find("#sort-name").click());
        List<String> reversed = new ArrayList<>(latinFirst);
        Collections.reverse(reversed);
        assertThat(surnames()).isEqualTo(reversed);
        assertThat(find("th.col-name").getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(driver.getCurrentUrl()).contains("sort=-name");
        // a filter changed afterwards keeps the order
        find("#filter-panel summary").click();
        waitForSwap("results", () -> new Select(find("#status")).selectByValue("CAPTURED"));
        assertThat(driver.getCurrentUrl()).contains("sort=-name").contains("status=CAPTURED");
        assertThat(find("#active-filters").getText()).as("the panel's summary follows").contains("1");
        assertThat(surnames()).isEqualTo(reversed);
    }

    @Test
    void theCaptureDateAndTimeInCaptivityHeadingsOrderTheListBothWays() {
        String token = PersonListApiTest.uniqueWord("Дата");
        ApiClient registrar = registrar();
        create(registrar, "Середній", token, "2023-05-01");
        create(registrar, "Ранній", token, "2021-05-01");
        create(registrar, "Пізній", token, "2025-05-01");
        open("/persons?q=" + ApiClient.encode(token));
        assertThat(find("#order-relevance").isDisplayed()).as("a search lists the best matches first").isTrue();

        waitForSwap("results", () -> find("#sort-captureDate").click());
        assertThat(find("th.col-captured").getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(surnames()).containsExactly("Ранній", "Середній", "Пізній");
        waitForSwap("results", () -> find("#sort-captureDate").click());
        assertThat(find("th.col-captured").getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(surnames()).containsExactly("Пізній", "Середній", "Ранній");
        waitForSwap("results", () -> find("#sort-timeInCaptivity").click());
        assertThat(surnames()).as("shortest first").containsExactly("Пізній", "Середній", "Ранній");
        waitForSwap("results", () -> find("#sort-timeInCaptivity").click());
        assertThat(surnames()).containsExactly("Ранній", "Середній", "Пізній");
        assertThat(find("th.col-captivity").getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(findAll("#results .col-captivity").get(1).getText()).matches("\\d+ y( \\d+ m)?|\\d+ m");
    }

    @Test
    void fifteenRowsShowInALaptopWindowAndTheFiltersFoldAway() throws IOException {
        viewport(WIDE_LAPTOP);
        // the longer headings and words of Ukrainian and Russian take more room than English
        for (String language : List.of("uk", "ru", "en")) {
            open("/persons?lang=" + language);
            assertThat(find("#filter-panel").getAttribute("open")).as("the filters are folded").isNull();
            assertThat(find("#batch-form").isDisplayed()).as("the registrar's batch bar is there").isTrue();
            // rows of one line each that fit below the first: a row whose name's Latin spelling or wish status
            // wraps takes two, and which rows come first depends on the demo world of the day
            Number visible = (Number) js("const rows = Array.from(document.querySelectorAll('#results .person-row'));"
                    + "const line = Math.min(...rows.map(r => r.getBoundingClientRect().height));"
                    + "return Math.floor((window.innerHeight - rows[0].getBoundingClientRect().top) / line)");
            screenshot("ui-list-1366x900-" + language);
            assertThat(visible.intValue()).as("one-line rows in sight at 1366x900, " + language)
                    .isGreaterThanOrEqualTo(15);
            assertThat(overflowsHorizontally()).isFalse();
        }

        find("#filter-panel summary").click();
        assertThat(find("#status").isDisplayed()).isTrue();
        WebElement from = find("#capturedFrom");
        assertThat(from.getAttribute("type")).as("dates are typed as text, YYYY-MM-DD").isEqualTo("text");
        assertThat(from.getAttribute("placeholder")).isEqualTo("YYYY-MM-DD");
        waitForSwap("results", () -> {
            from.sendKeys("2024-01-01");
            find("#capturedTo").click();
        });
        assertThat(driver.getCurrentUrl()).contains("capturedFrom=2024-01-01");
        assertThat(findAll("#results .col-captured").stream().map(WebElement::getText))
                .allMatch(d -> d.compareTo("2024-01-01") >= 0);
    }

    @Test
    void thePageSizeAndThePageJumpKeepTheFiltersAndTheOrder() {
        open("/persons?sort=-captureDate");
        String summary = find("#result-summary strong").getText();
        long total = Long.parseLong(summary.replaceAll("\\D", ""));
        String more = summary.endsWith(" or more") ? " or more" : ""; // a long list is counted up to a thousand
        waitForSwap("results", () -> new Select(find("#size")).selectByValue("25"));
        assertThat(findAll("#results .person-row")).hasSize(25);
        assertThat(driver.getCurrentUrl()).contains("size=25").contains("sort=-captureDate");

        long pages = (total + 24) / 25;
        assertThat(pages).as("the demo world fills several pages").isGreaterThan(3);
        WebElement pageNumber = find("#page-number");
        waitForSwap("results", () -> {
            pageNumber.sendKeys("3");
            find(".page-jump button").click();
        });
        assertThat(find(".page-position").getText())
                .isEqualTo("Page 3 of " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(pages) + more);
        assertThat(driver.getCurrentUrl()).contains("page=3").contains("size=25").contains("sort=-captureDate");
        List<String> dates = findAll("#results .col-captured").stream().map(WebElement::getText).toList();
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(Collections.reverseOrder());
        assertThat(dates).isEqualTo(sorted);
    }

    @Test
    void aRegistrarSelectsThreeRowsAndNotifiesThemAtOnce() {
        String token = PersonListApiTest.uniqueWord("Вибір");
        ApiClient registrar = registrar();
        List<String> ids = new ArrayList<>();
        for (String surname : List.of("Бойко", "Гриценко", "Данилюк", "Ковальчук")) {
            ids.add(create(registrar, surname, token, "2024-02-01"));
        }
        open("/persons?sort=name&q=" + ApiClient.encode(token));
        List<WebElement> boxes = findAll("#results input[name='personId']");
        assertThat(boxes).hasSize(4);
        WebElement button = find("#notify-selected");
        assertThat(button.isEnabled()).as("nothing selected yet").isFalse();

        find("#select-all").click();
        assertThat(boxes).allMatch(WebElement::isSelected);
        assertThat(button.getText()).endsWith("4");
        find("#select-all").click();
        assertThat(boxes).noneMatch(WebElement::isSelected);

        for (int i = 0; i < 3; i++) {
            boxes.get(i).click();
        }
        assertThat(button.getText()).endsWith("3");
        assertThat(find("#select-all").getAttribute("indeterminate")).isEqualTo("true");
        WebElement date = find("#notify-date");
        date.clear();
        date.sendKeys("2024-02-15");
        clickToLoad(button);

        assertThat(find("#batch-done").getText()).contains("2024-02-15").contains("3");
        assertThat(driver.getCurrentUrl()).contains("q=").contains("sort=name");
        assertThat(findAll("#results input[name='personId']")).as("only the fourth is left to notify").hasSize(1);
        for (int i = 0; i < 4; i++) {
            assertNotifiedOn(registrar, ids.get(i), i < 3 ? "2024-02-15" : null);
        }
        JsonNode history = registrar.get("/api/v1/persons/" + ids.get(0) + "/events").json();
        assertThat(history.get(history.size() - 1).get("type").stringValue()).isEqualTo("NOTIFIED");
        open("/persons/" + ids.get(1));
        assertThat(find("#history").getText()).contains("2024-02-15");
    }

    @Test
    void aBatchTheLifecycleRefusesIsRefusedWholeWithThePersonsNamedAndTheSelectionKept() {
        String token = PersonListApiTest.uniqueWord("Відмова");
        ApiClient registrar = registrar();
        String early = create(registrar, "Антонюк", token, "2024-02-01");
        String interned = create(registrar, "Білик", token, "2024-02-01");
        assertThat(registrar.post("/api/v1/persons/" + interned + "/events",
                "{\"type\": \"INTERNED\", \"occurredOn\": \"2024-03-01\"}").status()).isEqualTo(201);
        open("/persons?sort=name&q=" + ApiClient.encode(token));
        findAll("#results input[name='personId']").forEach(WebElement::click);
        WebElement date = find("#notify-date");
        date.clear();
        date.sendKeys("2024-02-10");
        clickToLoad(find("#notify-selected"));

        String errors = find("#batch-errors").getText();
        assertThat(errors).contains("Білик").contains("2024-03-01").doesNotContain("Антонюк");
        assertThat(findAll("#results input[name='personId']")).as("the selection is kept")
                .hasSize(2).allMatch(WebElement::isSelected);
        assertNotifiedOn(registrar, early, null);
        assertNotifiedOn(registrar, interned, null);
    }

    private static void assertNotifiedOn(ApiClient registrar, String id, String expected) {
        JsonNode person = registrar.get("/api/v1/persons/" + id).json();
        if (expected == null) {
            assertThat(person.get("notifiedOn").isNull()).as(id + " not notified").isTrue();
        } else {
            assertThat(person.get("notifiedOn").stringValue()).isEqualTo(expected);
        }
    }

    @Test
    void theBatchBarIsOnlyTheRegistrars() {
        logIn("viewer@party-a");
        open("/persons");
        assertThat(findAll("#batch-form")).isEmpty();
        assertThat(findAll("#results input[name='personId']")).isEmpty();
        assertThat(findAll("#select-all")).isEmpty();
        assertThat(findAll("#results .person-row")).isNotEmpty();
    }
}
