package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.api.PublicIds;
import org.parley.audit.AuditVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/persons/notifications}: the holding party's registrar notifies the power of origin of several
 * persons at once — all of them or none, each audited as a single notification is; anyone else, and any person of
 * another party or that the lifecycle does not allow, is refused with nothing stored.
 */
@ParleyTest
class BatchNotificationApiTest {

    private static final String PATH = "/api/v1/persons/notifications";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicIds publicIds;
    @Autowired
    AuditVerifier verifier;

    ApiClient a;
    ApiClient b;

    @BeforeEach
    void clients() {
        a = new ApiClient(port).as("registrar@party-a");
        b = new ApiClient(port).as("registrar@party-b");
    }

    private String create(ApiClient registrar, String holder, String origin, String captureDate) {
        Response created = registrar.post("/api/v1/persons", """
                {"surname": "Повідомлення", "givenName": "Пакет", "holdingParty": "%s", "powerOfOrigin": "%s",
                 "captureDate": "%s"}""".formatted(holder, origin, captureDate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private String heldByA() {
        return create(a, "party-a", "party-b", "2024-03-01");
    }

    private static String body(String date, String... ids) {
        return "{\"personIds\": [" + String.join(", ", java.util.Arrays.stream(ids).map(i -> "\"" + i + "\"").toList())
                + "], \"date\": \"" + date + "\"}";
    }

    private boolean notified(String id) {
        return !a.get("/api/v1/persons/" + id).json().get("notifiedOn").isNull();
    }

    private long auditEntries(String id) {
        return jdbc.sql("select count(*) from audit_entry where record_type = 'person' and record_id = :id")
                .param("id", String.valueOf(publicIds.parse(PublicIds.Kind.PERSON, id))).query(Long.class).single();
    }

    @Test
    void theHoldingPartysRegistrarNotifiesSeveralPersonsEachAuditedAsASingleNotification() {
        String first = heldByA();
        String second = heldByA();
        String third = heldByA();
        String single = heldByA();
        long before = auditEntries(first);

        Response batch = a.post(PATH, body("2024-03-10", first, second, third));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        assertThat(batch.json().get("notified").asInt()).isEqualTo(3);
        assertThat(batch.json().get("items").get(1).get("personId").stringValue()).isEqualTo(second);
        assertThat(batch.json().get("items").get(1).get("event").get("type").stringValue()).isEqualTo("NOTIFIED");

        Response one = a.post("/api/v1/persons/" + single + "/events",
                "{\"type\": \"NOTIFIED\", \"occurredOn\": \"2024-03-10\"}");
        assertThat(one.status()).isEqualTo(201);
        String singleEntry = lastEntry(single);
        for (String id : List.of(first, second, third)) {
            JsonNode person = a.get("/api/v1/persons/" + id).json();
            assertThat(person.get("notifiedOn").stringValue()).isEqualTo("2024-03-10");
            JsonNode history = a.get("/api/v1/persons/" + id + "/events").json();
            assertThat(history.get(history.size() - 1).get("type").stringValue()).isEqualTo("NOTIFIED");
            assertThat(auditEntries(id)).isEqualTo(before + 1);
            assertThat(lastEntry(id)).as("the same entry as a single notification's").isEqualTo(singleEntry);
            // the power of origin now reads the record
            assertThat(b.get("/api/v1/persons/" + id).status()).isEqualTo(200);
        }
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    /** Actor, organisation, action, record type and version of a person's latest audit entry. */
    private String lastEntry(String id) {
        return jdbc.sql("select concat_ws(' ', actor, organisation_code, action, record_type, record_version) "
                        + "from audit_entry where record_type = 'person' and record_id = :id order by seq desc limit 1")
                .param("id", String.valueOf(publicIds.parse(PublicIds.Kind.PERSON, id))).query(String.class).single();
    }

    @Test
    void aPersonTheLifecycleRefusesRefusesTheWholeBatchNamingEachOne() {
        String fresh = heldByA();
        String already = heldByA();
        String released = heldByA();
        String late = heldByA();
        assertThat(a.post("/api/v1/persons/" + already + "/events",
                "{\"type\": \"NOTIFIED\", \"occurredOn\": \"2024-03-05\"}").status()).isEqualTo(201);
        assertThat(a.post("/api/v1/persons/" + released + "/events",
                "{\"type\": \"REPATRIATED\", \"occurredOn\": \"2024-03-06\"}").status()).isEqualTo(201);
        assertThat(a.post("/api/v1/persons/" + late + "/events",
                "{\"type\": \"INTERNED\", \"occurredOn\": \"2024-03-20\"}").status()).isEqualTo(201);
        long entries = auditEntries(fresh);

        Response refused = a.post(PATH, body("2024-03-10", fresh, already, released, late));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:parley:problem:invalid-transition");
        assertThat(refused.json().get("detail").stringValue()).contains("3 of the 4").contains(already)
                .contains(released).contains(late).doesNotContain(fresh);
        List<String> reasons = new ArrayList<>();
        refused.json().get("refused").forEach(r -> reasons.add(r.get("personId").stringValue() + " "
                + r.get("reason").stringValue()));
        assertThat(reasons).containsExactly(already + " ALREADY_NOTIFIED", released + " STATUS",
                late + " BEFORE_LAST_EVENT");
        assertThat(notified(fresh)).as("nothing was stored").isFalse();
        assertThat(auditEntries(fresh)).isEqualTo(entries);
        // without the refused ones, the batch goes through
        assertThat(a.post(PATH, body("2024-03-10", fresh)).status()).isEqualTo(201);
        assertThat(notified(fresh)).isTrue();
    }

    @Test
    void aPersonOfAnotherHoldingPartyRefusesTheBatchAndNothingIsStored() {
        String mine = heldByA();
        // Party B's detainee, a national of Party A, notified: Party A reads it but does not hold it
        String theirs = create(b, "party-b", "party-a", "2024-03-01");
        assertThat(b.post("/api/v1/persons/" + theirs + "/events",
                "{\"type\": \"NOTIFIED\", \"occurredOn\": \"2024-03-02\"}").status()).isEqualTo(201);
        String hidden = create(b, "party-b", "party-a", "2024-03-01");

        Response forbidden = a.post(PATH, body("2024-03-10", mine, theirs));
        assertThat(forbidden.status()).as(forbidden.body()).isEqualTo(403);
        assertThat(notified(mine)).isFalse();
        Response notFound = a.post(PATH, body("2024-03-10", mine, hidden));
        assertThat(notFound.status()).as("a record Party A may not see is not found, as alone").isEqualTo(404);
        assertThat(notFound.body()).contains(hidden);
        assertThat(notified(mine)).isFalse();
        assertThat(b.get("/api/v1/persons/" + hidden).json().get("notifiedOn").isNull()).isTrue();

        // only registrars of the holding party
        for (String user : List.of("viewer@party-a", "negotiator@party-a", "registrar@intermediary",
                "interviewer@intermediary")) {
            Response refused = new ApiClient(port).as(user).post(PATH, body("2024-03-10", mine));
            assertThat(refused.status()).as(user).isIn(403, 404);
        }
        assertThat(new ApiClient(port).post(PATH, body("2024-03-10", mine)).status()).isEqualTo(401);
        assertThat(notified(mine)).isFalse();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String id = heldByA();
        assertThat(a.post(PATH, "{\"personIds\": [], \"date\": \"2024-03-10\"}").errorFields())
                .containsExactly("personIds");
        assertThat(a.post(PATH, body("2024-03-10", id, id)).errorFields()).containsExactly("personIds[1]");
        assertThat(a.post(PATH, "{\"personIds\": [\"" + id + "\"]}").errorFields()).containsExactly("date");
        assertThat(a.post(PATH, body("2024-02-30", id)).errorFields()).containsExactly("date");
        Response future = a.post(PATH, body(LocalDate.now().plusDays(1).toString(), id));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.reason("date")).contains("future");
        assertThat(a.post(PATH, "{\"personIds\": [7], \"date\": \"2024-03-10\"}").errorFields())
                .containsExactly("personIds[0]");
        assertThat(a.post(PATH, "{\"personIds\": [\"" + id + "\"], \"date\": \"2024-03-10\", \"x\": 1}")
                .errorFields()).containsExactly("x");
        assertThat(a.post(PATH, body("2024-03-10", id, "not-an-id")).status()).isEqualTo(404);
        assertThat(notified(id)).isFalse();
    }
}
