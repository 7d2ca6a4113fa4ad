package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.audit.AuditVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Once notified, a person stays visible to the power of origin and the intermediary: the notification cannot be
 * superseded, the power of origin cannot be cleared or changed but by a request the intermediary confirms (the
 * former one keeps reading), and an organisation corrects only the events it recorded.
 */
@ParleyTest
class NotificationPermanenceTest {

    @LocalServerPort
    int port;

    @Autowired
    RegistryService registry;

    @Autowired
    PublicIds publicIds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditVerifier verifier;

    ApiClient registrarA;
    ApiClient viewerB;
    ApiClient intermediary;
    ApiClient interviewer;

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(port);
        registrarA = anonymous.as("registrar@party-a");
        viewerB = anonymous.as("viewer@party-b");
        intermediary = anonymous.as("registrar@intermediary");
        interviewer = anonymous.as("interviewer@intermediary");
        if (registry.organisation("party-c").isEmpty()) {
            registry.addOrganisation("party-c", "Party C", OrganisationKind.PARTY, "en");
        }
    }

    /** A person held by Party A, of Party B, notified: its public id. */
    private String notifiedPerson() {
        Response created = registrarA.post("/api/v1/persons", """
                {"surname": "Сповіщений", "givenName": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b",
                 "captureDate": "2024-05-01", "capturePlace": "Point 9"}""".formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(registrarA.post("/api/v1/persons/" + id + "/events",
                "{\"type\": \"NOTIFIED\", \"occurredOn\": \"2024-05-03\"}").status()).isEqualTo(201);
        return id;
    }

    private static String eventId(ApiClient reader, String person, String type) {
        JsonNode history = reader.get("/api/v1/persons/" + person + "/events").json();
        return StreamSupport.stream(history.spliterator(), false).filter(e -> e.get("type").stringValue().equals(type))
                .reduce((first, second) -> second).orElseThrow().get("id").stringValue();
    }

    private static String correction(String supersedes, String place, String note) {
        return """
                {"type": "CORRECTION", "supersedes": "%s", "place": "%s", "note": "%s"}"""
                .formatted(supersedes, place, note);
    }

    private void stillSeenByOriginAndIntermediary(String person) {
        assertThat(viewerB.get("/api/v1/persons/" + person).status()).isEqualTo(200);
        assertThat(intermediary.get("/api/v1/persons/" + person).status()).isEqualTo(200);
        assertThat(viewerB.get("/api/v1/persons?q=Сповіщений&size=200").body()).contains(person);
    }

    @Test
    void theNotificationCannotBeSuperseded() {
        String person = notifiedPerson();
        Response taken = registrarA.post("/api/v1/persons/" + person + "/events",
                correction(eventId(registrarA, person, "NOTIFIED"), "", "sent by mistake"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(400);
        assertThat(taken.json().get("errors").get(0).get("field").stringValue()).isEqualTo("supersedes");
        assertThat(taken.body()).contains("cannot be taken back");
        stillSeenByOriginAndIntermediary(person);
    }

    @Test
    void anOrganisationCorrectsOnlyTheEventsItRecorded() {
        String person = notifiedPerson();
        assertThat(registrarA.post("/api/v1/persons/" + person + "/events", "{\"type\": \"INTERNED\", \"occurredOn\": "
                + "\"2024-05-04\", \"place\": \"Camp 1\"}").status()).isEqualTo(201);
        assertThat(registrarA.post("/api/v1/persons/" + person + "/events",
                "{\"type\": \"VISITED\", \"occurredOn\": \"2024-05-06\"}").status())
                .as("a visit is the intermediary's to record").isEqualTo(403);
        assertThat(interviewer.post("/api/v1/persons/" + person + "/events",
                "{\"type\": \"VISITED\", \"occurredOn\": \"2024-05-06\"}").status()).isEqualTo(201);
        String visit = eventId(intermediary, person, "VISITED");

        Response voided = registrarA.post("/api/v1/persons/" + person + "/events", correction(visit, "", "no visit"));
        assertThat(voided.status()).as(voided.body()).isEqualTo(403);
        assertThat(intermediary.post("/api/v1/persons/" + person + "/events",
                correction(eventId(intermediary, person, "INTERNED"), "", "wrong camp")).status())
                .as("the intermediary does not correct the holding party's events").isEqualTo(403);
        assertThat(intermediary.post("/api/v1/persons/" + person + "/events", correction(visit, "", "wrong day"))
                .status()).as("but corrects its own visit").isEqualTo(201);
        stillSeenByOriginAndIntermediary(person);
    }

    @Test
    void thePowerOfOriginIsNeitherClearedNorChangedAfterNotification() {
        String person = notifiedPerson();
        for (String patch : new String[] {"{\"version\": 2, \"powerOfOrigin\": null}",
            "{\"version\": 2, \"powerOfOrigin\": \"party-c\"}"}) {
            Response refused = registrarA.patch("/api/v1/persons/" + person, patch);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("type").stringValue())
                    .isEqualTo("urn:parley:problem:origin-change-needs-confirmation");
        }
        stillSeenByOriginAndIntermediary(person);
        assertThat(registrarA.get("/api/v1/persons/" + person).json().get("powerOfOrigin").stringValue())
                .isEqualTo("party-b");
    }

    @Test
    void anOriginChangeTheIntermediaryConfirmsKeepsTheFormerOriginReading() {
        String person = notifiedPerson();
        String path = "/api/v1/persons/" + person + "/origin-changes";
        assertThat(registrarA.post(path, "{\"powerOfOrigin\": \"party-c\"}").status()).as("a reason is required")
                .isEqualTo(400);
        Response filed = registrarA.post(path, "{\"powerOfOrigin\": \"party-c\", \"reason\": \"papers of Party C\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String change = filed.json().get("id").stringValue();
        assertThat(registrarA.post(path, "{\"powerOfOrigin\": null, \"reason\": \"again\"}").status())
                .as("one open request at a time").isEqualTo(409);
        assertThat(registrarA.get("/api/v1/persons/" + person).json().get("powerOfOrigin").stringValue())
                .as("nothing changes before the intermediary confirms").isEqualTo("party-b");
        assertThat(viewerB.get(path).status()).isEqualTo(403);
        assertThat(registrarA.post(path + "/" + change + "/confirm", "{}").status())
                .as("the holding party does not confirm its own request").isEqualTo(403);

        Response confirmed = intermediary.post(path + "/" + change + "/confirm", "{\"note\": \"checked\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("decision").stringValue()).isEqualTo("CONFIRMED");
        assertThat(intermediary.post(path + "/" + change + "/reject", "{}").status()).isEqualTo(409);

        assertThat(registrarA.get("/api/v1/persons/" + person).json().get("powerOfOrigin").stringValue())
                .isEqualTo("party-c");
        stillSeenByOriginAndIntermediary(person);
        Response asFormer = viewerB.get("/api/v1/persons/" + person);
        assertThat(asFormer.json().get("withheld").toString()).contains("capturePlace");
        Caller partyC = new Caller(0, "viewer@party-c", "party-c", false, Set.of(Role.VIEWER));
        assertThat(registry.get(partyC, person).get(PersonField.POWER_OF_ORIGIN)).isEqualTo("party-c");
        assertThat(registrarA.get("/api/v1/persons/" + person + "/events").body())
                .contains("confirmed by the intermediary");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'origin-change' and record_id = :id")
                .param("id", Long.toString(publicIds.parse(PublicIds.Kind.ORIGIN_CHANGE, change)))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    @Test
    void aRejectedOriginChangeChangesNothing() {
        String person = notifiedPerson();
        String path = "/api/v1/persons/" + person + "/origin-changes";
        String change = registrarA.post(path, "{\"powerOfOrigin\": null, \"reason\": \"not a national\"}").json()
                .get("id").stringValue();
        Response rejected = intermediary.post(path + "/" + change + "/reject", "{\"note\": \"he is\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(registrarA.get("/api/v1/persons/" + person).json().get("powerOfOrigin").stringValue())
                .isEqualTo("party-b");
        assertThat(intermediary.get(path).json().get("items").get(0).get("decision").stringValue())
                .isEqualTo("REJECTED");
        stillSeenByOriginAndIntermediary(person);
    }

    @Test
    void aCorrectionsPlaceAndNoteAreWithheldFromThePowerOfOrigin() {
        String person = notifiedPerson();
        assertThat(registrarA.post("/api/v1/persons/" + person + "/events", "{\"type\": \"INTERNED\", "
                + "\"occurredOn\": \"2024-05-04\", \"place\": \"Camp 1\"}").status()).isEqualTo(201);
        Response corrected = registrarA.post("/api/v1/persons/" + person + "/events",
                correction(eventId(registrarA, person, "INTERNED"), "Hill 203, north slope", "captured by unit 7"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        String asOrigin = viewerB.get("/api/v1/persons/" + person + "/events").body();
        assertThat(asOrigin).contains("CORRECTION").doesNotContain("Hill 203").doesNotContain("unit 7")
                .doesNotContain("Point 9");
        assertThat(intermediary.get("/api/v1/persons/" + person + "/events").body()).contains("Hill 203");
    }
}
