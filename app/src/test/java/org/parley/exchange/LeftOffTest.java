package org.parley.exchange;

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
 * "Left off the list" against a registry built by hand, where every figure is known: two parties of their own
 * (the demo's persons belong to other parties), so the population is exactly the persons made here.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeftOffTest {

    private static final String C = "party-l";
    private static final String D = "party-m";

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    UserService users;

    private ApiClient negotiatorC;
    private ApiClient negotiatorD;
    private ApiClient registrarD;
    private String round;
    private String inCustodyListed;
    private String droppedLater;
    private String neverListed;
    private String notNotified;

    @BeforeAll
    void aRegistryBuiltByHand() {
        registry.addOrganisation(C, "Party L", OrganisationKind.PARTY, "uk");
        registry.addOrganisation(D, "Party M", OrganisationKind.PARTY, "ru");
        for (String party : new String[] {C, D}) {
            Map<String, Set<Role>> roles = new LinkedHashMap<>();
            for (Role role : new Role[] {Role.NEGOTIATOR, Role.REGISTRAR, Role.VIEWER}) {
                roles.put(role.name().toLowerCase() + "@" + party, Set.of(role));
            }
            users.createDemoUsers(roles, ApiClient.DEMO_PASSWORD);
        }
        ApiClient anonymous = new ApiClient(port);
        negotiatorC = anonymous.as("negotiator@" + C);
        negotiatorD = anonymous.as("negotiator@" + D);
        registrarD = anonymous.as("registrar@" + D);
        inCustodyListed = person("Перший", "ARMED_FORCES", "OFFICER", 5, true);
        droppedLater = person("Другий", "ARMED_FORCES", "ENLISTED", 5, true);
        neverListed = person("Третій", "CIVILIAN_INTERNEE", null, 0, true);
        notNotified = person("Четвертий", "ARMED_FORCES", "ENLISTED", 1, false);
        String died = person("П’ятий", "ARMED_FORCES", "ENLISTED", 2, true);
        event(died, "DIED");
        // held by D but of Party A's origin: never part of C's figure
        assertThat(registrarD.post("/api/v1/persons", """
                {"surname": "Інший", "holdingParty": "party-m", "powerOfOrigin": "party-a"}""").status())
                .isEqualTo(201);

        round = negotiatorC.post("/api/v1/exchanges", "{\"counterparty\": \"" + D + "\", \"intermediary\": "
                + "\"intermediary\", \"title\": \"Left off\"}").json().get("id").stringValue();
        String versions = "/api/v1/exchanges/" + round + "/lists/" + C + "/request/versions";
        Response first = negotiatorC.post(versions, """
                {"basedOn": 0, "entries": [{"ref": "C-1", "personId": "%s"}, {"ref": "C-2", "surname": "Druhyi",
                  "givenName": "Ivan", "dateOfBirth": "1990-05-05"}, {"ref": "C-3", "surname": "Nikhto"}]}"""
                .formatted(inCustodyListed));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Response second = negotiatorC.post(versions, """
                {"basedOn": 1, "entries": [{"ref": "C-1", "personId": "%s"}, {"ref": "C-3", "surname": "Nikhto"}],
                 "removals": [{"ref": "C-2", "reason": "WITHDRAWN_BY_FAMILY"}]}""".formatted(inCustodyListed));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        Response offer = negotiatorD.post("/api/v1/exchanges/" + round + "/lists/" + D + "/offer/versions", """
                {"basedOn": 0, "entries": [{"personId": "%s"}]}""".formatted(neverListed));
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);
    }

    private String person(String surname, String category, String rankGroup, int yearsHeld, boolean notified) {
        String rank = rankGroup == null ? "" : ", \"rankGroup\": \"" + rankGroup + "\"";
        Response created = registrarD.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "Іван", "dateOfBirth": "1990-05-05", "holdingParty": "party-m",
                 "powerOfOrigin": "party-l", "category": "%s", "captureDate": "%s"%s}""".formatted(surname, category,
                LocalDate.now().minusYears(yearsHeld).minusDays(10), rank));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        if (notified) {
            event(id, "NOTIFIED");
        }
        return id;
    }

    private void event(String person, String type) {
        assertThat(registrarD.post("/api/v1/persons/" + person + "/events", "{\"type\": \"" + type
                + "\", \"occurredOn\": \"" + LocalDate.now().minusDays(1) + "\"}").status()).isEqualTo(201);
    }

    private JsonNode leftOff(ApiClient caller, String party, String kind) {
        Response answer = caller.get("/api/v1/exchanges/" + round + "/left-off?party=" + party + "&kind=" + kind);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void theHolderCountsEveryPersonItHoldsThatTheLatestRequestLeavesOut() {
        JsonNode figure = leftOff(negotiatorD, C, "request");
        assertThat(figure.get("total").intValue()).isEqualTo(3);
        assertThat(figure.get("removed").intValue()).isEqualTo(1);
        assertThat(figure.get("neverListed").intValue()).isEqualTo(2);
        assertThat(figure.get("items").findValuesAsString("personId"))
                .containsExactlyInAnyOrder(droppedLater, neverListed, notNotified);
        JsonNode breakdown = figure.get("breakdown");
        assertThat(breakdown.get("category").get("ARMED_FORCES").intValue()).isEqualTo(2);
        assertThat(breakdown.get("category").get("CIVILIAN_INTERNEE").intValue()).isEqualTo(1);
        assertThat(breakdown.get("rankGroup").get("ENLISTED").intValue()).isEqualTo(2);
        assertThat(breakdown.get("rankGroup").get("UNKNOWN").intValue()).isEqualTo(1);
        assertThat(breakdown.get("captivityYears").get("3+").intValue()).isEqualTo(1);
        assertThat(breakdown.get("captivityYears").get("<1").intValue()).isEqualTo(1);
        assertThat(breakdown.get("captivityYears").get("1-2").intValue()).isEqualTo(1);
        assertThat(breakdown.get("removalReason").toString()).isEqualTo("{\"WITHDRAWN_BY_FAMILY\":1}");
        assertThat(breakdown.get("wishStatus").toString()).isEqualTo("{\"UNKNOWN\":3}");
        JsonNode dropped = figure.get("items").findParents("personId").stream()
                .filter(i -> i.get("personId").stringValue().equals(droppedLater)).findFirst().orElseThrow();
        assertThat(dropped.get("removed").booleanValue()).isTrue();
        assertThat(dropped.get("removalReason").stringValue()).isEqualTo("WITHDRAWN_BY_FAMILY");
    }

    @Test
    void theRequesterAndTheIntermediaryCountOnlyWhatTheyMaySee() {
        for (ApiClient caller : new ApiClient[] {negotiatorC, new ApiClient(port).as("viewer@intermediary")}) {
            JsonNode figure = leftOff(caller, C, "request");
            assertThat(figure.get("total").intValue()).isEqualTo(2);
            assertThat(figure.get("removed").intValue()).isEqualTo(1);
            assertThat(figure.toString()).doesNotContain(notNotified);
        }
    }

    @Test
    void anOfferLeavesOutThePersonsOfTheOthersOriginNotOffered() {
        JsonNode figure = leftOff(negotiatorD, D, "offer");
        assertThat(figure.get("total").intValue()).isEqualTo(3);
        assertThat(figure.get("neverListed").intValue()).isEqualTo(3);
        assertThat(figure.get("items").findValuesAsString("personId"))
                .containsExactlyInAnyOrder(inCustodyListed, droppedLater, notNotified);
    }

    @Test
    void badParametersAreNamed() {
        Response bad = negotiatorC.get("/api/v1/exchanges/" + round + "/left-off?party=" + C + "&kind=wish&x=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("kind", "x");
        assertThat(negotiatorC.get("/api/v1/exchanges/" + round + "/left-off?party=party-a&kind=request").status())
                .isEqualTo(404);
    }
}
