package org.parley.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ApiClient;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The figures against a hand-built data set ({@link FigureFixture}), for each party and the intermediary, and
 * {@code value} = {@code total} of the records for every figure and every demo user.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresTest {

    @LocalServerPort
    int port;

    private FigureFixture fixture;

    @BeforeAll
    void createFixture() {
        fixture = FigureFixture.create(port, java.time.LocalDate.of(2011, 7, 1));
    }

    private Map<String, JsonNode> figures(String user, String filter) {
        ApiClient.Response answer = new ApiClient(port).as(user).get("/api/v1/figures?" + filter);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, JsonNode> byId = new TreeMap<>();
        answer.json().get("figures").forEach(f -> byId.put(f.get("id").stringValue(), f));
        return byId;
    }

    private List<String> records(String user, String id, String filter) {
        ApiClient.Response answer = new ApiClient(port).as(user).get("/api/v1/figures/" + id + "/records?size=1000&"
                + filter);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("items").forEach(i -> ids.add(i.get("id").stringValue()));
        assertThat(answer.json().get("total").longValue()).isEqualTo(ids.size());
        return ids;
    }

    private static long count(JsonNode figure, String dimension, String value) {
        JsonNode n = figure.get("breakdown").get(dimension).get(value);
        return n == null ? 0 : n.longValue();
    }

    @Test
    void partyAsFiguresCountItsDetaineesAndItsNotifiedNationals() {
        Map<String, JsonNode> f = figures("viewer@party-a", fixture.filter());
        assertThat(f.keySet()).containsExactly("exchanged", "held", "left-off", "nationals-held", "wishes");
        JsonNode held = f.get("held");
        assertThat(held.get("value").longValue()).isEqualTo(2);
        assertThat(count(held, "status", "INTERNED")).isEqualTo(1);
        assertThat(count(held, "status", "CAPTURED")).isEqualTo(1);
        assertThat(count(held, "combatant", "COMBATANT")).isEqualTo(1);
        assertThat(count(held, "combatant", "CIVILIAN_INTERNEE")).isEqualTo(1);
        assertThat(count(held, "branch", "ARMY")).isEqualTo(1);
        assertThat(count(held, "rankGroup", "OFFICER")).isEqualTo(1);
        assertThat(count(held, "healthState", "SERIOUSLY_WOUNDED")).isEqualTo(1);
        assertThat(count(held, "seriouslyIllOrWounded", "YES")).isEqualTo(1);
        assertThat(count(held, "seriouslyIllOrWounded", "NO")).isEqualTo(1);
        assertThat(count(held, "timeInCaptivity", "OVER_2_YEARS")).isEqualTo(2);
        assertThat(records("viewer@party-a", "held", fixture.filter()))
                .containsExactlyInAnyOrder(fixture.a1(), fixture.a2());
        // b2 is not notified: Party A may not see him, so he is not counted
        assertThat(f.get("nationals-held").get("value").longValue()).isEqualTo(1);
        assertThat(records("viewer@party-a", "nationals-held", fixture.filter())).containsExactly(fixture.b1());
        JsonNode wishes = f.get("wishes");
        assertThat(wishes.get("value").longValue()).isEqualTo(2);
        assertThat(count(wishes, "wishStatus", "VERIFIED_RETURN")).isEqualTo(1);
        assertThat(count(wishes, "wishStatus", "UNVERIFIED_CLAIM")).isEqualTo(1);
        assertThat(wishes.get("breakdown").get("rankGroup").get("NCO").get("UNVERIFIED_CLAIM").longValue())
                .isEqualTo(1);
        assertThat(wishes.get("breakdown").get("branch").get("ARMY").get("VERIFIED_RETURN").longValue()).isEqualTo(1);
        assertThat(f.get("exchanged").get("value").longValue()).isZero();
        assertThat(held.get("definition").stringValue()).contains("Persons the reader's organisation holds")
                .contains("SQL: person p where");
        assertThat(held.get("asOf").get("treeSize").longValue()).isPositive();
        assertThat(held.get("asOf").get("rootHash").stringValue()).hasSize(64);
        assertThat(held.get("records").stringValue()).isEqualTo("/api/v1/figures/held/records");
    }

    @Test
    void partyBsFiguresAreTheMirror() {
        Map<String, JsonNode> f = figures("registrar@party-b", fixture.filter());
        assertThat(f.get("held").get("value").longValue()).isEqualTo(2);
        assertThat(count(f.get("held"), "status", "HOSPITALISED")).isEqualTo(1);
        assertThat(count(f.get("held"), "branch", "NAVY")).isEqualTo(1);
        assertThat(records("registrar@party-b", "held", fixture.filter()))
                .containsExactlyInAnyOrder(fixture.b1(), fixture.b2());
        // a2 not notified, a3 released
        assertThat(records("registrar@party-b", "nationals-held", fixture.filter())).containsExactly(fixture.a1());
        assertThat(records("registrar@party-b", "wishes", fixture.filter()))
                .containsExactlyInAnyOrder(fixture.a1(), fixture.b1());
    }

    @Test
    void theIntermediaryCountsWhatWasNotifiedToIt() {
        Map<String, JsonNode> f = figures("viewer@intermediary", fixture.filter());
        assertThat(f.keySet()).containsExactly("exchanged", "in-custody", "left-off", "wishes");
        assertThat(records("viewer@intermediary", "in-custody", fixture.filter()))
                .containsExactlyInAnyOrder(fixture.a1(), fixture.b1());
        assertThat(f.get("in-custody").get("value").longValue()).isEqualTo(2);
        Map<String, JsonNode> heldByA = figures("viewer@intermediary", fixture.filter()
                + "&holdingParty=party-a");
        assertThat(heldByA.get("in-custody").get("value").longValue()).isEqualTo(1);
        assertThat(heldByA.get("wishes").get("value").longValue()).isEqualTo(1);
    }

    @Test
    void valueIsTheTotalOfRecordsForEveryFigureAndEveryDemoUser() {
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            if (!DemoUsers.readsRecords(user.organisation(), user.role())) {
                continue;
            }
            for (String filter : List.of("", "holdingParty=party-a", "powerOfOrigin=party-a&category=ARMED_FORCES",
                    fixture.filter())) {
                for (JsonNode figure : figures(user.username(), filter).values()) {
                    String id = figure.get("id").stringValue();
                    ApiClient.Response records = new ApiClient(port).as(user.username())
                            .get("/api/v1/figures/" + id + "/records?size=1&" + filter);
                    assertThat(records.json().get("total").longValue())
                            .as(user.username() + " " + id + " " + filter)
                            .isEqualTo(figure.get("value").longValue());
                    ApiClient.Response csv = new ApiClient(port).as(user.username())
                            .get("/api/v1/figures/" + id + "/records?format=csv&" + filter);
                    assertThat(csv.body().strip().split("\r\n")).as(user.username() + " " + id + " CSV")
                            .hasSize((int) figure.get("value").longValue() + 1);
                }
            }
        }
    }

    @Test
    void figuresKeptForALogSizeGiveWayToTheNextChange() {
        String november = "capturedFrom=2011-11-01&capturedTo=2011-11-30";
        long before = figures("viewer@party-a", november).get("held").get("value").longValue();
        assertThat(figures("viewer@party-a", november).get("held").get("value").longValue()).isEqualTo(before);
        ApiClient.Response created = new ApiClient(port).as("registrar@party-a").post("/api/v1/persons", """
                {"surname": "Зміненко", "holdingParty": "party-a", "captureDate": "2011-11-05"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(figures("viewer@party-a", november).get("held").get("value").longValue()).isEqualTo(before + 1);
        assertThat(figures("registrar@party-a", november).get("held").get("value").longValue())
                .as("the same organisation's view").isEqualTo(before + 1);
    }

    @Test
    void aNameSearchOrAnUnknownFilterIsRefusedNamingIt() {
        ApiClient viewer = new ApiClient(port).as("viewer@party-a");
        ApiClient.Response searched = viewer.get("/api/v1/figures?q=Фігуренко");
        assertThat(searched.status()).isEqualTo(400);
        assertThat(searched.errorFields()).contains("q");
        ApiClient.Response unknown = viewer.get("/api/v1/figures?colour=red&status=SLEEPING");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).contains("colour", "status");
        assertThat(viewer.get("/api/v1/figures/in-custody/records").status()).as("the intermediary's figure")
                .isEqualTo(404);
        assertThat(viewer.get("/api/v1/figures/no-such/records").status()).isEqualTo(404);
    }
}
