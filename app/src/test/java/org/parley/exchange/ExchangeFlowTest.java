package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A round from opening to reconciled, confirmed lists, through the API, as the two parties and the intermediary. */
@ParleyTest
class ExchangeFlowTest {

    @LocalServerPort
    int port;

    private ApiClient negotiatorA;
    private ApiClient negotiatorB;
    private ApiClient registrarA;
    private ApiClient registrarB;
    private ApiClient intermediary;

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(port);
        negotiatorA = anonymous.as("negotiator@party-a");
        negotiatorB = anonymous.as("negotiator@party-b");
        registrarA = anonymous.as("registrar@party-a");
        registrarB = anonymous.as("registrar@party-b");
        intermediary = anonymous.as("viewer@intermediary");
    }

    /** A person held by {@code holder}, a national of the other party, notified. */
    private String person(ApiClient registrar, String holder, String origin, String surname, String given,
            String born) {
        Response created = registrar.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "%s", "dateOfBirth": "%s", "holdingParty": "%s",
                 "powerOfOrigin": "%s", "captureDate": "%s"}""".formatted(surname, given, born, holder, origin,
                LocalDate.now().minusYears(2)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(registrar.post("/api/v1/persons/" + id + "/events", "{\"type\": \"NOTIFIED\", \"occurredOn\": \""
                + LocalDate.now().minusYears(1) + "\"}").status()).isEqualTo(201);
        return id;
    }

    @Test
    void partiesSubmitVersionsTheHolderConfirmsAndTheRequesterSeesOnlyDecidedOutcomes() {
        String held = person(registrarB, "party-b", "party-a", "Коваленко", "Олександр", "1991-04-17");
        Response opened = negotiatorA.post("/api/v1/exchanges", """
                {"counterparty": "party-b", "intermediary": "intermediary", "title": "Round of test"}""");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String round = opened.json().get("id").stringValue();
        assertThat(opened.json().get("parties").toString()).isEqualTo("[\"party-a\",\"party-b\"]");
        assertThat(opened.json().get("state").stringValue()).isEqualTo("NEGOTIATING");
        assertThat(opened.json().get("waitingOn").stringValue()).isEqualTo("party-a");

        String versions = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        Response first = negotiatorA.post(versions, """
                {"basedOn": 0, "entries": [
                  {"ref": "F-1", "surname": "Kovalenko", "givenName": "Oleksandr", "dateOfBirth": "1991-04-17"},
                  {"ref": "F-2", "surname": "Nemaye", "givenName": "Nikogo", "dateOfBirth": "1970"}]}""");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("version").intValue()).isEqualTo(1);
        assertThat(negotiatorA.get("/api/v1/exchanges/" + round).json().get("waitingOn").stringValue())
                .isEqualTo("party-b");

        Response stale = negotiatorA.post(versions, "{\"basedOn\": 0, \"entries\": []}");
        assertThat(stale.status()).isEqualTo(409);
        Response unexplained = negotiatorA.post(versions, """
                {"basedOn": 1, "entries": [{"ref": "F-1", "surname": "Kovalenko", "givenName": "Oleksandr",
                  "dateOfBirth": "1991-04-17"}]}""");
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.reason("removals")).contains("F-2");
        assertThat(negotiatorB.post(versions, "{\"basedOn\": 1, \"entries\": []}").status()).isEqualTo(403);

        String reconciliation = versions + "/1/reconciliation";
        JsonNode holderView = negotiatorB.get(reconciliation).json();
        JsonNode f1 = holderView.get("items").get(0);
        assertThat(f1.get("outcome").stringValue()).as(holderView.toString()).isEqualTo("FOUND");
        assertThat(f1.get("personId").stringValue()).isEqualTo(held);
        assertThat(holderView.get("items").get(1).get("outcome").stringValue()).isEqualTo("NOT_FOUND");

        JsonNode before = negotiatorA.get(reconciliation).json();
        assertThat(before.get("items").get(0).get("outcome").isNull()).isTrue();
        assertThat(before.get("items").get(0).has("candidates")).isFalse();
        assertThat(before.get("counts").get("PENDING").intValue()).isEqualTo(2);

        Response confirmed = negotiatorB.post(reconciliation + "/F-1", "{\"decision\": \"CONFIRM\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(negotiatorA.post(reconciliation + "/F-1", "{\"decision\": \"CONFIRM\"}").status())
                .isEqualTo(403);
        JsonNode after = negotiatorA.get(reconciliation).json().get("items").get(0);
        assertThat(after.get("outcome").stringValue()).isEqualTo("FOUND");
        assertThat(after.get("personId").stringValue()).isEqualTo(held);
        assertThat(after.get("confirmation").stringValue()).isEqualTo("CONFIRMED");

        Response second = negotiatorA.post(versions, """
                {"basedOn": 1, "entries": [{"ref": "F-1", "surname": "Kovalenko", "givenName": "Oleksandr",
                  "dateOfBirth": "1991-04-17"}], "removals": [{"ref": "F-2", "reason": "FOUND_ELSEWHERE"}]}""");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        JsonNode carried = negotiatorA.get(versions + "/2/reconciliation").json().get("items").get(0);
        assertThat(carried.get("confirmation").stringValue()).isEqualTo("CONFIRMED");
        JsonNode diff = intermediary.get(versions + "/2/diff?from=1").json();
        assertThat(diff.get("removed").get(0).get("entry").get("ref").stringValue()).isEqualTo("F-2");
        assertThat(diff.get("removed").get(0).get("reason").stringValue()).isEqualTo("FOUND_ELSEWHERE");

        JsonNode leftOff = negotiatorA.get("/api/v1/exchanges/" + round + "/left-off?party=party-a&kind=request")
                .json();
        assertThat(leftOff.toString()).doesNotContain(held);
        assertThat(leftOff.get("total").longValue()).isEqualTo(leftOff.get("neverListed").longValue()
                + leftOff.get("removed").longValue());

        Response abandoned = negotiatorB.post("/api/v1/exchanges/" + round + "/abandon", "{\"reason\": \"test\"}");
        assertThat(abandoned.status()).as(abandoned.body()).isEqualTo(200);
        assertThat(negotiatorA.post(versions, "{\"basedOn\": 2, \"entries\": []}").status()).isEqualTo(409);
    }
}
