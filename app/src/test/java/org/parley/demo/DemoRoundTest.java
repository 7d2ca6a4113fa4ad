package org.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The demo world's exchange round, read through the API as its participants read it (README, "Command line"):
 * Party B submitted last, 20 days ago, so the round waits on Party A and is stalled; each request list has two
 * versions, the second dropping entries with their reasons; the reconciliations found, could not decide and did
 * not find; the holders have confirmed, picked and rejected. (Other tests open rounds of their own in the shared
 * database: the demo round is found by its title.)
 */
@ParleyTest
class DemoRoundTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoRoundWaitsOnPartyAWithVersionedReconciledPartlyDecidedLists() {
        ApiClient anonymous = new ApiClient(port);
        ApiClient negotiatorA = anonymous.as("negotiator@party-a");
        ApiClient negotiatorB = anonymous.as("negotiator@party-b");
        ApiClient intermediary = anonymous.as("viewer@intermediary");

        JsonNode round = demoRound(intermediary);
        String id = round.get("id").stringValue();
        assertThat(round.get("state").stringValue()).isEqualTo("NEGOTIATING");
        assertThat(round.get("intermediary").stringValue()).isEqualTo("intermediary");
        assertThat(round.get("createdBy").stringValue()).isEqualTo("negotiator@party-a");
        assertThat(round.get("waitingOn").stringValue()).isEqualTo("party-a");
        assertThat(round.get("stalled").booleanValue()).isTrue();
        Duration waited = Duration.between(Instant.parse(round.get("waitingSince").stringValue()), Instant.now());
        assertThat(waited).isBetween(Duration.ofDays(20), Duration.ofDays(20).plusHours(6));
        assertThat(negotiatorA.get("/api/v1/exchanges/" + id).json().get("waitingOn").stringValue())
                .isEqualTo("party-a");

        String base = "/api/v1/exchanges/" + id + "/lists/";
        for (String party : List.of("party-a", "party-b")) {
            JsonNode versions = intermediary.get(base + party + "/request/versions").json().get("items");
            assertThat(versions).as(party).hasSize(2);
            assertThat(versions.get(0).get("createdBy").stringValue()).isEqualTo("negotiator@" + party);
            assertThat(versions.get(1).get("removals").intValue()).isGreaterThan(0);
            JsonNode diff = intermediary.get(base + party + "/request/versions/2/diff?from=1").json();
            List<String> reasons = new ArrayList<>();
            diff.get("removed").forEach(r -> reasons.add(r.get("reason").stringValue()));
            assertThat(reasons).as(party).contains("DIED", "FOUND_ELSEWHERE", "OTHER");
            diff.get("removed").forEach(r -> {
                if (r.get("reason").stringValue().equals("OTHER")) {
                    assertThat(r.get("note").stringValue()).isNotBlank();
                }
            });
            assertThat(diff.get("added").size()).as(party).isGreaterThan(0);

            JsonNode offers = intermediary.get(base + party + "/offer/versions").json().get("items");
            assertThat(offers).as(party).hasSize(1);
            assertThat(offers.get(0).get("entries").intValue()).isGreaterThan(0);

            ApiClient holder = party.equals("party-a") ? negotiatorB : negotiatorA;
            JsonNode reconciliation = holder.get(base + party + "/request/versions/2/reconciliation").json();
            JsonNode counts = reconciliation.get("counts");
            assertThat(counts.get("FOUND").intValue()).as(party + " " + counts).isGreaterThan(0);
            assertThat(counts.get("AMBIGUOUS").intValue()).as(party + " " + counts).isGreaterThan(0);
            assertThat(counts.get("NOT_FOUND").intValue()).as(party + " " + counts).isGreaterThan(0);
            List<String> confirmations = new ArrayList<>();
            reconciliation.get("items").forEach(i -> confirmations.add(i.get("confirmation").stringValue()));
            assertThat(confirmations).as(party).contains("CONFIRMED", "REJECTED", "PENDING");

            // the requester reads the outcomes the holder decided, and only those
            ApiClient requester = party.equals("party-a") ? negotiatorA : negotiatorB;
            JsonNode asRequester = requester.get(base + party + "/request/versions/2/reconciliation").json();
            assertThat(asRequester.get("counts").get("PENDING").intValue()).isGreaterThan(0);
            assertThat(asRequester.get("counts").get("FOUND").intValue()).isGreaterThan(0);
        }
    }

    /** The demo's round, found by its title among those the intermediary takes part in. */
    static JsonNode demoRound(ApiClient client) {
        for (int page = 0; page < 20; page++) {
            JsonNode items = client.get("/api/v1/exchanges?size=200&page=" + page).json().get("items");
            for (JsonNode round : items) {
                if (round.get("title").stringValue().equals(DemoRound.TITLE)) {
                    return round;
                }
            }
            if (items.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no demo round");
    }
}
