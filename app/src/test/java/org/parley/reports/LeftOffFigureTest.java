package org.parley.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.access.UserService;
import org.parley.api.Role;
import org.parley.registry.OrganisationKind;
import org.parley.registry.RegistryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The figure {@code left-off} against a round built by hand between two parties of its own (README, "Figures and
 * reports"): Party Q requests four persons Party R holds — one listed, one named by the first version and dropped,
 * one never listed, one R never notified (so Q may not see them) — and R offers one of them.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeftOffFigureTest {

    private static final String Q = "party-q";
    private static final String R = "party-r";

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    UserService users;
    @Autowired
    ReportLogLookup lookup;

    private ApiClient registrarR;
    private String round;
    private String listed;
    private String dropped;
    private String neverListed;
    private String notNotified;

    @BeforeAll
    void aRoundBuiltByHand() {
        registry.addOrganisation(Q, "Party Q", OrganisationKind.PARTY, "uk");
        registry.addOrganisation(R, "Party R", OrganisationKind.PARTY, "ru");
        for (String party : new String[] {Q, R}) {
            Map<String, Set<Role>> roles = new LinkedHashMap<>();
            for (Role role : new Role[] {Role.NEGOTIATOR, Role.REGISTRAR, Role.VIEWER}) {
                roles.put(role.name().toLowerCase() + "@" + party, Set.of(role));
            }
            users.createDemoUsers(roles, ApiClient.DEMO_PASSWORD);
        }
        ApiClient anonymous = new ApiClient(port);
        registrarR = anonymous.as("registrar@" + R);
        listed = person("Перший", true);
        dropped = person("Другий", true);
        neverListed = person("Третій", true);
        notNotified = person("Четвертий", false);
        String died = person("Пʼятий", true);
        assertThat(registrarR.post("/api/v1/persons/" + died + "/events", "{\"type\": \"DIED\", \"occurredOn\": \""
                + LocalDate.now().minusDays(1) + "\"}").status()).isEqualTo(201);

        round = anonymous.as("negotiator@" + Q).post("/api/v1/exchanges", "{\"counterparty\": \"" + R
                + "\", \"intermediary\": \"intermediary\", \"title\": \"Left off, figures\"}").json().get("id")
                .stringValue();
        String requests = "/api/v1/exchanges/" + round + "/lists/" + Q + "/request/versions";
        Response first = anonymous.as("negotiator@" + Q).post(requests, """
                {"basedOn": 0, "entries": [{"ref": "Q-1", "personId": "%s"}, {"ref": "Q-2", "personId": "%s"}]}"""
                .formatted(listed, dropped));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Response second = anonymous.as("negotiator@" + Q).post(requests, """
                {"basedOn": 1, "entries": [{"ref": "Q-1", "personId": "%s"}],
                 "removals": [{"ref": "Q-2", "reason": "WITHDRAWN_BY_FAMILY"}]}""".formatted(listed));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        Response offer = anonymous.as("negotiator@" + R).post("/api/v1/exchanges/" + round + "/lists/" + R
                + "/offer/versions", """
                {"basedOn": 0, "entries": [{"personId": "%s"}]}""".formatted(neverListed));
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);
    }

    private String person(String surname, boolean notified) {
        Response created = registrarR.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "Іван", "dateOfBirth": "1990-05-05", "holdingParty": "%s",
                 "powerOfOrigin": "%s", "category": "ARMED_FORCES", "captureDate": "%s"}""".formatted(surname, R, Q,
                LocalDate.now().minusYears(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        if (notified) {
            assertThat(registrarR.post("/api/v1/persons/" + id + "/events", "{\"type\": \"NOTIFIED\", "
                    + "\"occurredOn\": \"" + LocalDate.now().minusDays(1) + "\"}").status()).isEqualTo(201);
        }
        return id;
    }

    /** The figure as {@code user} reads it, of the persons Party R holds (the intermediary sees other rounds too). */
    private JsonNode figure(String user) {
        Response answer = new ApiClient(port).as(user).get("/api/v1/figures?holdingParty=" + R);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode figure : answer.json().get("figures")) {
            if (figure.get("id").stringValue().equals("left-off")) {
                return figure;
            }
        }
        throw new AssertionError("no figure left-off in " + answer.body());
    }

    private JsonNode records(String user) {
        Response answer = new ApiClient(port).as(user).get("/api/v1/figures/left-off/records?size=100&holdingParty="
                + R);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode list(JsonNode figure, String key) {
        return figure.get("breakdown").get("rounds").get(round).get("lists").get(key);
    }

    @Test
    void theHolderCountsEachPersonLeftOffOnceWithEveryListAndReason() {
        JsonNode figure = figure("viewer@" + R);
        assertThat(figure.get("value").longValue()).isEqualTo(4);
        assertThat(records("viewer@" + R).findValuesAsString("id"))
                .containsExactlyInAnyOrder(listed, dropped, neverListed, notNotified);
        assertThat(figure.get("breakdown").get("rounds").get(round).get("title").stringValue())
                .isEqualTo("Left off, figures");
        assertThat(list(figure, Q + "/request").toString())
                .isEqualTo("{\"persons\":3,\"removalReason\":{\"NEVER_LISTED\":2,\"WITHDRAWN_BY_FAMILY\":1}}");
        assertThat(list(figure, R + "/offer").toString())
                .isEqualTo("{\"persons\":3,\"removalReason\":{\"NEVER_LISTED\":3}}");
        assertThat(figure.get("breakdown").get("removalReason").toString())
                .isEqualTo("{\"NEVER_LISTED\":4,\"WITHDRAWN_BY_FAMILY\":1}");
        assertThat(figure.get("records").stringValue()).isEqualTo("/api/v1/figures/left-off/records");
    }

    @Test
    void theRequesterAndTheIntermediaryCountOnlyWhatTheyMaySee() {
        for (String user : new String[] {"viewer@" + Q, "viewer@intermediary"}) {
            JsonNode figure = figure(user);
            assertThat(figure.get("value").longValue()).as(user).isEqualTo(3);
            assertThat(records(user).findValuesAsString("id")).as(user)
                    .containsExactlyInAnyOrder(listed, dropped, neverListed);
            assertThat(list(figure, Q + "/request").toString()).as(user)
                    .isEqualTo("{\"persons\":2,\"removalReason\":{\"NEVER_LISTED\":1,\"WITHDRAWN_BY_FAMILY\":1}}");
            assertThat(list(figure, R + "/offer").get("persons").longValue()).as(user).isEqualTo(2);
            assertThat(figure.toString()).doesNotContain(notNotified);
        }
    }

    @Test
    void aPartyOfNoOpenRoundCountsNobody() {
        JsonNode figure = figure("viewer@party-a");
        assertThat(figure.get("value").longValue()).isZero();
        assertThat(figure.get("breakdown").get("rounds").has(round)).isFalse();
    }

    @Test
    void aFrozenReportOfTheFigureVerifiesAndFailsWhenAnIdIsDropped() {
        Response created = new ApiClient(port).as("viewer@" + R).post("/api/v1/reports", """
                {"title": "Left off", "figures": ["left-off"], "filters": {"holdingParty": "%s"}}""".formatted(R));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode figure = created.json().get("figures").get(0);
        assertThat(figure.get("value").longValue()).isEqualTo(4);
        assertThat(figure.get("records").findValuesAsString("status")).containsOnly("CAPTURED");
        String json = created.json().toString();
        assertThat(ReportVerifier.verify(json, null, lookup).problems()).isEmpty();
        tools.jackson.databind.node.ObjectNode altered = (tools.jackson.databind.node.ObjectNode) created.json()
                .deepCopy();
        ((tools.jackson.databind.node.ArrayNode) altered.get("figures").get(0).get("records")).remove(0);
        assertThat(ReportVerifier.verify(altered.toString(), null, lookup).problems())
                .contains("figure left-off: the value is 4 but 3 records are listed");
    }
}
