package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/persons}: its orders (names in the alphabet of the client's language, capture date, time in
 * captivity, both ways), the relevance of a name search, and the refusals of an order it does not know.
 */
@ParleyTest
class PersonListApiTest {

    @LocalServerPort
    int port;

    ApiClient a;

    @BeforeEach
    void client() {
        a = new ApiClient(port).as("registrar@party-a");
    }

    /** A Cyrillic word no other test uses, from letters whose Latin spellings do not collide. */
    static String uniqueWord(String start) {
        String letters = "бвдлмнпрстф";
        StringBuilder word = new StringBuilder(start);
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(c -> word.append(letters.charAt(Character.digit(c, 16) % letters.length())));
        return word.toString();
    }

    private String create(String json) {
        Response created = a.post("/api/v1/persons", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private String create(String surname, String givenName, String patronymic, String captureDate) {
        return create("""
                {"surname": "%s", "givenName": "%s", %s "holdingParty": "party-a", "powerOfOrigin": "party-b" %s}"""
                .formatted(surname, givenName, patronymic == null ? "" : "\"patronymic\": \"" + patronymic + "\",",
                        captureDate == null ? "" : ", \"captureDate\": \"" + captureDate + "\""));
    }

    /** The list as a client asking for {@code language} gets it. */
    private Response list(String query, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(a.uri("/api/v1/persons?" + query)).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return a.send(request);
    }

    private static List<String> surnames(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("items").forEach(p -> names.add(p.get("surname").stringValue()));
        return names;
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(p -> ids.add(p.get("id").stringValue()));
        return ids;
    }

    @Test
    void namesAreInTheAlphabeticalOrderOfTheClientsLanguage() {
        String given = uniqueWord("Абетка");
        List<String> surnames = List.of("Яковенко", "Іванов", "Abramov", "Єрмак", "Иванов", "Ёлкин", "Елисеев",
                "Ершов", "Ґудзь", "Гончар", "Їжак", "Ищенко");
        surnames.forEach(s -> create(s, given, null, null));
        String query = "q=" + ApiClient.encode(given) + "&sort=name";

        // Ukrainian: а б в г ґ д е є ж з и і ї й к … я; Russian: … е ё ж …; both put their own script first
        List<String> cyrillicFirst = List.of("Гончар", "Ґудзь", "Елисеев", "Ёлкин", "Ершов", "Єрмак", "Иванов",
                "Ищенко", "Іванов", "Їжак", "Яковенко", "Abramov");
        assertThat(surnames(list(query, "uk"))).containsExactlyElementsOf(cyrillicFirst);
        assertThat(surnames(list(query, "ru-RU,ru;q=0.9"))).containsExactlyElementsOf(cyrillicFirst);
        // any other language, or none: the root order of the Unicode Collation Algorithm, Latin first
        List<String> root = new ArrayList<>(cyrillicFirst.subList(0, cyrillicFirst.size() - 1));
        root.add(0, "Abramov");
        assertThat(surnames(list(query, "en"))).containsExactlyElementsOf(root);
        assertThat(surnames(list(query, null))).containsExactlyElementsOf(root);
        assertThat(list(query, null).json().get("sort").stringValue()).isEqualTo("name");

        List<String> reversed = new ArrayList<>(cyrillicFirst);
        java.util.Collections.reverse(reversed);
        assertThat(surnames(list("q=" + ApiClient.encode(given) + "&sort=-name", "uk")))
                .containsExactlyElementsOf(reversed);
        // pages of an order follow one another
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(surnames(list(query + "&size=5&page=" + page, "uk")));
        }
        assertThat(paged).containsExactlyElementsOf(cyrillicFirst);
    }

    @Test
    void captureDateAndTimeInCaptivityOrderBothWaysWithTheUnknownLast() {
        String given = uniqueWord("Дата");
        String longest = create("Перший", given, null, "2020-01-01");
        String recent = create("Другий", given, null, "2024-01-01");
        String released = create("Третій", given, null, "2019-01-01");
        String unknown = create("Четвертий", given, null, null);
        // captured first of all, but released after half a year: the shortest captivity
        assertThat(a.post("/api/v1/persons/" + released + "/events",
                "{\"type\": \"RELEASED\", \"occurredOn\": \"2019-07-01\"}").status()).isEqualTo(201);
        assertThat(a.get("/api/v1/persons/" + released).json().get("custodyEndedOn").stringValue())
                .isEqualTo("2019-07-01");
        assertThat(a.get("/api/v1/persons/" + longest).json().get("custodyEndedOn").isNull()).isTrue();
        String q = "q=" + ApiClient.encode(given);

        assertThat(ids(list(q + "&sort=captureDate", null))).containsExactly(released, longest, recent, unknown);
        assertThat(ids(list(q + "&sort=-captureDate", null))).containsExactly(recent, longest, released, unknown);
        assertThat(ids(list(q + "&sort=-timeInCaptivity", null))).containsExactly(longest, recent, released, unknown);
        assertThat(ids(list(q + "&sort=timeInCaptivity", null))).containsExactly(released, recent, longest, unknown);
        // one row a page: the merged orders page as they list
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            paged.addAll(ids(list(q + "&sort=-timeInCaptivity&size=1&page=" + page, null)));
        }
        assertThat(paged).containsExactly(longest, recent, released, unknown);
    }

    @Test
    void withoutASearchTheMergedOrdersGiveTheWholeListInOrder() {
        // the branches of the merged orders each read at most a page ahead: the second page must continue the first
        List<JsonNode> pages = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            Response answer = list("sort=-timeInCaptivity&size=30&page=" + page + "&holdingParty=party-a", null);
            assertThat(answer.status()).isEqualTo(200);
            answer.json().get("items").forEach(pages::add);
        }
        java.time.LocalDate today = java.time.LocalDate.now();
        long previous = Long.MAX_VALUE;
        for (JsonNode person : pages) {
            if (person.get("captureDate") == null || person.get("captureDate").isNull()) {
                previous = -1;
                continue;
            }
            assertThat(previous).as("persons without a capture date come last").isNotNegative();
            java.time.LocalDate captured = java.time.LocalDate.parse(person.get("captureDate").stringValue());
            java.time.LocalDate end = person.get("custodyEndedOn").isNull() ? today
                    : java.time.LocalDate.parse(person.get("custodyEndedOn").stringValue());
            long days = end.toEpochDay() - captured.toEpochDay();
            assertThat(days).isLessThanOrEqualTo(previous);
            previous = days;
        }
        assertThat(pages).hasSize(60);
    }

    @Test
    void aNameSearchListsTheBestMatchesFirstAndLeavesOutPatronymicsThatOnlyBeginWithTheWord() {
        String name = uniqueWord("Зорян");
        String bySurname = create(name, "Тарас", null, null);
        String byGivenName = create("Коваль", name, null, null);
        String bySurnamePrefix = create(name + "енко", "Тарас", null, null);
        String byPatronymic = create("Мельник", "Іван", name + "ович", null);

        Response found = list("q=" + ApiClient.encode(name), null);
        assertThat(ids(found)).as("surname, given name, beginning of a surname; not the patronymic Зорянович")
                .containsExactly(bySurname, byGivenName, bySurnamePrefix);
        assertThat(found.json().get("total").asLong()).isEqualTo(3);
        assertThat(found.json().get("sort").stringValue()).isEqualTo("relevance");
        // an explicit order keeps the same persons
        assertThat(ids(list("q=" + ApiClient.encode(name) + "&sort=-name", "uk")))
                .containsExactly(byGivenName, bySurnamePrefix, bySurname);
        // the whole patronymic is a match like any other
        assertThat(ids(list("q=" + ApiClient.encode(name + "ович"), null))).containsExactly(byPatronymic);
        // and when nothing else matches, the patronymic that begins with the word is found after all
        String father = uniqueWord("Любомир");
        String onlyByPatronymic = create("Шевчук", "Петро", father + "ович", null);
        assertThat(ids(list("q=" + ApiClient.encode(father), null))).containsExactly(onlyByPatronymic);
    }

    @Test
    void aSearchInLatinLettersRanksTheSurnameBeforeTheGivenName() {
        String name = uniqueWord("Дарин");
        String latin = org.parley.names.Transliteration.official(name, org.parley.names.Language.UKRAINIAN);
        String byGivenName = create("Бондар", name, null, null);
        String bySurname = create(name, "Остап", null, null);
        assertThat(ids(list("q=" + ApiClient.encode(latin), null))).containsExactly(bySurname, byGivenName);
        assertThat(ids(list("q=" + ApiClient.encode(latin + " Ostap"), null))).containsExactly(bySurname);
    }

    @Test
    void anUnknownOrderIsRefusedNamingTheChoices() {
        Response unknown = a.get("/api/v1/persons?sort=age");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("sort");
        assertThat(unknown.reason("sort")).contains("'age'").contains("name, -name, captureDate, -captureDate, "
                + "timeInCaptivity, -timeInCaptivity, relevance");
        Response relevance = a.get("/api/v1/persons?sort=relevance");
        assertThat(relevance.status()).isEqualTo(400);
        assertThat(relevance.reason("sort")).contains("give q");
        assertThat(a.get("/api/v1/persons?sort=-relevance&q=x").status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesTheParametersOfTheList() {
        JsonNode document = a.get("/api/v1/openapi.json").json();
        JsonNode parameters = document.get("paths").get("/api/v1/persons").get("get").get("parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").stringValue()));
        assertThat(names).contains("q", "status", "capturedFrom", "sort", "page", "size").doesNotContain("parameters");
        JsonNode sort = null;
        for (JsonNode p : parameters) {
            if (p.get("name").stringValue().equals("sort")) {
                sort = p;
            }
        }
        assertThat(sort.get("schema").get("enum").toString()).contains("-timeInCaptivity", "relevance");
        assertThat(document.get("components").get("schemas").get("Person").get("properties").has("custodyEndedOn"))
                .isTrue();
        JsonNode notify = document.get("paths").get("/api/v1/persons/notifications").get("post");
        assertThat(notify.get("requestBody").toString()).contains("NotificationsInput");
        assertThat(document.get("components").get("schemas").get("NotificationsInput").get("required").toString())
                .contains("personIds", "date");
    }
}
