package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Text that no name contains is refused, naming the field and the character; invisible characters that only hide a
 * name from search are stripped; everything else is kept exactly as written. Bodies are written with JSON escapes
 * ({@code \\u200B}), so that the test says which character it sends.
 */
@ParleyTest
class HostileTextApiTest {

    @Autowired
    JdbcClient jdbc;

    private static final List<String> NAME_FIELDS = List.of("surname", "givenName", "patronymic", "fatherName",
            "motherMaidenName", "nextOfKinName");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port).as("registrar@party-a");
    }

    /** A surname no other test uses, in letters whose keys cannot collide (see PersonNameSearchTest). */
    private static String uniqueSurname() {
        String letters = "бвдлмнпрстф";
        StringBuilder name = new StringBuilder("Шевчук");
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(c -> name.append(letters.charAt(Character.digit(c, 16) % letters.length())));
        return name.toString();
    }

    private JsonNode create(String json) {
        Response response = api.post("/api/v1/persons", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private String path(JsonNode person) {
        return "/api/v1/persons/" + person.get("id").asString();
    }

    private List<JsonNode> found(String q) {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/v1/persons?q=" + ApiClient.encode(q)).json().get("items").forEach(items::add);
        return items;
    }

    /** Every person stored (the list's own total stops counting at a thousand). */
    private long total() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }



    @Test
    void aZeroWidthSpaceNoLongerHidesAPersonFromSearch() {
        String surname = uniqueSurname();
        String hidden = surname.substring(0, 3) + "\\u200B" + surname.substring(3);
        JsonNode person = create("""
                {"surname": "%s", "givenName": "Тарас\\u00AD", "holdingParty": "party-a"}""".formatted(hidden));
        assertThat(person.get("surname").stringValue()).isEqualTo(surname);
        assertThat(person.get("givenName").stringValue()).isEqualTo("Тарас");
        assertThat(found(surname)).extracting(p -> p.get("id")).containsExactly(person.get("id"));
        assertThat(found(surname.substring(0, 3) + "\u200B" + surname.substring(3) + " Тарас"))
                .extracting(p -> p.get("id")).containsExactly(person.get("id"));
    }

    @Test
    void aJoinerKeptInTheStoredNameDoesNotHideItFromThePlainSpelling() {
        String surname = uniqueSurname();
        String joined = surname.substring(0, 3) + "\u200D" + surname.substring(3);
        JsonNode person = create("""
                {"surname": "%s", "holdingParty": "party-a"}""".formatted(joined.replace("\u200D", "\\u200D")));
        assertThat(person.get("surname").stringValue()).as("kept as written").isEqualTo(joined);
        assertThat(api.get(path(person)).json().get("surname").stringValue()).isEqualTo(joined);
        assertThat(found(surname)).extracting(p -> p.get("id")).containsExactly(person.get("id"));
        assertThat(found(joined)).extracting(p -> p.get("id")).containsExactly(person.get("id"));
    }

    @Test
    void aNameOfInvisibleCharactersOnlyIsAnEmptyName() {
        long before = total();
        Response invisible = api.post("/api/v1/persons", """
                {"surname": "\\u200B\\u200B\\u2060\\u00AD \\u00A0", "holdingParty": "party-a"}""");
        assertThat(invisible.status()).isEqualTo(400);
        assertThat(invisible.reason("surname")).isEqualTo("is required");
        JsonNode person = create("""
                {"surname": "%s", "givenName": "\\u200B", "holdingParty": "party-a"}""".formatted(uniqueSurname()));
        assertThat(person.get("givenName").isNull()).isTrue();
        assertThat(total()).isEqualTo(before + 1);
    }

    @Test
    void textIsOtherwiseKeptAsWritten() {
        String surname = uniqueSurname();
        // Surrounding white space (also no-break space and a byte order mark) goes; case, apostrophes, combining
        // marks (й written as и + U+0306), joiners and inner spaces stay as written.
        JsonNode person = create("""
                {"surname": "\\uFEFF %s\\u00A0 ", "givenName": "О\\u2019Ни\\u0306л", "patronymic": "Ван  дер\\u00A0Берг",
                 "fatherName": "\\u0915\\u094D\\u200D\\u0937", "holdingParty": "party-a"}""".formatted(surname));
        assertThat(person.get("surname").stringValue()).isEqualTo(surname);
        assertThat(person.get("givenName").stringValue()).isEqualTo("О’Ни\u0306л");
        assertThat(person.get("patronymic").stringValue()).isEqualTo("Ван  дер\u00A0Берг");
        assertThat(person.get("fatherName").stringValue()).isEqualTo("\u0915\u094D\u200D\u0937");
        assertThat(api.get(path(person)).json()).isEqualTo(person);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "\\u202E|U+202E RIGHT-TO-LEFT OVERRIDE|bidirectional",
            "\\u202A|U+202A LEFT-TO-RIGHT EMBEDDING|bidirectional",
            "\\u2067|U+2067 RIGHT-TO-LEFT ISOLATE|bidirectional",
            "\\u2069|U+2069 POP DIRECTIONAL ISOLATE|bidirectional",
            "\\uFEFF|U+FEFF ZERO WIDTH NO-BREAK SPACE|byte order mark",
            "\\uDB40\\uDC41|U+E0041 TAG LATIN CAPITAL LETTER A|tag character",
            "\\uDB40\\uDC01|U+E0001 LANGUAGE TAG|tag character",
            "\\uFDD0|U+FDD0|noncharacter",
            "\\uFFFE|U+FFFE|noncharacter",
            "\\uDBFF\\uDFFF|U+10FFFF|noncharacter",
            "\\u2028|U+2028 LINE SEPARATOR|line separator",
            "\\u2029|U+2029 PARAGRAPH SEPARATOR|paragraph separator",
            "\\u0007|U+0007|control character",
            "\\u0000|U+0000|control character",
            "\\u0085|U+0085|control character",
            "\\u001B|U+001B|control character",
            "\\n|U+000A|line break",
            "\\t|U+0009|tab",
            "\\uE000|U+E000|private-use character",
            "\\uDB80\\uDC00|U+F0000|private-use character",
            "\\u0378|U+0378|unassigned",
            "\\u206A|U+206A INHIBIT SYMMETRIC SWAPPING|deprecated format character",
            "\\uD800|U+D800|unpaired surrogate",
            "\\uDC00|U+DC00|unpaired surrogate",
            "\\uDE00\\uD83D|U+DE00|unpaired surrogate",
    })
    void charactersNoNameContainsAreRefusedInEveryNameField(String escaped, String named, String kind) {
        long before = total();
        for (String field : NAME_FIELDS) {
            String surname = field.equals("surname") ? "Шев" + escaped + "чук" : uniqueSurname();
            String body = """
                    {"surname": "%s", "%s": "Ів%sан", "holdingParty": "party-a"}"""
                    .formatted(surname, field, escaped);
            if (field.equals("surname")) {
                body = """
                        {"surname": "%s", "holdingParty": "party-a"}""".formatted(surname);
            }
            Response refused = api.post("/api/v1/persons", body);
            assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:parley:problem:invalid-input");
            assertThat(refused.errorFields()).as(field).containsExactly(field);
            assertThat(refused.reason(field)).startsWith("contains " + named).contains(kind)
                    .contains("at character " + (field.equals("surname") ? 4 : 3));
        }
        assertThat(total()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aRefusedCorrectionLeavesTheRecordAsItWas() {
        JsonNode person = create("""
                {"surname": "%s", "givenName": "Іван", "holdingParty": "party-a"}""".formatted(uniqueSurname()));
        Response refused = api.patch(path(person), """
                {"version": 1, "givenName": "Іван\\u202EнавІ", "reason": "typo"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("givenName");
        Response surrogate = api.patch(path(person), """
                {"version": 1, "givenName": "Іван", "reason": "typo \\uD800"}""");
        assertThat(surrogate.errorFields()).containsExactly("reason");
        assertThat(surrogate.reason("reason")).contains("U+D800").contains("unpaired surrogate");
        assertThat(api.get(path(person)).json()).isEqualTo(person);
        assertThat(api.get(path(person) + "/events").json()).hasSize(1);
    }

    @Test
    void multiLineTextKeepsLineBreaksAndTabsWhileOneLineTextRefusesThem() {
        JsonNode person = create("""
                {"surname": "%s", "holdingParty": "party-a", "healthNotes": "Рана плеча.\\n\\tПеревʼязка щодня.",
                 "familyAddress": "вул. Садова, 3\\r\\nЛьвів", "capturePlace": "Ав\\u200Bдіївка"}"""
                .formatted(uniqueSurname()));
        assertThat(person.get("healthNotes").stringValue()).isEqualTo("Рана плеча.\n\tПеревʼязка щодня.");
        assertThat(person.get("familyAddress").stringValue()).isEqualTo("вул. Садова, 3\r\nЛьвів");
        assertThat(person.get("capturePlace").stringValue()).as("only names are tidied of invisible characters")
                .isEqualTo("Ав\u200Bдіївка");

        long before = total();
        Response refused = api.post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "party-a", "rank": "сол\\nдат", "unit": "в/ч \\u202EА0000",
                 "placeOfBirth": "Ки\\u2028їв", "healthNotes": "ok\\u0007", "familyAddress": "Дім\\u2066"}"""
                .formatted(uniqueSurname()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("rank", "unit", "placeOfBirth", "healthNotes",
                "familyAddress");
        assertThat(refused.reason("rank")).startsWith("contains U+000A").contains("line break").contains("one line");
        assertThat(refused.reason("unit")).startsWith("contains U+202E RIGHT-TO-LEFT OVERRIDE");
        assertThat(refused.reason("healthNotes")).startsWith("contains U+0007");
        assertThat(refused.reason("familyAddress")).startsWith("contains U+2066 LEFT-TO-RIGHT ISOLATE");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void eventsFollowTheSameRules() {
        JsonNode person = create("""
                {"surname": "%s", "holdingParty": "party-a", "captureDate": "2024-01-10"}""".formatted(uniqueSurname()));
        String events = path(person) + "/events";
        Response refused = api.post(events, """
                {"type": "INTERNED", "occurredOn": "2024-01-20", "place": "Табір\\n1", "note": "\\u202Eтон"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("place", "note");
        assertThat(refused.reason("note")).startsWith("contains U+202E RIGHT-TO-LEFT OVERRIDE");
        assertThat(api.get(events).json()).hasSize(1);

        Response added = api.post(events, """
                {"type": "INTERNED", "occurredOn": "2024-01-20", "place": " Табір 1 ", "note": "Прибув.\\nЗдоровий."}""");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("place").stringValue()).isEqualTo("Табір 1");
        assertThat(added.json().get("note").stringValue()).isEqualTo("Прибув.\nЗдоровий.");
    }

    @Test
    void statementsFollowTheSameRules() {
        JsonNode person = create("""
                {"surname": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b", "captureDate": "2024-01-10"}"""
                .formatted(uniqueSurname()));
        String statements = path(person) + "/statements";
        Response refused = api.post(statements, """
                {"wish": "RETURN", "method": "INTERROGATION", "place": "Та\\u2029бір", "text": "Хоче\\uDBFF додому"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("place", "text");
        assertThat(refused.reason("text")).startsWith("contains U+DBFF").contains("unpaired surrogate");
        assertThat(api.get(statements).json().get("items")).isEmpty();

        Response recorded = api.post(statements, """
                {"wish": "RETURN", "method": "INTERROGATION", "text": "Хоче додому.\\n\\tДо родини."}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("text").stringValue()).isEqualTo("Хоче додому.\n\tДо родини.");
    }
}
