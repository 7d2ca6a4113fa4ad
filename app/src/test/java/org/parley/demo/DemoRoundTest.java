package org.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.audit.AuditVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The demo world's exchange round, read through the API as its participants read it (README, "Command line"):
 * Party B submitted last, 20 days ago, so the round waits on Party A and is stalled; each request list has two
 * versions, the second dropping entries with their reasons; the reconciliations found, could not decide and did
 * not find; the holders have confirmed, picked and rejected. Weeks before, the same parties executed a round: agreed,
 * handed over (one person did not appear, one declined) and completed. (Other tests open rounds of their own in the
 * shared database: the demo's rounds are found by their titles.)
 */
@ParleyTest
class DemoRoundTest {

    private static final Set<String> IN_CUSTODY = Set.of("CAPTURED", "INTERNED", "HOSPITALISED");

    @LocalServerPort
    int port;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    DemoLoader loader;

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
        Duration waited = Duration.between(Instant.parse(round.get("waitingSince").stringValue()),
                loader.loadedAt());
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

    @Test
    void theExecutedRoundWasAgreedHandedOverAndCompletedWithOneDeclinedAndOneAbsent() {
        ApiClient anonymous = new ApiClient(port);
        ApiClient intermediary = anonymous.as("viewer@intermediary");
        JsonNode round = demoRound(intermediary, DemoExecutedRound.TITLE);
        String id = round.get("id").stringValue();
        String base = "/api/v1/exchanges/" + id;
        assertThat(round.get("state").stringValue()).isEqualTo("EXECUTED");
        assertThat(round.get("createdBy").stringValue()).isEqualTo("negotiator@party-b");
        assertThat(round.get("waitingOn").isNull()).isTrue();
        assertThat(round.get("stalled").booleanValue()).isFalse();
        // the round's days count back from the load's instant, in UTC (DemoExecutedRound)
        LocalDate today = LocalDate.ofInstant(loader.loadedAt(), ZoneOffset.UTC);
        assertThat(Instant.parse(round.get("createdAt").stringValue()))
                .isBefore(Instant.parse(demoRound(intermediary).get("createdAt").stringValue()).minus(
                        Duration.ofDays(21)));

        // requests and offers of both parties, a proposal, both parties' approvals and the intermediary's witness
        for (String party : List.of("party-a", "party-b")) {
            for (String kind : List.of("request", "offer")) {
                JsonNode versions = intermediary.get(base + "/lists/" + party + "/" + kind + "/versions").json()
                        .get("items");
                assertThat(versions).as(party + " " + kind).hasSize(1);
                assertThat(versions.get(0).get("entries").intValue()).isGreaterThan(0);
            }
        }
        JsonNode agreed = intermediary.get(base + "/exchange-list/versions/1").json();
        assertThat(agreed.get("proposal").get("balance").stringValue()).isEqualTo("N_FOR_N");
        assertThat(agreed.get("createdBy").stringValue()).isEqualTo("negotiator@intermediary");
        List<String> approvedBy = new ArrayList<>();
        intermediary.get(base + "/approvals").json().get("items").forEach(a -> approvedBy.add(
                a.get("organisation").stringValue() + " " + a.get("role").stringValue()));
        assertThat(approvedBy).containsExactlyInAnyOrder("party-a PARTY", "party-b PARTY",
                "intermediary WITNESS");
        assertThat(intermediary.get(base + "/handover").json().get("missing").intValue()).isZero();

        // the report: one who did not appear (Party A's), one who declined (Party B's), everyone else transferred
        JsonNode report = intermediary.get(base + "/report").json();
        assertThat(report.get("didNotAppear")).hasSize(1);
        assertThat(report.get("declined")).hasSize(1);
        String absent = report.get("didNotAppear").get(0).get("personId").stringValue();
        String declining = report.get("declined").get(0).get("personId").stringValue();
        assertThat(report.get("didNotAppear").get(0).get("side").stringValue()).isEqualTo("party-a");
        assertThat(report.get("declined").get(0).get("side").stringValue()).isEqualTo("party-b");
        int released = 0;
        for (String side : List.of("party-a", "party-b")) {
            JsonNode counts = report.get("sides").get(side);
            assertThat(counts.get("agreed").intValue()).as(side).isEqualTo(agreed.get("releases").get(side).size());
            assertThat(counts.get("transferred").intValue()).as(side).isEqualTo(counts.get("agreed").intValue() - 1);
            released += counts.get("agreed").intValue();
        }
        assertThat(released).isGreaterThanOrEqualTo(10);

        // the lifecycles: EXCHANGED for the transferred, REMAINED for the one who declined, custody for the absent
        Set<String> exchanged = new HashSet<>();
        agreed.get("releases").forEach(side -> side.forEach(item -> {
            String person = item.get("personId").stringValue();
            JsonNode record = intermediary.get("/api/v1/persons/" + person).json();
            JsonNode events = intermediary.get("/api/v1/persons/" + person + "/events").json();
            JsonNode last = events.get(events.size() - 1);
            if (person.equals(absent)) {
                assertThat(record.get("status").stringValue()).isIn(IN_CUSTODY);
                events.forEach(e -> assertThat(e.get("type").stringValue()).isNotIn("EXCHANGED", "REMAINED"));
            } else {
                String outcome = person.equals(declining) ? "REMAINED" : "EXCHANGED";
                assertThat(record.get("status").stringValue()).as(person).isEqualTo(outcome);
                assertThat(last.get("type").stringValue()).as(person).isEqualTo(outcome);
                assertThat(last.get("note").stringValue()).contains(id);
                assertThat(LocalDate.parse(last.get("occurredOn").stringValue()))
                        .isEqualTo(today.minusDays(DemoExecutedRound.HANDED_OVER));
                if (outcome.equals("EXCHANGED")) {
                    exchanged.add(person);
                }
            }
        }));
        assertThat(exchanged).hasSize(released - 2);

        // the one who declined: a verified wish not to return, taken after the agreement
        JsonNode statements = intermediary.as("interviewer@intermediary")
                .get("/api/v1/persons/" + declining + "/statements").json();
        assertThat(statements.get("wishStatus").stringValue()).isEqualTo("VERIFIED_NOT_RETURNING");
        assertThat(LocalDate.parse(statements.get("wishVerifiedOn").stringValue()))
                .isAfter(LocalDate.ofInstant(Instant.parse(report.get("agreedAt").stringValue()), ZoneOffset.UTC));

        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    /** The demo's round in negotiation, found by its title among those the intermediary takes part in. */
    static JsonNode demoRound(ApiClient client) {
        return demoRound(client, DemoRound.TITLE);
    }

    static JsonNode demoRound(ApiClient client, String title) {
        for (int page = 0; page < 20; page++) {
            JsonNode items = client.get("/api/v1/exchanges?size=200&page=" + page).json().get("items");
            for (JsonNode round : items) {
                if (round.get("title").stringValue().equals(title)) {
                    return round;
                }
            }
            if (items.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no demo round " + title);
    }
}
