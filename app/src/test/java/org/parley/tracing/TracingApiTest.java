package org.parley.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.tracing.TracingRequests.record;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.registry.EventType;
import org.parley.registry.NotificationFeed;
import org.parley.registry.NotificationMerge;
import org.parley.interchange.BundleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Tracing requests through the API: the search when recorded, the standing search on registration, notification,
 * import and a received bundle, the decisions, answer and close, and what the other party never reads. Each test
 * uses surnames of its own (the database is shared with every other test).
 */
@ParleyTest
class TracingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    NotificationMerge merge;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;

    private ApiClient as(String user) {
        return new ApiClient(port).as(user);
    }

    private String register(String surname, String given, String born) {
        ApiClient.Response person = as("registrar@party-a").post("/api/v1/persons", "{\"surname\": \"" + surname
                + "\", \"givenName\": \"" + given + "\", \"dateOfBirth\": \"" + born + "\", \"nameLanguage\": \"uk\", "
                + "\"holdingParty\": \"party-a\", \"powerOfOrigin\": \"party-b\"}");
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        return person.json().get("id").stringValue();
    }

    private void notifyPerson(String personId) {
        ApiClient.Response notified = as("registrar@party-a").post("/api/v1/persons/notifications",
                "{\"personIds\": [\"" + personId + "\"], \"date\": \"" + LocalDate.now() + "\"}");
        assertThat(notified.status()).as(notified.body()).isIn(200, 201);
    }

    /** Imports one row (surname; given name; date of birth; number) as Party A's registrar; answers the finished job. */
    private static JsonNode importRow(ApiClient registrar, String row) {
        byte[] file = ("Фамилия;Имя;Дата рождения;Номер\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
        ApiClient.Response started = org.parley.interchange.TracingImportUploads.post(registrar,
                Map.of("holdingParty", "party-a", "powerOfOrigin", "party-b"), Map.of("file", file));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return org.parley.interchange.TracingImportUploads.awaitEnd(registrar, started.json().get("id").stringValue())
                .json();
    }

    private static List<String> ids(ApiClient.Response list) {
        return list.json().get("items").valueStream().map(i -> i.get("id").stringValue()).toList();
    }

    @Test
    void aRequestInLatinLettersFindsThePersonRegisteredLaterInCyrillicOnceTheRecorderMaySeeThem() {
        ApiClient partyB = as("registrar@party-b");
        String request = record(partyB, "{\"surname\": \"Trembovetskyi\", \"givenName\": \"Oleksandr\", "
                + "\"dateOfBirth\": \"1991-04-12\", \"unit\": \"24 brigade\", \"lastKnownPlace\": \"Bakhmut\", "
                + "\"requester\": {\"name\": \"Halyna Trembovetska\", \"relationship\": \"mother\", "
                + "\"contact\": \"+380 44 000 0001\"}}");
        JsonNode first = partyB.get("/api/v1/tracing-requests/" + request).json();
        assertThat(first.get("state").stringValue()).isEqualTo("OPEN");
        assertThat(first.get("candidates")).isEmpty();

        String person = register("Трембовецький", "Олександр", "1991-04-12");
        assertThat(partyB.get("/api/v1/tracing-requests/" + request).json().get("candidates"))
                .as("not notified: the power of origin may not see the person yet").isEmpty();

        notifyPerson(person);
        assertThat(ids(partyB.get("/api/v1/tracing-requests?newMatches=true"))).contains(request);
        JsonNode found = partyB.get("/api/v1/tracing-requests/" + request).json();
        assertThat(found.get("newMatches").asInt()).isEqualTo(1);
        JsonNode candidate = found.get("candidates").get(0);
        assertThat(candidate.get("personId").stringValue()).isEqualTo(person);
        assertThat(candidate.get("fullName").stringValue()).contains("Трембовецький");
        assertThat(candidate.get("new").asBoolean()).isTrue();
        assertThat(candidate.get("foundBy").stringValue()).isEqualTo("STANDING_SEARCH");
        assertThat(candidate.get("score").asDouble()).isGreaterThan(0.7);
        assertThat(candidate.get("explanation").stringValue()).contains("Trembovetskyi").contains("Трембовецький");
        assertThat(ids(partyB.get("/api/v1/tracing-requests?newMatches=true"))).as("seen once read")
                .doesNotContain(request);
        assertThat(partyB.get("/api/v1/tracing-requests/" + request).json().at("/candidates/0/new").asBoolean())
                .isFalse();

        // the holding party's own request finds its registration at once
        String own = record(as("registrar@party-a"), "{\"fullName\": \"Kvitchenko Taras\", \"dateOfBirth\": \"1988\"}");
        String kvitchenko = register("Квітченко", "Тарас", "1988-02-03");
        JsonNode ownRead = as("registrar@party-a").get("/api/v1/tracing-requests/" + own).json();
        assertThat(ownRead.at("/candidates/0/personId").stringValue()).isEqualTo(kvitchenko);
        assertThat(ownRead.at("/candidates/0/new").asBoolean()).isTrue();
    }

    @Test
    void aPersonWhoseNameIsCorrectedLaterBecomesACandidateOfTheRequestTheCorrectedNameMatches() {
        ApiClient registrar = as("registrar@party-a");
        String request = record(registrar, "{\"fullName\": \"Zhuravlynskyi Bohdan\", \"dateOfBirth\": \"1979-06-21\"}");
        // registered with a clerk's slip in the surname: nothing like the request
        String person = register("Лебединець", "Богдан", "1979-06-21");
        assertThat(registrar.get("/api/v1/tracing-requests/" + request).json().get("candidates")).isEmpty();

        ApiClient.Response rank = registrar.patch("/api/v1/persons/" + person, "{\"version\": 1, \"rank\": \"солдат\"}");
        assertThat(rank.status()).as(rank.body()).isEqualTo(200);
        assertThat(registrar.get("/api/v1/tracing-requests/" + request).json().get("candidates"))
                .as("a correction that changes no name matches nothing more").isEmpty();

        ApiClient.Response corrected = registrar.patch("/api/v1/persons/" + person,
                "{\"version\": 2, \"surname\": \"Журавлинський\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode found = registrar.get("/api/v1/tracing-requests/" + request).json();
        assertThat(found.get("candidates")).hasSize(1);
        assertThat(found.at("/candidates/0/personId").stringValue()).isEqualTo(person);
        assertThat(found.at("/candidates/0/foundBy").stringValue()).isEqualTo("STANDING_SEARCH");
        assertThat(found.at("/candidates/0/new").asBoolean()).isTrue();

        // another correction, of no name: the request keeps its one candidate, not added twice
        ApiClient.Response again = registrar.patch("/api/v1/persons/" + person,
                "{\"version\": 3, \"rank\": \"сержант\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(registrar.get("/api/v1/tracing-requests/" + request).json().get("candidates")).hasSize(1);
    }

    @Test
    void theSearchWhenRecordedRanksCandidatesAndTheRecorderDecidesAnswersAndCloses() {
        String person = register("Журавкевич", "Сергій", "1979-11-30");
        notifyPerson(person);
        ApiClient intermediary = as("registrar@intermediary");
        ApiClient.Response created = intermediary.post("/api/v1/tracing-requests", "{\"surname\": \"Zhuravkevich\", "
                + "\"givenName\": \"Sergei\", \"dateOfBirth\": \"1979\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String request = created.json().get("id").stringValue();
        assertThat(created.json().at("/candidates/0/personId").stringValue()).isEqualTo(person);
        assertThat(created.json().at("/candidates/0/foundBy").stringValue()).isEqualTo("SEARCH");
        assertThat(created.json().at("/candidates/0/new").asBoolean()).isFalse();

        String path = "/api/v1/tracing-requests/" + request;
        ApiClient.Response decided = intermediary.post(path + "/candidates/" + person, "{\"decision\": \"CONFIRMED\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().at("/candidates/0/decision").stringValue()).isEqualTo("CONFIRMED");
        assertThat(intermediary.post(path + "/candidates/" + person, "{\"decision\": \"MAYBE\"}").reason("decision"))
                .contains("CONFIRMED, RULED_OUT");
        assertThat(intermediary.post(path + "/answer", "{}").reason("text")).isEqualTo("is required");
        ApiClient.Response answered = intermediary.post(path + "/answer", "{\"text\": \"Held by Party A, interned.\"}");
        assertThat(answered.json().get("state").stringValue()).isEqualTo("ANSWERED");
        assertThat(intermediary.post(path + "/answer", "{\"text\": \"again\"}").status()).isEqualTo(409);
        assertThat(intermediary.post(path + "/close", "").json().get("state").stringValue()).isEqualTo("CLOSED");
        assertThat(intermediary.post(path + "/candidates/" + person, "{\"decision\": \"RULED_OUT\"}").status())
                .isEqualTo(409);
        assertThat(intermediary.get("/api/v1/tracing-requests?state=CLOSED").json().get("items").valueStream()
                .anyMatch(i -> i.get("id").stringValue().equals(request) && i.get("confirmed").asInt() == 1)).isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        ApiClient registrar = as("registrar@intermediary");
        long before = registrar.get("/api/v1/tracing-requests?state=OPEN").json().get("total").asLong();
        ApiClient.Response refused = registrar.post("/api/v1/tracing-requests", "{\"givenName\": \"\", "
                + "\"dateOfBirth\": \"1990-13\", \"lastKnownDate\": \"2999-01-01\", \"requester\": {\"phone\": \"1\"}, "
                + "\"colour\": \"red\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("surname", "dateOfBirth", "lastKnownDate", "requester.phone",
                "colour");
        assertThat(registrar.get("/api/v1/tracing-requests?state=OPEN").json().get("total").asLong())
                .isEqualTo(before);
    }

    @Test
    void theOtherPartyNeverReadsARequestNorTheRequestersContact() {
        String request = record(as("registrar@party-b"), "{\"surname\": \"Bohuslavets\", \"requester\": "
                + "{\"name\": \"Iryna\", \"contact\": \"secret-contact-77\"}}");
        for (String user : List.of("registrar@party-a", "viewer@party-a", "negotiator@party-a", "auditor@party-a")) {
            ApiClient.Response read = as(user).get("/api/v1/tracing-requests/" + request);
            assertThat(read.status()).as(user).isEqualTo(404);
            assertThat(read.body()).doesNotContain("secret-contact-77").doesNotContain("Bohuslavets");
            ApiClient.Response list = as(user).get("/api/v1/tracing-requests?size=200");
            assertThat(list.body()).as(user).doesNotContain(request).doesNotContain("secret-contact-77");
        }
        assertThat(as("viewer@intermediary").get("/api/v1/tracing-requests/" + request).json()
                .at("/requester/contact").stringValue()).isEqualTo("secret-contact-77");
        assertThat(as("viewer@party-b").get("/api/v1/tracing-requests/" + request).status()).isEqualTo(200);
    }

    @Test
    void anImportAndAReceivedBundleAlsoFeedTheStandingSearch() throws Exception {
        ApiClient intermediary = as("registrar@intermediary");
        String imported = record(intermediary, "{\"surname\": \"Ostapchuk-Rivnenskyi\", \"givenName\": \"Ivan\"}");
        String own = record(as("registrar@party-a"), "{\"surname\": \"Ostapchuk-Rivnenskyi\", \"givenName\": \"Ivan\"}");
        ApiClient registrar = as("registrar@party-a");
        JsonNode done = importRow(registrar, "Остапчук-Рівненський;Іван;01.01.1990;TRC-IMP-1");
        assertThat(done.at("/counts/new").asLong()).as(done.toString()).isEqualTo(1);
        assertThat(registrar.get("/api/v1/tracing-requests/" + own).json().at("/candidates/0/new").asBoolean())
                .as("the importer's own request, which may see the person at once").isTrue();
        assertThat(intermediary.get("/api/v1/tracing-requests/" + imported).json().get("candidates"))
                .as("not notified yet").isEmpty();

        // a later import that corrects a surname: the corrected person is searched again
        String renamed = record(registrar, "{\"surname\": \"Berezhnytskyi\", \"givenName\": \"Yurii\"}");
        assertThat(importRow(registrar, "Криворучко;Юрій;02.02.1985;TRC-IMP-2").at("/counts/new").asLong())
                .isEqualTo(1);
        assertThat(registrar.get("/api/v1/tracing-requests/" + renamed).json().get("candidates")).isEmpty();
        JsonNode correction = importRow(registrar, "Бережницький;Юрій;02.02.1985;TRC-IMP-2");
        assertThat(correction.at("/counts/updated").asLong()).as(correction.toString()).isEqualTo(1);
        assertThat(registrar.get("/api/v1/tracing-requests/" + renamed).json().at("/candidates/0/fullName")
                .stringValue()).contains("Бережницький");

        String bundled = record(intermediary, "{\"surname\": \"Lysohorenko\", \"givenName\": \"Petro\"}");
        JsonNode facts = json.readTree("{\"surname\": \"Лисогоренко\", \"givenName\": \"Петро\", "
                + "\"holdingParty\": \"party-a\", \"powerOfOrigin\": \"party-b\"}");
        transaction.executeWithoutResult(s -> merge.merge(BundleService.OPERATOR, "party-a", List.of(
                new NotificationMerge.Incoming("TRC-BUNDLE-" + System.nanoTime(), facts, List.of(
                        new NotificationFeed.NotifiedEvent(1, EventType.CAPTURED, LocalDate.now().minusDays(3), null,
                                null),
                        new NotificationFeed.NotifiedEvent(2, EventType.NOTIFIED, LocalDate.now(), null, null)))),
                "test bundle"));
        JsonNode read = intermediary.get("/api/v1/tracing-requests/" + bundled).json();
        assertThat(read.at("/candidates/0/fullName").stringValue()).contains("Лисогоренко");
        assertThat(read.at("/candidates/0/new").asBoolean()).isTrue();
    }
}
