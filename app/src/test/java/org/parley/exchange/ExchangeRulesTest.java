package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal of the exchange API, concurrent submissions, and what the requesting party may read of a
 * reconciliation. Rounds here are between the demo's Party A and Party B.
 */
@ParleyTest
class ExchangeRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ApiClient anonymous;
    private ApiClient negotiatorA;
    private ApiClient negotiatorB;
    private ApiClient registrarB;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient(port);
        negotiatorA = anonymous.as("negotiator@party-a");
        negotiatorB = anonymous.as("negotiator@party-b");
        registrarB = anonymous.as("registrar@party-b");
    }

    private String round(String intermediary) {
        Response opened = negotiatorA.post("/api/v1/exchanges", intermediary == null
                ? "{\"counterparty\": \"party-b\", \"title\": \"Rules\"}"
                : "{\"counterparty\": \"party-b\", \"intermediary\": \"" + intermediary + "\", \"title\": \"Rules\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").stringValue();
    }

    /** A person Party B holds, of Party A's origin, notified unless said otherwise. */
    private String heldByB(String surname, String given, String born, boolean notified) {
        Response created = registrarB.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "%s", "dateOfBirth": "%s", "holdingParty": "party-b",
                 "powerOfOrigin": "party-a", "captureDate": "%s"}""".formatted(surname, given, born,
                LocalDate.now().minusYears(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        if (notified) {
            assertThat(registrarB.post("/api/v1/persons/" + id + "/events", "{\"type\": \"NOTIFIED\", "
                    + "\"occurredOn\": \"" + LocalDate.now().minusDays(30) + "\"}").status()).isEqualTo(201);
        }
        return id;
    }

    private long versionCount() {
        return jdbc.sql("select count(*) from exchange_list_version").query(Long.class).single();
    }

    @Test
    void roundsAreOpenedByPartyNegotiatorsWithAnotherParty() {
        assertThat(anonymous.as("viewer@party-a").post("/api/v1/exchanges",
                "{\"counterparty\": \"party-b\", \"title\": \"x\"}").status()).isEqualTo(403);
        assertThat(anonymous.as("negotiator@intermediary").post("/api/v1/exchanges",
                "{\"counterparty\": \"party-b\", \"title\": \"x\"}").status()).isIn(401, 403);
        Response self = negotiatorA.post("/api/v1/exchanges", "{\"counterparty\": \"party-a\", \"title\": \"x\"}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.errorFields()).containsExactly("counterparty");
        assertThat(negotiatorA.post("/api/v1/exchanges", "{\"counterparty\": \"intermediary\", \"title\": \"x\"}")
                .reason("counterparty")).contains("not a party");
        assertThat(negotiatorA.post("/api/v1/exchanges", "{\"counterparty\": \"party-b\", \"intermediary\": "
                + "\"party-b\", \"title\": \"x\"}").reason("intermediary")).contains("not an intermediary");
        assertThat(negotiatorA.post("/api/v1/exchanges", "{\"counterparty\": \"party-b\"}").errorFields())
                .containsExactly("title");
    }

    @Test
    void onlyParticipantsSeeARound() {
        String round = round(null);
        assertThat(negotiatorB.get("/api/v1/exchanges/" + round).status()).isEqualTo(200);
        assertThat(anonymous.as("viewer@party-b").get("/api/v1/exchanges/" + round).status()).isEqualTo(200);
        Response outsider = anonymous.as("viewer@intermediary").get("/api/v1/exchanges/" + round);
        Response madeUp = anonymous.as("viewer@intermediary").get("/api/v1/exchanges/"
                + "00000000-0000-0000-0000-000000000000");
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(madeUp.status()).isEqualTo(404);
        assertThat(outsider.json().get("detail").stringValue().replace(round, "ID"))
                .isEqualTo(madeUp.json().get("detail").stringValue().replace("00000000-0000-0000-0000-000000000000",
                        "ID"));
        assertThat(anonymous.as("viewer@intermediary").get("/api/v1/exchanges").json().toString())
                .doesNotContain(round);
        assertThat(anonymous.as("viewer@intermediary").get("/api/v1/exchanges/" + round
                + "/lists/party-a/request/versions").status()).isEqualTo(404);
        assertThat(negotiatorA.get("/api/v1/exchanges").json().toString()).contains(round);
    }

    @Test
    void listsAreWrittenOnlyByTheirPartysNegotiatorsWhileNegotiating() {
        String round = round("intermediary");
        String base = "/api/v1/exchanges/" + round + "/lists/";
        String empty = "{\"basedOn\": 0, \"entries\": []}";
        long before = versionCount();
        assertThat(negotiatorA.post(base + "party-b/request/versions", empty).status()).isEqualTo(403);
        assertThat(anonymous.as("viewer@party-a").post(base + "party-a/request/versions", empty).status())
                .isEqualTo(403);
        assertThat(anonymous.as("registrar@party-a").post(base + "party-a/offer/versions", empty).status())
                .isEqualTo(403);
        assertThat(anonymous.as("registrar@intermediary").post(base + "party-a/request/versions", empty).status())
                .isEqualTo(403);
        assertThat(negotiatorA.post(base + "party-c/request/versions", empty).status()).isEqualTo(404);
        assertThat(negotiatorA.post(base + "intermediary/request/versions", empty).status()).isEqualTo(404);
        assertThat(negotiatorA.post(base + "party-a/wishlist/versions", empty).status()).isEqualTo(404);
        assertThat(negotiatorA.get(base + "party-a/request/versions/1").status()).isEqualTo(404);
        assertThat(negotiatorA.get(base + "party-a/request/versions/x").status()).isEqualTo(404);
        assertThat(versionCount()).isEqualTo(before);

        assertThat(negotiatorB.post("/api/v1/exchanges/" + round + "/abandon", "{}").errorFields())
                .containsExactly("reason");
        assertThat(anonymous.as("viewer@party-b").post("/api/v1/exchanges/" + round + "/abandon",
                "{\"reason\": \"x\"}").status()).isEqualTo(403);
        assertThat(anonymous.as("negotiator@intermediary").post("/api/v1/exchanges/" + round + "/abandon",
                "{\"reason\": \"x\"}").status()).isIn(401, 403);
        Response abandoned = negotiatorB.post("/api/v1/exchanges/" + round + "/abandon",
                "{\"reason\": \"no answer\"}");
        assertThat(abandoned.json().get("state").stringValue()).isEqualTo("ABANDONED");
        assertThat(abandoned.json().get("waitingOn").isNull()).isTrue();
        Response closed = negotiatorA.post(base + "party-a/request/versions", empty);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("type").stringValue()).endsWith("round-not-negotiating");
        assertThat(negotiatorA.post("/api/v1/exchanges/" + round + "/abandon", "{\"reason\": \"again\"}").status())
                .isEqualTo(409);
        assertThat(versionCount()).isEqualTo(before);
    }

    @Test
    void badEntriesAreNamedAndNothingIsStored() {
        String round = round("intermediary");
        String base = "/api/v1/exchanges/" + round + "/lists/";
        String hidden = heldByB("Прихований", "Тарас", "1990", false);
        String seen = heldByB("Видимий", "Петро", "1991", true);
        long before = versionCount();

        Response unseen = negotiatorA.post(base + "party-a/request/versions", """
                {"basedOn": 0, "entries": [{"personId": "%s"}, {"personId": "%s"},
                  {"personId": "00000000-0000-0000-0000-000000000001"}]}""".formatted(seen, hidden));
        assertThat(unseen.status()).isEqualTo(400);
        assertThat(unseen.errorFields()).containsExactlyInAnyOrder("entries[1].personId", "entries[2].personId");
        assertThat(unseen.reason("entries[1].personId")).isEqualTo(unseen.reason("entries[2].personId"));

        Response duplicate = negotiatorA.post(base + "party-a/request/versions", """
                {"basedOn": 0, "entries": [{"ref": "F-1", "surname": "Один"}, {"ref": "F-1", "surname": "Два"},
                  {"surname": "Безномера"}, {"ref": "F-4"}]}""");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorFields()).containsExactly("entries[1].ref", "entries[2].ref", "entries[3].surname");
        assertThat(duplicate.reason("entries[1].ref")).contains("entries[0]");
        Response malformed = negotiatorA.post(base + "party-a/request/versions", """
                {"basedOn": 0, "entries": [{"ref": "F-5", "surname": "X", "dateOfBirth": "1990-13"},
                  {"ref": "F-6", "surname": "X\u202Ey", "colour": "red"}]}""");
        assertThat(malformed.errorFields()).containsExactlyInAnyOrder("entries[0].dateOfBirth",
                "entries[1].surname", "entries[1].colour");

        Response offerOfHeldByOther = negotiatorA.post(base + "party-a/offer/versions", """
                {"basedOn": 0, "entries": [{"personId": "%s"}, {"ref": "T-1", "surname": "Текст"}]}""".formatted(seen));
        assertThat(offerOfHeldByOther.status()).isEqualTo(400);
        assertThat(offerOfHeldByOther.reason("entries[0].personId")).contains("not held by party-a");
        assertThat(offerOfHeldByOther.reason("entries[1].personId")).contains("required");

        Response died = registrarB.post("/api/v1/persons/" + seen + "/events", "{\"type\": \"DIED\", "
                + "\"occurredOn\": \"" + LocalDate.now().minusDays(2) + "\"}");
        assertThat(died.status()).as(died.body()).isEqualTo(201);
        Response offerOfDead = negotiatorB.post(base + "party-b/offer/versions", """
                {"basedOn": 0, "entries": [{"personId": "%s"}]}""".formatted(seen));
        assertThat(offerOfDead.reason("entries[0].personId")).contains("DIED").contains("not in custody");

        Response other = negotiatorA.post(base + "party-a/request/versions", """
                {"basedOn": 0, "entries": [{"ref": "F-1", "surname": "Один"}]}""");
        assertThat(other.status()).isEqualTo(201);
        Response otherWithoutNote = negotiatorA.post(base + "party-a/request/versions", """
                {"basedOn": 1, "entries": [], "removals": [{"ref": "F-1", "reason": "OTHER"},
                  {"ref": "F-9", "reason": "DIED"}]}""");
        assertThat(otherWithoutNote.errorFields()).containsExactly("removals[0].note", "removals[1].ref");
        assertThat(negotiatorA.post(base + "party-a/request/versions", """
                {"basedOn": 1, "entries": [], "removals": [{"ref": "F-1", "reason": "MOVED"}]}""").errorFields())
                .containsExactly("removals[0].reason");
        assertThat(versionCount()).isEqualTo(before + 1);
    }

    @Test
    void concurrentSubmissionsOnOneListHaveExactlyOneWinner() throws Exception {
        String round = round(null);
        String path = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Callable<Integer>> submissions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String body = "{\"basedOn\": 0, \"entries\": [{\"ref\": \"C-" + i + "\", \"surname\": \"Одночасний\"}]}";
            submissions.add(() -> negotiatorA.post(path, body).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : pool.invokeAll(submissions)) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(clients - 1);
        JsonNode versions = negotiatorA.get(path).json().get("items");
        assertThat(versions).hasSize(1);
    }

    @Test
    void theRequesterNeverSeesCandidatesNorUndecidedOutcomes() {
        String round = round("intermediary");
        String first = heldByB("Двійник", "Андрій", "1985-02-03", true);
        String second = heldByB("Двійник", "Андрій", "1985-02-03", true);
        String notNotified = heldByB("Неповідомлений", "Ігор", "1979-05-06", false);
        String versions = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        Response submitted = negotiatorA.post(versions, """
                {"basedOn": 0, "entries": [{"ref": "A-1", "surname": "Dviinyk", "givenName": "Andrii",
                  "dateOfBirth": "1985-02-03"}, {"ref": "A-2", "surname": "Nepovidomlenyi", "givenName": "Ihor",
                  "dateOfBirth": "1979-05-06"}]}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String reconciliation = versions + "/1/reconciliation";

        JsonNode holder = negotiatorB.get(reconciliation).json().get("items");
        assertThat(holder.get(0).get("outcome").stringValue()).isEqualTo("AMBIGUOUS");
        assertThat(holder.get(0).get("candidates").findValuesAsString("personId")).contains(first, second);
        assertThat(holder.get(1).get("outcome").stringValue()).isEqualTo("FOUND");
        assertThat(holder.get(1).get("personId").stringValue()).isEqualTo(notNotified);
        JsonNode intermediary = anonymous.as("viewer@intermediary").get(reconciliation).json().get("items");
        assertThat(intermediary.get(0).get("candidates")).hasSize(holder.get(0).get("candidates").size());

        String requesterView = negotiatorA.get(reconciliation).body();
        assertThat(requesterView).doesNotContain(first).doesNotContain(second).doesNotContain(notNotified)
                .doesNotContain("candidates").doesNotContain("explanation");

        assertThat(negotiatorB.post(reconciliation + "/A-1", "{\"decision\": \"CONFIRM\"}").reason("personId"))
                .contains("pick");
        assertThat(negotiatorB.post(reconciliation + "/A-1", "{\"decision\": \"REJECT\", \"personId\": \""
                + second + "\"}").status()).isEqualTo(400);
        assertThat(anonymous.as("viewer@party-b").post(reconciliation + "/A-1", "{\"decision\": \"REJECT\"}")
                .status()).isEqualTo(403);
        assertThat(negotiatorB.post(reconciliation + "/A-9", "{\"decision\": \"REJECT\"}").status()).isEqualTo(404);
        Response picked = negotiatorB.post(reconciliation + "/A-1", "{\"decision\": \"CONFIRM\", \"personId\": \""
                + second + "\"}");
        assertThat(picked.status()).as(picked.body()).isEqualTo(200);
        assertThat(negotiatorB.post(reconciliation + "/A-2", "{\"decision\": \"CONFIRM\"}").status()).isEqualTo(200);

        JsonNode requester = negotiatorA.get(reconciliation).json();
        JsonNode a1 = requester.get("items").get(0);
        assertThat(a1.get("outcome").stringValue()).isEqualTo("FOUND");
        assertThat(a1.get("personId").stringValue()).isEqualTo(second);
        assertThat(a1.has("candidates")).isFalse();
        JsonNode a2 = requester.get("items").get(1);
        assertThat(a2.get("confirmation").stringValue()).isEqualTo("CONFIRMED");
        // confirmed, but the record is not Party A's to read until Party B notifies it
        assertThat(a2.get("personId").isNull()).isTrue();
        assertThat(requester.toString()).doesNotContain(first).doesNotContain(notNotified);

        assertThat(negotiatorB.post(reconciliation + "/A-1", "{\"decision\": \"REJECT\"}").status()).isEqualTo(200);
        JsonNode rejected = negotiatorA.get(reconciliation).json().get("items").get(0);
        assertThat(rejected.get("confirmation").stringValue()).isEqualTo("REJECTED");
        assertThat(rejected.get("personId").isNull()).isTrue();
    }

    @Test
    void aChangedEntryLosesItsConfirmationAndTheDiffSaysWhatChanged() {
        String round = round("intermediary");
        String id = heldByB("Змінений", "Богдан", "1980-01-01", true);
        String versions = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        negotiatorA.post(versions, """
                {"basedOn": 0, "entries": [{"ref": "Z-1", "surname": "Zminenyi", "givenName": "Bohdan",
                  "dateOfBirth": "1980-01-01"}, {"ref": "Z-2", "personId": "%s"}]}""".formatted(id));
        assertThat(negotiatorB.post(versions + "/1/reconciliation/Z-1", "{\"decision\": \"CONFIRM\"}").status())
                .isEqualTo(200);
        assertThat(negotiatorB.post(versions + "/1/reconciliation/Z-2", "{\"decision\": \"CONFIRM\"}").status())
                .isEqualTo(200);
        Response second = negotiatorA.post(versions, """
                {"basedOn": 1, "entries": [{"ref": "Z-1", "surname": "Zminenyi", "givenName": "Bohdan",
                  "dateOfBirth": "1980-01-01", "unit": "3rd brigade"}, {"ref": "Z-2", "personId": "%s"}]}"""
                .formatted(id));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        JsonNode items = negotiatorA.get(versions + "/2/reconciliation").json().get("items");
        assertThat(items.get(0).get("confirmation").stringValue()).isEqualTo("PENDING");
        assertThat(items.get(1).get("confirmation").stringValue()).isEqualTo("CONFIRMED");
        assertThat(negotiatorB.post(versions + "/1/reconciliation/Z-1", "{\"decision\": \"CONFIRM\"}").status())
                .isEqualTo(409);
        JsonNode diff = negotiatorB.get(versions + "/2/diff?from=1").json();
        assertThat(diff.get("added")).isEmpty();
        assertThat(diff.get("removed")).isEmpty();
        assertThat(diff.get("changed").get(0).get("ref").stringValue()).isEqualTo("Z-1");
        assertThat(diff.get("changed").get(0).get("fields").get("unit").get("to").stringValue())
                .isEqualTo("3rd brigade");
        JsonNode listed = negotiatorB.get(versions).json().get("items");
        assertThat(listed.findValuesAsString("createdBy")).containsOnly("negotiator@party-a");
        assertThat(listed.get(1).get("entries").intValue()).isEqualTo(2);
    }

    @Test
    void aListOfTwelveThousandEntriesFitsInOneSubmission() {
        String round = round(null);
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"ref\": \"L-").append(i)
                    .append("\", \"surname\": \"Dovhyi\", \"givenName\": \"Spysok\", \"dateOfBirth\": \"")
                    .append(1950 + i % 50).append("\", \"note\": \"entry of a long list\"}");
        }
        String body = "{\"basedOn\": 0, \"entries\": [" + entries + "]}";
        assertThat(body.length()).isGreaterThan(1 << 20);
        Response submitted = negotiatorA.post("/api/v1/exchanges/" + round + "/lists/party-a/request/versions", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("entries").intValue()).isEqualTo(12_000);
        assertThat(negotiatorA.post("/api/v1/exchanges", "{\"counterparty\": \"party-b\", \"title\": \""
                + "x".repeat(1 << 20) + "\"}").status()).isEqualTo(413);
    }
}
