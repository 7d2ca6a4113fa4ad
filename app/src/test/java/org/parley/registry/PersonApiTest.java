package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ParleyTest
class PersonApiTest {

    @LocalServerPort
    int port;

    /** Registrars of the two parties: each registers the persons its own party holds. */
    ApiClient a;
    ApiClient b;

    @BeforeEach
    void clients() {
        a = new ApiClient(port).as("registrar@party-a");
        b = new ApiClient(port).as("registrar@party-b");
    }

    /** A unique surname per test, so that tests sharing the database do not see each other's records. */
    private static String uniqueSurname() {
        StringBuilder name = new StringBuilder("Тест");
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(c -> name.append((char) ('а' + Character.digit(c, 16))));
        return name.toString();
    }

    private static JsonNode create(ApiClient api, String json) {
        Response response = api.post("/api/v1/persons", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }



    @Test
    void createsReadsAndListsAPerson() {
        String surname = uniqueSurname();
        JsonNode created = create(b, """
                {"surname": "%s", "givenName": "Олександр", "patronymic": "Сергійович", "nameLanguage": "uk",
                 "dateOfBirth": "1994-03", "serviceNumber": "АБ-123456", "category": "ARMED_FORCES",
                 "branch": "ARMY", "rank": "солдат", "rankGroup": "ENLISTED", "unit": "в/ч А0000",
                 "holdingParty": "party-b", "powerOfOrigin": "party-a", "captureDate": "2024-02-10",
                 "capturePlace": "Авдіївка", "healthState": "SLIGHTLY_WOUNDED", "seriouslyIllOrWounded": false,
                 "sources": {"dateOfBirth": {"source": "CAPTURE_CARD", "confidence": "CONFIRMED", "voluntary": false},
                             "unit": {"source": "OPEN_SOURCE", "confidence": "PROBABLE"}}}
                """.formatted(surname));
        assertThat(created.get("id").stringValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("status").stringValue()).isEqualTo("CAPTURED");
        assertThat(created.get("nameScript").stringValue()).isEqualTo("Cyrl");
        assertThat(created.get("holdingParty").stringValue()).isEqualTo("party-b");
        assertThat(created.get("sources").get("unit").get("source").stringValue()).isEqualTo("OPEN_SOURCE");

        Response read = b.get("/api/v1/persons/" + created.get("id").stringValue());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        for (String field : List.of("id", "version", "surname", "givenName", "patronymic", "dateOfBirth",
                "serviceNumber", "category", "branch", "rank", "rankGroup", "unit", "holdingParty", "powerOfOrigin",
                "status")) {
            assertThat(read.json().has(field)).as(field).isTrue();
        }
        assertThat(read.json().get("dateOfBirth").stringValue()).isEqualTo("1994-03");

        Response list = b.get("/api/v1/persons?q=" + ApiClient.encode(surname));
        assertThat(list.json().get("total").asLong()).isEqualTo(1);
        assertThat(list.json().get("page").asInt()).isZero();
        assertThat(list.json().get("size").asInt()).isEqualTo(50);
        assertThat(list.json().get("items").get(0).get("id")).isEqualTo(created.get("id"));

        Response history = b.get("/api/v1/persons/" + created.get("id").stringValue() + "/events");
        assertThat(history.json()).hasSize(1);
        assertThat(history.json().get(0).get("type").stringValue()).isEqualTo("CAPTURED");
        assertThat(history.json().get(0).get("occurredOn").stringValue()).isEqualTo("2024-02-10");
    }

    @Test
    void searchIgnoresCaseDiacriticsApostrophesAndLookAlikeLetters() {
        String surname = uniqueSurname();
        String andrii = create(b, """
                {"surname": "%s", "givenName": "Андрій", "holdingParty": "party-b"}""".formatted(surname))
                .get("id").stringValue();
        String maryana = create(b, """
                {"surname": "%s", "givenName": "Мар’яна", "holdingParty": "party-b"}""".formatted(surname))
                .get("id").stringValue();
        String jose = create(b, """
                {"surname": "%s", "givenName": "José", "holdingParty": "party-b"}""".formatted(surname))
                .get("id").stringValue();
        Map<String, String> queries = Map.of(
                "Андрій", andrii, "андрій", andrii, "АНДРІЙ", andrii, "Андрiй" /* Latin i */, andrii,
                "Мар'яна", maryana, "марʼяна", maryana, "МАРЯНА", maryana,
                "jose", jose, "JOSÉ", jose);
        queries.forEach((q, id) -> {
            Response found = b.get("/api/v1/persons?q=" + ApiClient.encode(surname + " " + q));
            assertThat(found.json().get("total").asLong()).as(q).isEqualTo(1);
            assertThat(found.json().get("items").get(0).get("id").stringValue()).as(q).isEqualTo(id);
        });
        assertThat(b.get("/api/v1/persons?q=" + ApiClient.encode(surname.toUpperCase())).json().get("total").asLong())
                .isEqualTo(3);
    }

    @Test
    void searchFindsServiceNumbers() {
        String number = "SN-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(a, """
                {"surname": "%s", "serviceNumber": "%s", "holdingParty": "party-a"}"""
                .formatted(uniqueSurname(), number)).get("id").stringValue();
        Response found = a.get("/api/v1/persons?q=" + ApiClient.encode(number.toLowerCase()));
        assertThat(found.json().get("items").get(0).get("id").stringValue()).isEqualTo(id);
    }

    @Test
    void filtersCombine() {
        String surname = uniqueSurname();
        create(a, """
                {"surname": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b", "category": "CIVILIAN_INTERNEE",
                 "captureDate": "2023-01-15"}""".formatted(surname));
        create(a, """
                {"surname": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b", "category": "ARMED_FORCES",
                 "branch": "NAVY", "rankGroup": "OFFICER", "captureDate": "2024-06-01"}""".formatted(surname));
        String q = "/api/v1/persons?q=" + ApiClient.encode(surname);
        assertThat(a.get(q + "&category=CIVILIAN_INTERNEE").json().get("total").asLong()).isEqualTo(1);
        assertThat(a.get(q + "&branch=NAVY&rankGroup=OFFICER").json().get("total").asLong()).isEqualTo(1);
        assertThat(a.get(q + "&capturedFrom=2024-01-01").json().get("total").asLong()).isEqualTo(1);
        assertThat(a.get(q + "&capturedTo=2023-12-31&holdingParty=party-a").json().get("total").asLong())
                .isEqualTo(1);
        assertThat(a.get(q + "&holdingParty=party-b").json().get("total").asLong()).isZero();
        assertThat(a.get(q + "&powerOfOrigin=party-b&status=CAPTURED").json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void pagesAreStableAndCoverTheListExactlyOnce() {
        List<String> seen = new ArrayList<>();
        long total;
        // a reader that follows total page by page reaches the end: a total that is only a lower bound (a long list
        // is counted up to a thousand) always reaches past the next page
        for (int page = 0; ; page++) {
            Response response = a.get("/api/v1/persons?holdingParty=party-a&size=37&page=" + page);
            response.json().get("items").forEach(p -> seen.add(p.get("id").stringValue()));
            Response again = a.get("/api/v1/persons?holdingParty=party-a&size=37&page=" + page);
            assertThat(again.json().get("items")).isEqualTo(response.json().get("items"));
            total = response.json().get("total").asLong();
            if (response.json().path("totalCapped").asBoolean(false)) {
                assertThat(total).isGreaterThanOrEqualTo((page + 2) * 37L);
            } else if ((page + 1) * 37L >= total) {
                break;
            }
        }
        assertThat(total).isGreaterThan(100);
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
        Response beyond = a.get("/api/v1/persons?holdingParty=party-a&size=37&page=" + (total / 37 + 1));
        assertThat(beyond.json().get("items")).isEmpty();
    }

    @Test
    void updatesWithTheReadVersionAndKeepsTheOldValuesAsACorrection() {
        JsonNode person = create(b, """
                {"surname": "%s", "givenName": "Сергій", "rank": "солдат", "holdingParty": "party-b"}"""
                .formatted(uniqueSurname()));
        String id = person.get("id").stringValue();
        Response updated = b.patch("/api/v1/persons/" + id, """
                {"version": 1, "rank": "сержант", "givenName": null, "reason": "capture card re-read"}""");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(updated.json().get("rank").stringValue()).isEqualTo("сержант");
        assertThat(updated.json().get("givenName").isNull()).isTrue();

        JsonNode correction = b.get("/api/v1/persons/" + id + "/events").json().get(1);
        assertThat(correction.get("type").stringValue()).isEqualTo("CORRECTION");
        assertThat(correction.get("note").stringValue()).isEqualTo("capture card re-read");
        assertThat(correction.get("changes").get("rank").get("from").stringValue()).isEqualTo("солдат");
        assertThat(correction.get("changes").get("rank").get("to").stringValue()).isEqualTo("сержант");
        assertThat(correction.get("changes").get("givenName").get("from").stringValue()).isEqualTo("Сергій");
    }

    @Test
    void aStaleUpdateIsRefusedWith409AndChangesNothing() {
        String id = create(b, """
                {"surname": "%s", "rank": "солдат", "holdingParty": "party-b"}""".formatted(uniqueSurname()))
                .get("id").stringValue();
        assertThat(b.patch("/api/v1/persons/" + id, "{\"version\": 1, \"rank\": \"сержант\"}").status())
                .isEqualTo(200);
        Response stale = b.patch("/api/v1/persons/" + id, "{\"version\": 1, \"rank\": \"майор\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("type").stringValue()).isEqualTo("urn:parley:problem:stale-version");
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(b.get("/api/v1/persons/" + id).json().get("rank").stringValue()).isEqualTo("сержант");

        Response missingVersion = b.patch("/api/v1/persons/" + id, "{\"rank\": \"майор\"}");
        assertThat(missingVersion.status()).isEqualTo(400);
        assertThat(missingVersion.reason("version")).startsWith("is required");
    }

    @Test
    void lifecycleEventsUpdateTheStatusAndInvalidOnesAreRefused() {
        String id = create(a, """
                {"surname": "%s", "holdingParty": "party-a", "captureDate": "2024-01-10"}"""
                .formatted(uniqueSurname())).get("id").stringValue();
        String events = "/api/v1/persons/" + id + "/events";
        assertThat(a.post(events, """
                {"type": "INTERNED", "occurredOn": "2024-01-20", "place": "Camp 1"}""").status()).isEqualTo(201);
        assertThat(a.post(events, """
                {"type": "NOTIFIED", "occurredOn": "2024-01-22"}""").status()).isEqualTo(201);
        JsonNode person = a.get("/api/v1/persons/" + id).json();
        assertThat(person.get("status").stringValue()).isEqualTo("INTERNED");
        assertThat(person.get("internmentPlace").stringValue()).isEqualTo("Camp 1");
        assertThat(person.get("notifiedOn").stringValue()).isEqualTo("2024-01-22");

        Response died = a.post(events, """
                {"type": "DIED", "occurredOn": "2024-03-01"}""");
        assertThat(died.status()).isEqualTo(201);
        Response exchangeOfTheDead = a.post(events, """
                {"type": "EXCHANGED", "occurredOn": "2024-04-01"}""");
        assertThat(exchangeOfTheDead.status()).isEqualTo(409);
        assertThat(exchangeOfTheDead.json().get("type").stringValue()).isEqualTo("urn:parley:problem:invalid-transition");
        assertThat(exchangeOfTheDead.json().get("detail").stringValue())
                .isEqualTo("no event but a CORRECTION may follow DIED");
        assertThat(exchangeOfTheDead.json().get("currentStatus").stringValue()).isEqualTo("DIED");
        assertThat(exchangeOfTheDead.json().get("event").stringValue()).isEqualTo("EXCHANGED");

        // The death was recorded in error: a correction supersedes it, and the status is derived again.
        String deathId = died.json().get("id").stringValue();
        Response correction = a.post(events, """
                {"type": "CORRECTION", "supersedes": "%s", "note": "wrong person; see intermediary report"}"""
                .formatted(deathId));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(a.get("/api/v1/persons/" + id).json().get("status").stringValue()).isEqualTo("INTERNED");
        JsonNode history = a.get(events).json();
        assertThat(history).hasSize(5);
        assertThat(history.get(3).get("superseded").asBoolean()).isTrue();
        assertThat(history.get(3).get("type").stringValue()).isEqualTo("DIED");
        assertThat(a.post(events, """
                {"type": "EXCHANGED", "occurredOn": "2024-04-01"}""").status()).isEqualTo(201);
        assertThat(a.get("/api/v1/persons/" + id).json().get("status").stringValue()).isEqualTo("EXCHANGED");
        assertThat(a.post(events, """
                {"type": "INTERNED", "occurredOn": "2024-04-02"}""").status()).isEqualTo(409);
    }

    @Test
    void badEventsAreRefusedWithTheFieldAndReason() {
        String id = create(a, """
                {"surname": "%s", "holdingParty": "party-a", "captureDate": "2024-01-10"}"""
                .formatted(uniqueSurname())).get("id").stringValue();
        String events = "/api/v1/persons/" + id + "/events";
        Response unknownType = a.post(events, "{\"type\": \"VANISHED\", \"occurredOn\": \"2024-02-01\"}");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.reason("type")).startsWith("'VANISHED' is not one of CAPTURED, NOTIFIED");
        Response future = a.post(events, "{\"type\": \"INTERNED\", \"occurredOn\": \"%s\"}"
                .formatted(LocalDate.now().plusDays(2)));
        assertThat(future.reason("occurredOn")).endsWith("is in the future");
        Response noDate = a.post(events, "{\"type\": \"INTERNED\"}");
        assertThat(noDate.reason("occurredOn")).isEqualTo("is required for a INTERNED event");
        Response early = a.post(events, "{\"type\": \"INTERNED\", \"occurredOn\": \"2024-01-01\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").stringValue()).contains("cannot come before the previous event");
        Response transferWithoutPlace = a.post(events, "{\"type\": \"TRANSFERRED\", \"occurredOn\": \"2024-02-01\"}");
        assertThat(transferWithoutPlace.status()).isEqualTo(400);
        assertThat(transferWithoutPlace.errorFields()).containsExactly("place");
        Response stray = a.post(events, "{\"type\": \"INTERNED\", \"occurredOn\": \"2024-02-01\", \"camp\": 1}");
        assertThat(stray.errorFields()).containsExactly("camp");
        assertThat(a.get(events).json()).hasSize(1);
        assertThat(a.get("/api/v1/persons/99999999/events").status()).isEqualTo(404);
    }

    @Test
    void everyKindOfBadInputIsAProblemDetailNamingTheFieldAndStoresNothing() {
        long before = a.get("/api/v1/persons?size=1").json().get("total").asLong();
        String surname = uniqueSurname();

        Response malformed = a.post("/api/v1/persons", "{\"surname\": \"" + surname + "\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("type").stringValue()).isEqualTo("urn:parley:problem:invalid-input");
        assertThat(malformed.reason("body")).startsWith("malformed JSON at line 1, column");

        Response empty = a.post("/api/v1/persons", "");
        assertThat(empty.reason("body")).isEqualTo("a JSON body is required");

        Response notAnObject = a.post("/api/v1/persons", "[1, 2]");
        assertThat(notAnObject.reason("body")).isEqualTo("must be a JSON object");

        Response duplicate = a.post("/api/v1/persons",
                "{\"surname\": \"A\", \"surname\": \"B\", \"holdingParty\": \"party-a\"}");
        assertThat(duplicate.reason("body")).contains("member \"surname\" is given twice");

        Response many = a.post("/api/v1/persons", """
                {"givenName": 42, "category": "SPY", "branch": "army", "dateOfBirth": "1994-02-30",
                 "captureDate": "%s", "seriouslyIllOrWounded": "yes", "holdingParty": "party-x",
                 "nickname": "Sasha", "status": "RELEASED", "nameLanguage": "Ukrainian",
                 "sources": {"surname": {"source": "RUMOUR"}, "shoeSize": {"source": "CAPTURE_CARD"}}}"""
                .formatted(LocalDate.now().plusDays(1)));
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.reason("givenName")).isEqualTo("must be a string, not a number");
        assertThat(many.reason("category")).startsWith("'SPY' is not one of ARMED_FORCES, ");
        assertThat(many.reason("branch")).startsWith("'army' is not one of ARMY, NAVY");
        assertThat(many.reason("dateOfBirth")).isEqualTo("'1994-02-30' is not a date: Invalid date 'FEBRUARY 30'");
        assertThat(many.reason("captureDate")).endsWith("is in the future");
        assertThat(many.reason("seriouslyIllOrWounded")).isEqualTo("must be true or false, not a string");
        assertThat(many.reason("nickname")).isEqualTo("is not a field of a person");
        assertThat(many.reason("status")).isEqualTo("is derived by the server and cannot be set: add a lifecycle "
                + "event instead");
        assertThat(many.reason("nameLanguage")).contains("is not a BCP 47 language tag");
        assertThat(many.reason("sources.surname.source")).startsWith("'RUMOUR' is not one of");
        assertThat(many.reason("sources.shoeSize")).isEqualTo("is not a field of a person");
        assertThat(many.reason("surname")).isEqualTo("is required");

        Response unknownParty = a.post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "party-x"}""".formatted(surname));
        assertThat(unknownParty.reason("holdingParty")).isEqualTo("'party-x' is not a known organisation");
        Response intermediary = a.post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "intermediary"}""".formatted(surname));
        assertThat(intermediary.reason("holdingParty")).isEqualTo("'intermediary' is an intermediary, not a party");
        Response sameParty = a.post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-a"}""".formatted(surname));
        assertThat(sameParty.reason("powerOfOrigin")).isEqualTo("cannot be the holding party itself");
        Response captureBeforeBirth = a.post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "party-a", "dateOfBirth": "2000-05-01", "captureDate": "1999-01-01"}"""
                .formatted(surname));
        assertThat(captureBeforeBirth.reason("captureDate")).isEqualTo("1999-01-01 is before the date of birth 2000-05-01");
        Response tooLong = a.post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "party-a"}""".formatted("Я".repeat(201)));
        assertThat(tooLong.reason("surname")).isEqualTo("is longer than 200 characters");
        Response control = a.post("/api/v1/persons", """
                {"surname": "Ко\\u0000валь", "holdingParty": "party-a"}""");
        assertThat(control.reason("surname")).startsWith("contains U+0000, a control character");

        Response oversize = a.post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "party-a", "healthNotes": "%s"}""".formatted(surname,
                "x".repeat(2 * 1024 * 1024)));
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.json().get("type").stringValue()).isEqualTo("urn:parley:problem:body-too-large");

        Response wrongMediaType = a.send(java.net.http.HttpRequest.newBuilder(a.uri("/api/v1/persons"))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")));
        assertThat(wrongMediaType.status()).isEqualTo(415);
        assertThat(wrongMediaType.contentType()).startsWith("application/problem+json");

        assertThat(a.get("/api/v1/persons?q=" + ApiClient.encode(surname)).json().get("total").asLong()).isZero();
        assertThat(a.get("/api/v1/persons?size=1").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void badUpdatesChangeNothing() {
        JsonNode person = create(b, """
                {"surname": "%s", "rank": "солдат", "holdingParty": "party-b"}""".formatted(uniqueSurname()));
        String id = person.get("id").stringValue();
        Response bad = b.patch("/api/v1/persons/" + id, """
                {"version": 1, "rank": "сержант", "rankGroup": "GENERAL", "holdingParty": "party-a"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("rankGroup");
        Response moved = b.patch("/api/v1/persons/" + id, "{\"version\": 1, \"holdingParty\": \"party-a\"}");
        assertThat(moved.reason("holdingParty")).startsWith("cannot change");
        assertThat(b.get("/api/v1/persons/" + id).json()).isEqualTo(person);
        assertThat(b.get("/api/v1/persons/" + id + "/events").json()).hasSize(1);
    }

    @Test
    void badListParametersAreNamed() {
        Response bad = a.get("/api/v1/persons?status=ALIVE&capturedFrom=2024-13-01&size=1000&page=-1&colour=red");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("status", "capturedFrom", "size", "page", "colour");
        assertThat(bad.reason("size")).isEqualTo("'1000' is not a whole number from 1 to 200");
        for (String id : new String[] {"abc", "987654321", "0x4", "00000000-0000-0000-0000-000000000000"}) {
            Response missing = a.get("/api/v1/persons/" + id);
            assertThat(missing.status()).as("an id that is none is not found, like a missing one").isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void servesTheOpenApiDocument() {
        Response openApi = a.get("/api/v1/openapi.json");
        assertThat(openApi.status()).isEqualTo(200);
        JsonNode schemas = openApi.json().get("components").get("schemas");
        assertThat(schemas.get("PersonInput").get("properties").has("motherMaidenName")).isTrue();
        assertThat(schemas.get("Person").get("properties").get("status").get("enum")).hasSize(Status.values().length);
        assertThat(openApi.json().get("paths").has("/api/v1/persons/{id}/events")).isTrue();
    }
}
