package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.web.PageSession;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registrar's desk over plain HTTP: who may register, correct, add events and notify (only a registrar of the
 * holding party; everybody else gets 403, or 404 for a record they may not see), what a refused or invalid form
 * stores (nothing), the possible-duplicate warning and its confirmation, and the version conflict.
 */
@ParleyTest
class RegistrarDeskHttpTest {

    private static final Pattern CONFIRMED_FOR = Pattern.compile("name=\"confirmedFor\" value=\"([0-9a-f]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    UserService users;

    private Caller caller(String username) {
        return TestCallers.of(users, username);
    }

    /** A person held by {@code holder}, a national of the other party, interned, notified or not. */
    private Person person(String holder, String surname, String givenName, boolean notified) {
        Caller registrar = caller("registrar@" + holder);
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        facts.put(PersonField.HOLDING_PARTY, holder);
        facts.put(PersonField.POWER_OF_ORIGIN, holder.equals("party-a") ? "party-b" : "party-a");
        facts.put(PersonField.SURNAME, surname);
        facts.put(PersonField.GIVEN_NAME, givenName);
        facts.put(PersonField.NAME_LANGUAGE, "uk");
        facts.put(PersonField.RANK, "солдат");
        facts.put(PersonField.CAPTURE_DATE, LocalDate.of(2024, 3, 1));
        Person person = registry.create(registrar, new PersonInput(facts, Map.of()));
        registry.addEvent(registrar, person.id(), new EventInput(EventType.INTERNED, LocalDate.of(2024, 3, 5),
                "Табір 1", null, null));
        if (notified) {
            registry.addEvent(registrar, person.id(), new EventInput(EventType.NOTIFIED, LocalDate.of(2024, 3, 6),
                    null, null, null));
        }
        return registry.get(registrar, person.id());
    }

    private Person reread(Person person) {
        return registry.get(caller("registrar@" + person.text(PersonField.HOLDING_PARTY)), person.id());
    }

    private int events(Person person) {
        return registry.history(caller("registrar@" + person.text(PersonField.HOLDING_PARTY)), person.id()).size();
    }

    /** The correction form as the browser posts it: the record's values, as the edit page shows them, changed. */
    private Map<String, String> correction(PageSession session, Person person, Map<String, String> changes) {
        HttpResponse<String> page = session.get("/persons/" + person.publicId() + "/edit");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", first(VERSION, page.body()));
        form.put("surname", person.text(PersonField.SURNAME));
        form.put("givenName", person.text(PersonField.GIVEN_NAME));
        form.put("nameLanguage", person.text(PersonField.NAME_LANGUAGE));
        form.put("powerOfOrigin", person.text(PersonField.POWER_OF_ORIGIN));
        form.put("rank", person.text(PersonField.RANK));
        form.put("captureDate", person.text(PersonField.CAPTURE_DATE));
        form.put("internmentPlace", person.text(PersonField.INTERNMENT_PLACE));
        form.put("defaultSource", "CAPTURE_CARD");
        form.put("defaultConfidence", "CONFIRMED");
        // each fact's source as the page shows it in its chooser
        person.facts().sources().forEach((field, source) -> {
            form.put("source." + field.jsonName(), source.source().name());
            form.put("confidence." + field.jsonName(), source.confidence() == null ? "" : source.confidence().name());
            form.put("voluntary." + field.jsonName(), source.voluntary() == null ? "" : source.voluntary().toString());
        });
        form.putAll(changes);
        return form;
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as("%s in the page", pattern).isTrue();
        return m.group(1);
    }

    // ---------- Registration ----------

    @Test
    void onlyARegistrarOfAPartyOpensTheRegistrationForm() {
        assertThat(PageSession.of(port, "registrar@party-a").get("/persons/new").statusCode()).isEqualTo(200);
        assertThat(PageSession.of(port, "registrar@party-b").get("/persons/new").statusCode()).isEqualTo(200);
        for (String refused : List.of("viewer@party-a", "negotiator@party-a", "auditor@party-b", "admin@party-a",
                "registrar@intermediary", "interviewer@intermediary", "admin")) {
            HttpResponse<String> page = PageSession.of(port, refused).get("/persons/new");
            assertThat(page.statusCode()).as(refused).isEqualTo(403);
            assertThat(page.body()).as(refused).contains("Not allowed").doesNotContain("register-form");
        }
    }

    @Test
    void aRegistrationPostedByAnyoneElseIsRefusedAndStoresNothing() {
        long before = registry.countPersons();
        Map<String, String> form = Map.of("surname", "Непрошений", "givenName", "Гість");
        for (String refused : List.of("viewer@party-a", "negotiator@party-b", "registrar@intermediary",
                "interviewer@intermediary")) {
            PageSession session = PageSession.of(port, refused);
            assertThat(session.post("/persons/new", form).statusCode()).as(refused).isEqualTo(403);
        }
        assertThat(PageSession.of(port, "registrar@party-a").postWithoutToken("/persons/new", form).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(registry.countPersons()).isEqualTo(before);
    }

    @Test
    void fieldErrorsAreShownInTheReadersLanguageWithTheFieldsLabelsAndTheValuesAreKept() {
        long before = registry.countPersons();
        PageSession session = PageSession.of(port, "registrar@party-a").in("uk");
        HttpResponse<String> page = session.post("/persons/new", Map.of("surname", "  ", "givenName", "Остап",
                "dateOfBirth", "1990-02-30", "captureDate", "2099-01-01", "nameLanguage", "українська",
                "rank", "сол\u202Eдат"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<html lang=\"uk\"")
                .contains("Прізвище: це поле обов’язкове.")
                .contains("Дата народження: «1990-02-30» не є датою")
                .contains("Дата захоплення: 2099-01-01 — дата в майбутньому.")
                .contains("Мова імені: «українська» не є кодом мови")
                .contains("Військове звання: символ U+202E RIGHT-TO-LEFT OVERRIDE у позиції 4 не можна зберегти")
                .as("what was typed is kept").contains("value=\"Остап\"").contains("value=\"1990-02-30\"")
                .contains("value=\"2099-01-01\"")
                .as("no internal names").doesNotContain("dateOfBirth:").doesNotContain("captureDate:")
                .doesNotContain("is not a date");
        assertThat(page.body()).as("each error beside its field").contains("id=\"error-dateOfBirth\"")
                .contains("aria-describedby=\"error-dateOfBirth\"");
        assertThat(registry.countPersons()).isEqualTo(before);

        HttpResponse<String> russian = session.in("ru").post("/persons/new", Map.of("givenName", "Остап"));
        assertThat(russian.body()).contains("Фамилия: это поле обязательно.");
    }

    @Test
    void aNamesakeInTheOtherScriptIsShownBeforeSavingAndOnlyAConfirmationForTheseNamesSaves() {
        Person cyrillic = person("party-a", "Гордієнко-Заруба", "Тарас", false);
        Map<PersonField, Object> facts = new EnumMap<>(reread(cyrillic).facts().values());
        facts.put(PersonField.DATE_OF_BIRTH, PartialDate.parse("1991-03-04"));
        registry.update(caller("registrar@party-a"), cyrillic.id(), reread(cyrillic).version(),
                new PersonInput(facts, Map.of()), "date of birth from the family");
        long before = registry.countPersons();
        PageSession session = PageSession.of(port, "registrar@party-a");
        Map<String, String> form = new LinkedHashMap<>(Map.of("surname", "Hordiienko-Zaruba", "givenName", "Taras",
                "dateOfBirth", "1991-03-04", "defaultSource", "PARTY_NOTIFICATION", "defaultConfidence", "PROBABLE"));

        HttpResponse<String> warning = session.post("/persons/new", form);
        assertThat(warning.statusCode()).isEqualTo(200);
        assertThat(warning.body()).contains("id=\"duplicates\"").contains("Гордієнко-Заруба Тарас")
                .contains("/persons/" + cyrillic.publicId()).contains("1991-03-04")
                .contains("Very likely the same person")
                .contains("Surname: Hordiienko-Zaruba / Гордієнко-Заруба — the same name in the other script")
                .contains("Date of birth: 1991-03-04 — the same")
                .contains("value=\"Hordiienko-Zaruba\"");
        assertThat(registry.countPersons()).as("nothing saved before the confirmation").isEqualTo(before);

        Map<String, String> otherName = new LinkedHashMap<>(form);
        otherName.put("confirmedFor", first(CONFIRMED_FOR, warning.body()));
        otherName.put("dateOfBirth", "1991-03");
        assertThat(session.post("/persons/new", otherName).body()).as("a confirmation is for the names it saw")
                .contains("id=\"duplicates\"");
        assertThat(registry.countPersons()).isEqualTo(before);

        form.put("confirmedFor", first(CONFIRMED_FOR, warning.body()));
        HttpResponse<String> saved = session.post("/persons/new", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(registry.countPersons()).isEqualTo(before + 1);
        String path = PageSession.location(saved);
        Person registered = registry.get(caller("registrar@party-a"), path.substring("/persons/".length()));
        assertThat(registered.fullName()).isEqualTo("Hordiienko-Zaruba Taras");
        assertThat(registered.get(PersonField.HOLDING_PARTY)).isEqualTo("party-a");
        assertThat(registered.facts().sources()).as("every fact with the form's source")
                .containsOnlyKeys(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.DATE_OF_BIRTH)
                .allSatisfy((field, source) -> assertThat(source)
                        .isEqualTo(new FactRecord(FactSource.PARTY_NOTIFICATION, Confidence.PROBABLE, null)));
        assertThat(session.get(path).body()).as("the success message after the redirect")
                .contains("The person is registered.");

        HttpResponse<String> otherParty = PageSession.of(port, "registrar@party-b").post("/persons/new",
                Map.of("surname", "Hordiienko-Zaruba", "givenName", "Taras", "dateOfBirth", "1991-03-04",
                        "confirmedFor", "0"));
        assertThat(otherParty.statusCode()).as("Party B may not see Party A's unnotified namesakes").isEqualTo(302);
    }

    // ---------- Correction, events and notification: refusals ----------

    @Test
    void onlyARegistrarOfTheHoldingPartyCorrectsAddsEventsAndNotifiesAndARefusalStoresNothing() {
        Person hidden = person("party-a", "Закритий", "Ігор", false);
        Person notified = person("party-a", "Повідомлений", "Ігор", true);
        for (String username : List.of("registrar@party-b", "viewer@party-a", "negotiator@party-a",
                "registrar@intermediary", "interviewer@intermediary", "viewer@party-b", "admin@party-a")) {
            PageSession session = PageSession.of(port, username);
            boolean readsA = username.endsWith("@party-a") && !username.startsWith("admin");
            for (Person person : List.of(hidden, notified)) {
                // who cannot see the record at all is told it does not exist; who can is refused
                int expected = person == hidden && !readsA && !username.startsWith("admin") ? 404 : 403;
                String base = "/persons/" + person.publicId();
                for (String page : List.of(base + "/edit", base + "/events/new")) {
                    assertThat(session.get(page).statusCode()).as(username + " GET " + page).isEqualTo(expected);
                }
                Person before = reread(person);
                int eventsBefore = events(person);
                assertThat(session.post(base + "/edit", Map.of("version", String.valueOf(before.version()),
                        "surname", "Підмінений", "reason", "спроба")).statusCode()).as(username).isEqualTo(expected);
                assertThat(session.post(base + "/events/new", Map.of("type", "RELEASED",
                        "occurredOn", "2024-04-01")).statusCode()).as(username).isEqualTo(expected);
                assertThat(session.post(base + "/notify", Map.of()).statusCode()).as(username).isEqualTo(expected);
                Person after = reread(person);
                assertThat(after.version()).as(username).isEqualTo(before.version());
                assertThat(after.fullName()).isEqualTo(before.fullName());
                assertThat(events(person)).isEqualTo(eventsBefore);
            }
        }
    }

    @Test
    void thePersonPageOffersTheDeskToItsKeeperOnly() {
        Person person = person("party-a", "Кнопковий", "Ігор", true);
        String page = "/persons/" + person.publicId();
        assertThat(PageSession.of(port, "registrar@party-a").get(page).body()).contains("id=\"desk-correct\"")
                .contains("id=\"desk-event\"").as("already notified").doesNotContain("id=\"desk-notify\"");
        for (String reader : List.of("viewer@party-a", "registrar@party-b", "registrar@intermediary")) {
            HttpResponse<String> shown = PageSession.of(port, reader).get(page);
            assertThat(shown.statusCode()).as(reader).isEqualTo(200);
            assertThat(shown.body()).as(reader).doesNotContain("desk-actions");
        }
        Person unnotified = person("party-a", "Кнопковий", "Петро", false);
        assertThat(PageSession.of(port, "registrar@party-a").get("/persons/" + unnotified.publicId()).body())
                .contains("id=\"desk-notify\"").contains("Party B");
    }

    // ---------- Correction ----------

    @Test
    void aCorrectionKeepsTheOldValuesAndAnInvalidOneStoresNothing() {
        Person person = person("party-a", "Виправний", "Ігор", false);
        PageSession session = PageSession.of(port, "registrar@party-a");
        String base = "/persons/" + person.publicId();

        HttpResponse<String> noReason = session.post(base + "/edit", correction(session, person,
                Map.of("rank", "сержант", "reason", " ")));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Reason for the correction: this is required.")
                .contains("value=\"сержант\"");
        HttpResponse<String> badDate = session.post(base + "/edit", correction(session, person,
                Map.of("dateOfBirth", "1990-13", "reason", "з документів")));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("Date of birth: “1990-13” is not a date").contains("з документів");
        assertThat(reread(person).version()).isEqualTo(person.version());

        HttpResponse<String> saved = session.post(base + "/edit", correction(session, person,
                Map.of("rank", "сержант", "reason", "звання з картки")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(PageSession.location(saved)).isEqualTo(base + "#history");
        Person corrected = reread(person);
        assertThat(corrected.version()).isEqualTo(person.version() + 1);
        assertThat(corrected.text(PersonField.RANK)).isEqualTo("сержант");
        List<LifecycleEvent> history = registry.history(caller("registrar@party-a"), person.id());
        LifecycleEvent correction = history.get(history.size() - 1);
        assertThat(correction.type()).isEqualTo(EventType.CORRECTION);
        assertThat(correction.note()).isEqualTo("звання з картки");
        assertThat(correction.changes()).as("only the rank changed, and its source (the form's)")
                .containsOnlyKeys("rank", "sources");
        assertThat(correction.changes().get("rank")).isEqualTo(new LifecycleEvent.Change("солдат", "сержант"));

        HttpResponse<String> unchanged = session.post(base + "/edit", correction(session, corrected,
                Map.of("reason", "нічого")));
        assertThat(unchanged.statusCode()).isEqualTo(302);
        assertThat(reread(person).version()).as("an unchanged form changes nothing").isEqualTo(corrected.version());
    }

    @Test
    void aVersionConflictSaysWhoChangedTheRecordAndWhenKeepsWhatWasTypedAndSavesOnTheSecondTry() {
        Person person = person("party-a", "Конфліктний", "Ігор", false);
        PageSession session = PageSession.of(port, "registrar@party-a");
        String base = "/persons/" + person.publicId();
        Map<String, String> typed = correction(session, person, Map.of("unit", "72 бригада", "reason", "з картки"));

        // meanwhile, another registrar of Party A corrects the rank through the API's service
        Map<PersonField, Object> facts = new EnumMap<>(person.facts().values());
        facts.put(PersonField.RANK, "старший солдат");
        registry.update(caller("registrar@party-a"), person.id(), person.version(), new PersonInput(facts, Map.of()),
                "інший реєстратор");
        int current = reread(person).version();

        HttpResponse<String> conflict = session.post(base + "/edit", typed);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"conflict\"")
                .containsPattern("Changed by registrar@party-a at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC")
                .contains("review and save again")
                .contains("Now recorded: старший солдат")
                .as("what was typed is kept").contains("value=\"72 бригада\"").contains("з картки");
        assertThat(first(VERSION, conflict.body())).isEqualTo(String.valueOf(current));
        assertThat(reread(person).version()).as("the conflict stored nothing").isEqualTo(current);
        assertThat(reread(person).get(PersonField.UNIT)).isNull();

        Map<String, String> again = new LinkedHashMap<>(typed);
        again.put("version", String.valueOf(current));
        again.put("rank", "старший солдат");
        assertThat(session.post(base + "/edit", again).statusCode()).isEqualTo(302);
        Person saved = reread(person);
        assertThat(saved.text(PersonField.UNIT)).isEqualTo("72 бригада");
        assertThat(saved.text(PersonField.RANK)).isEqualTo("старший солдат");
    }

    @Test
    void aCorrectionDoesNotTakeANotifiedPersonFromItsPowerOfOrigin() {
        Person person = person("party-a", "Походженець", "Ігор", true);
        PageSession session = PageSession.of(port, "registrar@party-a");
        HttpResponse<String> refused = session.post("/persons/" + person.publicId() + "/edit",
                correction(session, person, Map.of("powerOfOrigin", "", "reason", "помилка")));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Power of origin: the person was notified to Party B; the power of "
                + "origin changes only by a request the intermediary confirms.");
        assertThat(reread(person).version()).isEqualTo(person.version());
        assertThat(reread(person).get(PersonField.POWER_OF_ORIGIN)).isEqualTo("party-b");
    }

    // ---------- Events and notification ----------

    @Test
    void onlyTheEventsTheStatusAllowsAreOfferedAndARefusedOneIsExplained() {
        Person person = person("party-a", "Подієвий", "Ігор", false);
        PageSession session = PageSession.of(port, "registrar@party-a");
        String base = "/persons/" + person.publicId();
        String page = session.get(base + "/events/new").body();
        assertThat(page).contains("value=\"TRANSFERRED\"").contains("value=\"RELEASED\"")
                .as("interned already").doesNotContain("value=\"INTERNED\"")
                .as("the intermediary's").doesNotContain("value=\"VISITED\"")
                .as("a button of its own").doesNotContain("value=\"NOTIFIED\"");
        int before = events(person);

        HttpResponse<String> notAllowed = session.post(base + "/events/new", Map.of("type", "CAPTURED",
                "occurredOn", "2024-04-01"));
        assertThat(notAllowed.statusCode()).isEqualTo(400);
        assertThat(notAllowed.body()).contains("Event: “Capture” is not possible while the status is “Interned”.");
        HttpResponse<String> early = session.post(base + "/events/new", Map.of("type", "TRANSFERRED",
                "occurredOn", "2024-03-04", "place", "Табір 2"));
        assertThat(early.body()).contains("Date: 2024-03-04 is before the previous event, of 2024-03-05.");
        HttpResponse<String> nowhere = session.post(base + "/events/new", Map.of("type", "TRANSFERRED",
                "occurredOn", "2024-04-01", "note", "за розпорядженням"));
        assertThat(nowhere.body()).contains("Place: a transfer needs the new place of internment.")
                .contains("за розпорядженням");
        assertThat(events(person)).as("nothing stored").isEqualTo(before);

        HttpResponse<String> transferred = session.post(base + "/events/new", Map.of("type", "TRANSFERRED",
                "occurredOn", "2024-04-01", "place", "Табір 7"));
        assertThat(transferred.statusCode()).isEqualTo(302);
        assertThat(events(person)).isEqualTo(before + 1);
        assertThat(reread(person).text(PersonField.INTERNMENT_PLACE)).isEqualTo("Табір 7");

        registry.addEvent(caller("registrar@party-a"), person.id(), new EventInput(EventType.RELEASED,
                LocalDate.of(2024, 5, 1), null, null, null));
        String finalPage = session.get(base + "/events/new").body();
        assertThat(finalPage).contains("id=\"no-events\"").doesNotContain("id=\"event-form\"");
        assertThat(session.post(base + "/events/new", Map.of("type", "ESCAPED", "occurredOn", "2024-06-01"))
                .body()).contains("“Escape” is not possible while the status is “Released”");
    }

    @Test
    void theNotificationIsRecordedOnce() {
        Person person = person("party-a", "Сповіщений", "Ігор", false);
        PageSession session = PageSession.of(port, "registrar@party-a");
        String base = "/persons/" + person.publicId();
        HttpResponse<String> notified = session.post(base + "/notify", Map.of());
        assertThat(notified.statusCode()).isEqualTo(302);
        assertThat(reread(person).notifiedOn()).isEqualTo(LocalDate.now());
        assertThat(session.get(base).body()).contains("The notification to the power of origin is recorded")
                .doesNotContain("id=\"desk-notify\"");

        HttpResponse<String> again = session.post(base + "/notify", Map.of());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(session.get(base).body()).contains("Not recorded: the power of origin was already notified on "
                + LocalDate.now());
        assertThat(registry.history(caller("registrar@party-a"), person.id()).stream()
                .filter(e -> e.type() == EventType.NOTIFIED)).hasSize(1);
    }
}
