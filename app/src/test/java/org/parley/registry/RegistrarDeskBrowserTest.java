package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The registrar's desk in a real browser: registering a person whose namesake in the other script is already
 * registered (the warning, then "register anyway"), correcting a fact with a reason, adding the internment and a
 * transfer, notifying the power of origin; field errors in Ukrainian.
 */
class RegistrarDeskBrowserTest extends BrowserTest {

    private static final Locale EN = Locale.ENGLISH;

    @Autowired
    RegistryService registry;
    @Autowired
    UserService users;
    @Autowired
    MessageSource messages;

    private Caller registrarA() {
        return TestCallers.of(users, "registrar@party-a");
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Шевченко Олександр Петрович, born 1990-05-01, held by Party A: registered before, in Cyrillic. */
    private Person cyrillicNamesake() {
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        facts.put(PersonField.HOLDING_PARTY, "party-a");
        facts.put(PersonField.POWER_OF_ORIGIN, "party-b");
        facts.put(PersonField.SURNAME, "Шевченко");
        facts.put(PersonField.GIVEN_NAME, "Олександр");
        facts.put(PersonField.PATRONYMIC, "Петрович");
        facts.put(PersonField.NAME_LANGUAGE, "uk");
        facts.put(PersonField.DATE_OF_BIRTH, PartialDate.parse("1990-05-01"));
        facts.put(PersonField.CAPTURE_DATE, LocalDate.of(2024, 1, 20));
        return registry.create(registrarA(), new PersonInput(facts, Map.of()));
    }

    /** The same facts and sources, under another prisoner number (the holder's numbers are unique). */
    private static PersonInput copyOf(PersonInput facts) {
        Map<PersonField, Object> values = new EnumMap<>(facts.values());
        values.computeIfPresent(PersonField.PRISONER_NUMBER, (field, number) -> number + "-copy");
        return new PersonInput(values, facts.sources());
    }

    private void type(String id, String text) {
        WebElement field = find("#" + id);
        field.clear();
        field.sendKeys(text);
    }

    private String notice() {
        return find("#desk-notice").getText();
    }

    @Test
    void aRegistrarRegistersANamesakeAnywayCorrectsAFactAddsATransferAndNotifies() throws IOException {
        Person namesake = cyrillicNamesake();

        open("/persons");
        find("#register-person").click();
        assertThat(find("h1").getText()).isEqualTo(msg("register.title", EN));
        assertThat(find("#holdingParty").getText()).isEqualTo("Party A");
        type("surname", "Shevchenko");
        type("givenName", "Oleksandr");
        type("dateOfBirth", "1990-05-01");
        type("rank", "рядовий");
        type("captureDate", "2024-02-01");
        new Select(find("#powerOfOrigin")).selectByValue("party-b");
        long before = registry.countPersons();
        clickToLoad(find("#register-submit"));

        // the warning: the Cyrillic namesake, both scripts, what agrees, and nothing saved yet
        WebElement warning = find("#duplicates");
        assertThat(warning.findElement(By.tagName("h2")).getText()).isEqualTo(msg("duplicate.title", EN));
        WebElement duplicate = warning.findElements(By.cssSelector(".duplicate")).stream()
                .filter(d -> d.findElement(By.cssSelector(".person-link")).getAttribute("href")
                        .endsWith("/persons/" + namesake.publicId()))
                .findFirst().orElseThrow(() -> new AssertionError("the namesake is not listed: " + warning.getText()));
        assertThat(duplicate.findElement(By.cssSelector(".name-as-written")).getText())
                .isEqualTo("Шевченко Олександр Петрович");
        assertThat(duplicate.findElement(By.cssSelector(".name-latin")).getText())
                .isEqualTo("Shevchenko Oleksandr Petrovych");
        assertThat(duplicate.getText()).contains("1990-05-01").contains("Party A")
                .contains(msg("status.CAPTURED", EN)).contains("Very likely the same person");
        assertThat(duplicate.findElements(By.cssSelector(".explanation li")).stream().map(WebElement::getText))
                .anyMatch(line -> line.startsWith("Surname: Shevchenko / Шевченко — the same name in the other script"))
                .anyMatch(line -> line.startsWith("Given name: Oleksandr / Олександр — the same name in the other"))
                .contains("Date of birth: 1990-05-01 — the same");
        assertThat(find("#surname").getAttribute("value")).as("what was typed is kept").isEqualTo("Shevchenko");
        assertThat(registry.countPersons()).isEqualTo(before);
        js("document.getElementById('duplicates').scrollIntoView()");
        screenshot("ui-register-duplicates");

        clickToLoad(find("#register-anyway"));
        assertThat(notice()).isEqualTo(msg("desk.registered", EN));
        assertThat(find("#person-name .name-as-written").getText()).isEqualTo("Shevchenko Oleksandr");
        assertThat(findAll("#person-name .name-latin")).as("already in Latin letters").isEmpty();
        assertThat(driver.getCurrentUrl()).doesNotEndWith(namesake.publicId());
        assertThat(registry.countPersons()).isEqualTo(before + 1);
        String page = driver.getCurrentUrl();

        // a correction with its reason: the history shows the old and the new value
        clickToLoad(find("#desk-correct"));
        assertThat(find("#surname").getAttribute("value")).isEqualTo("Shevchenko");
        type("rank", "старший солдат");
        type("reason", "звання неправильно прочитано з картки");
        clickToLoad(find("#correct-submit"));
        assertThat(notice()).isEqualTo(msg("desk.corrected", EN));
        List<WebElement> events = findAll("#history .event");
        WebElement correction = events.get(events.size() - 1);
        assertThat(correction.findElement(By.cssSelector(".event-type")).getText())
                .isEqualTo(msg("eventType.CORRECTION", EN));
        assertThat(correction.findElement(By.cssSelector(".event-note")).getText())
                .contains("звання неправильно прочитано з картки");
        WebElement rank = correction.findElements(By.cssSelector(".changes tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals(msg("field.rank", EN))).findFirst()
                .orElseThrow();
        assertThat(rank.findElement(By.tagName("del")).getText()).isEqualTo("рядовий");
        assertThat(rank.findElement(By.tagName("ins")).getText()).isEqualTo("старший солдат");

        // the events the status allows: a transfer only once interned
        clickToLoad(find("#desk-event"));
        assertThat(new Select(find("#type")).getOptions().stream().map(o -> o.getAttribute("value")))
                .contains("INTERNED", "HOSPITALISED").doesNotContain("TRANSFERRED", "NOTIFIED", "VISITED");
        new Select(find("#type")).selectByValue("INTERNED");
        type("occurredOn", "2024-02-10");
        type("place", "Табір 1");
        clickToLoad(find("#event-submit"));
        assertThat(notice()).contains(msg("eventType.INTERNED", EN));
        clickToLoad(find("#desk-event"));
        new Select(find("#type")).selectByValue("TRANSFERRED");
        type("occurredOn", "2024-03-01");
        type("place", "Табір 7");
        clickToLoad(find("#event-submit"));
        assertThat(notice()).isEqualTo(msg("desk.eventRecorded", EN, msg("eventType.TRANSFERRED", EN), "2024-03-01"));
        assertThat(find("#person-status").getText()).isEqualTo(msg("status.INTERNED", EN));
        assertThat(find("#fact-internmentPlace .fact-value").getText()).isEqualTo("Табір 7");
        assertThat(findAll("#history .event-transferred .event-place")).extracting(WebElement::getText)
                .containsExactly("Табір 7");

        // the notification, once
        assertThat(find("#desk-notify-hint").getText()).contains("Party B");
        clickToLoad(find("#desk-notify"));
        assertThat(notice()).isEqualTo(msg("desk.notified", EN, LocalDate.now().toString()));
        assertThat(findAll("#desk-notify")).isEmpty();
        assertThat(driver.getCurrentUrl()).startsWith(page);
        assertThat(findAll("#history .event-notified")).hasSize(1);
    }

    @Test
    void aDemoRecordComesBackFromTheCorrectionFormUnchangedAndANameCorrectionShowsBothScripts() {
        // a record of the demo world, with its sources, categories, partial dates and health as the generator wrote
        Person demo = registry.find(registrarA(), new PersonFilter(null, "party-a", null, Status.INTERNED, null,
                null, null, null, null), 0, 50).items().stream()
                .filter(p -> p.facts().sources().size() >= 3 && p.get(PersonField.PATRONYMIC) != null
                        && "uk".equals(p.get(PersonField.NAME_LANGUAGE)))
                .findFirst()
                // a copy, so that the demo world other tests check stays as generated
                .map(original -> registry.create(registrarA(), copyOf(original.facts())))
                .orElseThrow(() -> new AssertionError("no interned demo person with sources"));
        open("/persons/" + demo.publicId() + "/edit");
        type("reason", "перевірка");
        clickToLoad(find("#correct-submit"));
        assertThat(notice()).isEqualTo(msg("desk.unchanged", EN));
        Person after = registry.get(registrarA(), demo.id());
        assertThat(after.version()).as("the form gives back exactly what it was given").isEqualTo(demo.version());
        assertThat(after.facts()).isEqualTo(demo.facts());

        clickToLoad(find("#desk-correct"));
        type("patronymic", "Тарасович");
        type("reason", "по батькові з листа родини");
        clickToLoad(find("#correct-submit"));
        List<WebElement> events = findAll("#history .event");
        WebElement patronymic = events.get(events.size() - 1).findElements(By.cssSelector(".changes tbody tr"))
                .stream().filter(r -> r.findElement(By.tagName("th")).getText().equals(msg("field.patronymic", EN)))
                .findFirst().orElseThrow();
        assertThat(patronymic.findElement(By.cssSelector("ins .name-as-written")).getText()).isEqualTo("Тарасович");
        assertThat(patronymic.findElement(By.cssSelector("ins .name-latin")).getText()).isEqualTo("Tarasovych");
        assertThat(patronymic.findElement(By.cssSelector("del .name-as-written")).getText())
                .isEqualTo(demo.text(PersonField.PATRONYMIC));
        assertThat(registry.get(registrarA(), demo.id()).facts().sources().get(PersonField.PATRONYMIC))
                .as("the source chosen beside the fact, else the form's").isEqualTo(demo.facts().sources()
                        .getOrDefault(PersonField.PATRONYMIC, new FactRecord(FactSource.CAPTURE_CARD,
                                Confidence.CONFIRMED, null)));
    }

    @Test
    void fieldErrorsAreShownInUkrainianBesideTheirFieldsWithTheirLabels() {
        Locale uk = Locale.forLanguageTag("uk");
        open("/persons/new?lang=uk");
        assertThat(find("h1").getText()).isEqualTo(msg("register.title", uk));
        type("surname", "Шевчук");
        type("dateOfBirth", "1990-02-30");
        type("captureDate", "2099-01-01");
        long before = registry.countPersons();
        clickToLoad(find("#register-submit"));

        assertThat(find("#form-errors").getText()).contains(msg("form.errors.title", uk));
        String dateError = msg("form.error.partialDate", uk, msg("field.dateOfBirth", uk), "1990-02-30");
        assertThat(find("#error-dateOfBirth").getText()).isEqualTo(dateError).startsWith("Дата народження: ");
        assertThat(find("#error-captureDate").getText())
                .isEqualTo(msg("form.error.future", uk, msg("field.captureDate", uk), "2099-01-01"));
        assertThat(find("#form-errors").getText()).contains(dateError).doesNotContain("dateOfBirth");
        assertThat(find("#dateOfBirth").getAttribute("value")).isEqualTo("1990-02-30");
        assertThat(find("#dateOfBirth").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#surname").getAttribute("value")).isEqualTo("Шевчук");
        assertThat(registry.countPersons()).isEqualTo(before);
    }

    @Test
    void theDeskPagesFitLaptopAndTabletScreens() throws IOException {
        Person person = cyrillicNamesake();
        for (Dimension size : List.of(LAPTOP, TABLET)) {
            String suffix = size.width + "x" + size.height;
            viewport(size);
            for (String[] page : List.of(new String[] {"/persons/new", "register"},
                    new String[] {"/persons/" + person.publicId() + "/edit", "correct"},
                    new String[] {"/persons/" + person.publicId() + "/events/new", "event"},
                    new String[] {"/persons/" + person.publicId(), "person-desk"})) {
                open(page[0]);
                assertThat(overflowsHorizontally()).as(page[1] + " at " + suffix).isFalse();
                screenshot("ui-" + page[1] + "-" + suffix);
            }
        }
    }
}
