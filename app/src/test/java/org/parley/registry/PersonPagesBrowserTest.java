package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.parley.names.NameNormalizer;
import org.parley.names.Script;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The person list and the person page in a real browser: search as you type, filters, languages, history. */
class PersonPagesBrowserTest extends BrowserTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale UK = Locale.forLanguageTag("uk");
    private static final Locale RU = Locale.forLanguageTag("ru");

    @Autowired
    RegistryService registry;
    @Autowired
    MessageSource messages;
    @Autowired
    UserService users;

    private Caller partyA() {
        return TestCallers.of(users, "registrar@party-a");
    }

    /**
     * The first person held by Party A whose name is written in Cyrillic, with its language (as the demo world's are;
     * other tests' persons, which share the database, may come first in the list and have none).
     */
    private Person cyrillicDetainee() {
        PersonFilter heldByA = new PersonFilter(null, "party-a", null, null, null, null, null, null, null);
        return registry.find(partyA(), heldByA, 0, 200).items().stream()
                .filter(p -> p.nameScript() == Script.CYRILLIC && p.text(PersonField.NAME_LANGUAGE) != null)
                .findFirst().orElseThrow(() -> new AssertionError("the demo world has no Cyrillic name held by party-a"));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private List<String> rowNames() {
        return findAll("#results .person-row .col-name .person-link .name-as-written").stream().map(WebElement::getText)
                .toList();
    }

    private String decodedUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }

    @Test
    void searchingACyrillicSurnameFiltersTheListAndTheNameIsShownAsWrittenInEveryLanguage() {
        Person person = cyrillicDetainee();
        String surname = person.text(PersonField.SURNAME);
        long matching = registry.find(partyA(), new PersonFilter(surname, null, null, null, null, null, null, null, null), 0, 1)
                .total();

        open("/persons");
        assertThat(pageLanguage()).isEqualTo("en");
        assertThat(find("h1").getText()).isEqualTo(msg("persons.title", EN));
        assertThat(rowNames()).hasSize(PersonPagesController.PAGE_SIZE);

        waitForSwap("results", () -> find("#q").sendKeys(surname));
        // the search also finds the other language's spelling of the surname (Олійник for Олейник): the count is
        // the registry's, and the name searched for is among the rows
        waitUntil(d -> !rowNames().isEmpty() && rowNames().stream()
                .anyMatch(name -> NameNormalizer.normalize(name).contains(NameNormalizer.normalize(surname))));
        assertThat(rowNames()).hasSize((int) Math.min(matching, PersonPagesController.PAGE_SIZE));
        assertThat(find("#result-summary").getText()).contains(String.valueOf(matching));
        assertThat(decodedUrl()).as("the search is in the address bar").contains("q=" + surname);
        assertThat(URLDecoder.decode(find("#language-switch a[data-lang='uk']").getAttribute("href"),
                StandardCharsets.UTF_8)).as("the language switch follows the swapped results").contains("q=" + surname);

        WebElement link = findAll("#results .person-link").stream()
                .filter(a -> a.getAttribute("href").endsWith("/persons/" + person.publicId())).findFirst()
                .orElse(findAll("#results .person-link").get(0));
        String expectedName = link.findElement(By.cssSelector(".name-as-written")).getText();
        clickToLoad(link);
        waitUntil(d -> !d.findElements(By.id("person-name")).isEmpty());
        WebElement name = find("#person-name");
        // the name as written; its official Latin spelling stands beside it (layout :: person-name)
        assertThat(find("#person-name .name-as-written").getText()).isEqualTo(expectedName)
                .contains(surname.substring(0, 1));
        assertThat(Script.of(find("#person-name .name-as-written").getText())).isEqualTo(Script.CYRILLIC);
        String nameLanguage = name.getAttribute("lang");
        assertThat(nameLanguage).isIn("uk", "ru");
        String surnameShown = find("#fact-surname .fact-value").getText();
        assertThat(NameNormalizer.normalize(expectedName)).contains(NameNormalizer.normalize(surnameShown));
        String identityTitle = find("#section-identity h2").getText();
        assertThat(identityTitle).isEqualTo(msg("section.IDENTITY", EN));

        for (Locale language : List.of(UK, RU)) {
            clickToLoad(find("#language-switch a[data-lang='" + language.getLanguage() + "']"));
            waitUntil(d -> language.getLanguage().equals(pageLanguage()));
            String translated = msg("section.IDENTITY", language);
            assertThat(translated).isNotEqualTo(identityTitle);
            assertThat(find("#section-identity h2").getText()).isEqualTo(translated);
            assertThat(find("#history h2").getText()).isEqualTo(msg("timeline.title", language));
            assertThat(find("#person-name .name-as-written").getText()).as("names are never translated")
                    .isEqualTo(expectedName);
            assertThat(find("#person-name").getAttribute("lang")).isEqualTo(nameLanguage);
            assertThat(find("#fact-surname .fact-value").getText()).isEqualTo(surnameShown);
        }

        open("/persons");
        assertThat(pageLanguage()).as("the language is kept in a cookie").isEqualTo("ru");
        assertThat(find("h1").getText()).isEqualTo(msg("persons.title", RU));
    }

    @Test
    void filteringByStatusShowsOnlyThatStatusAndPagesKeepTheFilter() {
        Status status = Status.INTERNED;
        PersonFilter interned = new PersonFilter(null, null, null, status, null, null, null, null, null);
        long total = registry.find(partyA(), interned, 0, 1).total();
        assertThat(total).as("the demo world has interned persons").isPositive();

        open("/persons");
        find("#filter-panel summary").click();
        waitForSwap("results", () -> new Select(find("#status")).selectByValue(status.name()));
        String label = msg("status." + status.name(), EN);
        waitUntil(d -> findAll("#results .col-status .status").stream().allMatch(s -> s.getText().equals(label)));
        assertThat(findAll("#results .person-row")).hasSize((int) Math.min(total, PersonPagesController.PAGE_SIZE));
        assertThat(find("#result-summary strong").getText().replaceAll("\\D", "")).isEqualTo(String.valueOf(total));
        assertThat(driver.getCurrentUrl()).contains("status=INTERNED");

        if (total > PersonPagesController.PAGE_SIZE) {
            List<String> firstPage = rowNames();
            waitForSwap("results", () -> find(".pagination a[rel='next']").click());
            assertThat(driver.getCurrentUrl()).contains("status=INTERNED").contains("page=2");
            assertThat(findAll("#results .col-status .status")).allMatch(s -> s.getText().equals(label));
            assertThat(rowNames()).doesNotContainAnyElementsOf(firstPage);
            assertThat(new Select(find("#status")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo(status.name());
        }

        // The same URL loaded directly (no htmx) gives the same filtered page.
        open("/persons?status=INTERNED");
        assertThat(find("#active-filters").getText()).as("the folded panel says a filter is set").contains("1");
        find("#filter-panel summary").click();
        assertThat(new Select(find("#status")).getFirstSelectedOption().getText()).isEqualTo(label);
        assertThat(findAll("#results .col-status .status")).isNotEmpty().allMatch(s -> s.getText().equals(label));
    }

    @Test
    void aBadFilterInTheAddressGivesAReadableMessage() {
        open("/persons?status=NOPE&capturedFrom=2024-02-31");
        List<WebElement> problems = findAll("#results .notice-error li");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).getText()).contains("NOPE").contains(msg("filter.status", EN));
        assertThat(problems.get(1).getText()).contains("2024-02-31");
        assertThat(findAll("#results .person-row")).isEmpty();
    }

    @Test
    void anUnknownPersonGivesTheNotFoundPageInTheChosenLanguage() {
        open("/persons/999999999");
        assertThat(find("h1").getText()).isEqualTo(msg("error.notFound.title", EN));
        assertThat(findAll("#language-switch a")).hasSize(3);
        clickToLoad(find("#language-switch a[data-lang='uk']"));
        waitUntil(d -> "uk".equals(pageLanguage()));
        assertThat(find("h1").getText()).isEqualTo(msg("error.notFound.title", UK));
        clickToLoad(find(".error-page a.button"));
        waitUntil(d -> !d.findElements(By.id("results")).isEmpty());
        assertThat(find("h1").getText()).isEqualTo(msg("persons.title", UK));
    }

    @Test
    void theHistoryShowsSupersededEventsStruckThroughAndCorrectionsWithOldAndNewValues() {
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        facts.put(PersonField.HOLDING_PARTY, "party-b");
        facts.put(PersonField.POWER_OF_ORIGIN, "party-a");
        facts.put(PersonField.SURNAME, "Ґудзь-Хронологія");
        facts.put(PersonField.GIVEN_NAME, "Мирослава");
        facts.put(PersonField.NAME_LANGUAGE, "uk");
        facts.put(PersonField.RANK, "солдат");
        facts.put(PersonField.CAPTURE_DATE, LocalDate.of(2024, 3, 1));
        facts.put(PersonField.SERIOUSLY_ILL_OR_WOUNDED, true);
        Caller partyB = TestCallers.of(users, "registrar@party-b");
        Person person = registry.create(partyB, new PersonInput(facts, Map.of()));
        registry.addEvent(partyB, person.id(), new EventInput(EventType.INTERNED, LocalDate.of(2024, 3, 5), "Табір 1", null, null));
        LifecycleEvent transfer = registry.addEvent(partyB, person.id(),
                new EventInput(EventType.TRANSFERRED, LocalDate.of(2024, 4, 2), "Табір 7", null, null));
        registry.addEvent(partyB, person.id(), new EventInput(EventType.CORRECTION, LocalDate.of(2024, 4, 3), null,
                "wrong camp entered", transfer.id()));
        Person current = registry.get(partyB, person.id());
        Map<PersonField, Object> corrected = new EnumMap<>(current.facts().values());
        corrected.put(PersonField.RANK, "старший солдат");
        registry.update(partyB, person.id(), current.version(), new PersonInput(corrected, current.facts().sources()),
                "rank misread");

        logIn("registrar@party-b");
        open("/persons/" + person.publicId());
        assertThat(find("#person-name .name-as-written").getText()).isEqualTo("Ґудзь-Хронологія Мирослава");
        assertThat(find("#person-name .name-latin").getText()).isEqualTo("Gudz-Khronolohiia Myroslava");
        assertThat(find("#art110").getText()).contains(msg("flag.art110", EN));
        List<WebElement> events = findAll("#history .event");
        assertThat(events).hasSize(5);
        WebElement superseded = find("#event-" + transfer.seq());
        assertThat(superseded.getAttribute("class")).contains("event-superseded");
        assertThat(superseded.findElement(By.cssSelector("s.event-main")).getText()).contains("Табір 7");
        assertThat(superseded.findElement(By.cssSelector("s.event-main")).getCssValue("text-decoration-line"))
                .isEqualTo("line-through");
        WebElement correction = events.get(4);
        assertThat(correction.findElement(By.cssSelector(".event-type")).getText())
                .isEqualTo(msg("eventType.CORRECTION", EN));
        assertThat(correction.findElement(By.cssSelector(".changes del")).getText()).isEqualTo("солдат");
        assertThat(correction.findElements(By.cssSelector(".changes .name-latin"))).as("a rank is not a name")
                .isEmpty();
        assertThat(correction.findElement(By.cssSelector(".changes ins")).getText()).isEqualTo("старший солдат");
        assertThat(correction.findElement(By.cssSelector(".changes tbody th")).getText())
                .isEqualTo(msg("field.rank", EN));
    }

    @Test
    void pagesFitLaptopAndTabletScreens() throws IOException {
        Person person = cyrillicDetainee();
        for (Dimension size : List.of(LAPTOP, TABLET)) {
            String suffix = size.width + "x" + size.height;
            viewport(size);
            open("/persons");
            assertThat(overflowsHorizontally()).as("list at " + suffix).isFalse();
            screenshot("ui-list-" + suffix);
            open("/persons/" + person.publicId());
            assertThat(overflowsHorizontally()).as("person page at " + suffix).isFalse();
            screenshot("ui-person-" + suffix);
        }
    }
}
