package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.api.CanonicalJson;
import org.parley.api.PublicIds;
import org.parley.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A party must learn nothing about records it may not see. As Party B, this test reads the id of one of Party A's
 * unnotified detainees, the id of a record that does not exist, and an id made up, through every way a party has
 * — the answers, the log's size, the refusal entries its own auditor reads, the counts — and finds no difference.
 */
@ParleyTest
class ExistenceOracleTest {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @LocalServerPort
    int port;

    @Autowired
    PublicIds publicIds;

    ApiClient registrarA;
    ApiClient viewerB;
    ApiClient registrarB;
    ApiClient auditorB;

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(port);
        registrarA = anonymous.as("registrar@party-a");
        viewerB = anonymous.as("viewer@party-b");
        registrarB = anonymous.as("registrar@party-b");
        auditorB = anonymous.as("auditor@party-b");
    }

    /** What Party B can observe of one attempt to read a person by id, with the id itself blanked out. */
    private Map<String, Object> observe(String id) {
        Map<String, Object> seen = new LinkedHashMap<>();
        long sizeBefore = logSize();
        long countBefore = viewerB.get("/api/v1/persons?size=1").json().get("total").asLong();
        List<String> attempts = new ArrayList<>();
        for (String path : List.of("/api/v1/persons/" + id, "/api/v1/persons/" + id + "/events",
                "/api/v1/persons/" + id + "/statements")) {
            attempts.add(answer(viewerB.get(path), id));
        }
        attempts.add(answer(registrarB.patch("/api/v1/persons/" + id, "{\"version\": 1, \"rank\": \"x\"}"), id));
        attempts.add(answer(registrarB.post("/api/v1/persons/" + id + "/events",
                "{\"type\": \"INTERNED\", \"occurredOn\": \"2024-01-02\"}"), id));
        attempts.add(answer(registrarB.post("/api/v1/persons/" + id + "/statements",
                "{\"wish\": \"RETURN\", \"method\": \"INTERROGATION\"}"), id));
        seen.put("answers", attempts);
        seen.put("log growth", logSize() - sizeBefore);
        seen.put("count", viewerB.get("/api/v1/persons?size=1").json().get("total").asLong() - countBefore);
        seen.put("refusals read by the party's auditor", refusals(id));
        return seen;
    }

    /** The log's size as a party sees it: the tree head of a checkpoint its auditor has signed. */
    private long logSize() {
        Response signed = auditorB.post("/api/v1/audit/checkpoints", "");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        return signed.json().get("treeSize").asLong();
    }

    private static String answer(Response response, String id) {
        return response.status() + " " + response.contentType() + " " + response.body().replace(id, "ID");
    }

    /** The party auditor's view of its users' refusals of this id, the id blanked and the state checked. */
    private List<String> refusals(String id) {
        JsonNode items = auditorB.get("/api/v1/audit/entries?action=REFUSE&size=200&recordId=" + id).json()
                .get("items");
        List<String> seen = new ArrayList<>();
        for (JsonNode entry : items) {
            assertThat(entry.has("storedRecordId")).isFalse();
            seen.add(entry.get("actor").stringValue() + " " + entry.get("organisation").stringValue() + " "
                    + entry.get("recordType").stringValue() + " " + entry.get("recordId").stringValue().replace(id, "ID")
                    + " " + entry.get("recordVersion"));
        }
        return seen;
    }

    @Test
    void aHiddenRecordAndAMissingOneLookTheSameToAParty() {
        String hidden = registrarA.post("/api/v1/persons", """
                {"surname": "Невидимий", "givenName": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b"}"""
                .formatted(UUID.randomUUID())).json().get("id").stringValue();
        String missing = publicIds.of(PublicIds.Kind.PERSON, Long.MAX_VALUE / 2);
        String madeUp = UUID.randomUUID().toString();

        Map<String, Object> ofHidden = observe(hidden);
        assertThat(ofHidden.get("answers").toString()).contains("404");
        assertThat(ofHidden.get("log growth")).as("every refusal is recorded, for the intermediary's auditors")
                .isEqualTo(6L);
        assertThat(ofHidden.get("count")).isEqualTo(0L);
        assertThat(observe(missing)).isEqualTo(ofHidden);
        assertThat(observe(madeUp)).isEqualTo(ofHidden);
    }

    @Test
    void theRefusalStateHoldsNothingButTheRequest() {
        String hidden = registrarA.post("/api/v1/persons", "{\"surname\": \"Стан\", \"holdingParty\": \"party-a\"}")
                .json().get("id").stringValue();
        String missing = publicIds.of(PublicIds.Kind.PERSON, Long.MAX_VALUE / 3);
        for (String id : List.of(hidden, missing)) {
            viewerB.get("/api/v1/persons/" + id);
            JsonNode entry = auditorB.get("/api/v1/audit/entries?action=REFUSE&recordId=" + id).json().get("items")
                    .get(0);
            String state = CanonicalJson.write(JsonNodeFactory.instance.objectNode().put("method", "GET")
                    .put("path", "/api/v1/persons/" + id).put("status", 404).put("reason", "not found"));
            assertThat(entry.get("stateHash").stringValue()).as(id)
                    .isEqualTo(java.util.Base64.getEncoder().encodeToString(AuditLog.stateHash(state)));
        }
        JsonNode forIntermediary = new ApiClient(port).as("auditor@intermediary")
                .get("/api/v1/audit/entries?action=REFUSE&recordId=" + hidden).json().get("items");
        assertThat(forIntermediary).as("the intermediary's auditors see the refusal").isNotEmpty();
    }

    @Test
    void idsAreOpaqueAndNotNumbers() {
        Response created = registrarA.post("/api/v1/persons", "{\"surname\": \"Непрозорий\", "
                + "\"holdingParty\": \"party-a\"}");
        String id = created.json().get("id").stringValue();
        assertThat(id).matches(UUID_FORM);
        assertThat(created.contentType()).contains("json");
        String event = registrarA.get("/api/v1/persons/" + id + "/events").json().get(0).get("id").stringValue();
        assertThat(event).matches(UUID_FORM).isNotEqualTo(id);
        assertThat(registrarA.get("/api/v1/persons/" + event).status()).as("an event's id is no person's id")
                .isEqualTo(404);
        long internal = publicIds.parse(PublicIds.Kind.PERSON, id);
        for (String guess : List.of(Long.toString(internal), "0x" + Long.toHexString(internal), "0x4", "4",
                id.toUpperCase(java.util.Locale.ROOT), " " + id)) {
            assertThat(registrarA.get("/api/v1/persons/" + ApiClient.encode(guess)).status()).as(guess)
                    .isEqualTo(404);
        }
        JsonNode ownEntries = new ApiClient(port).as("auditor@party-a")
                .get("/api/v1/audit/entries?action=CREATE&recordType=person&recordId=" + id).json().get("items");
        assertThat(ownEntries).hasSize(1);
        assertThat(ownEntries.get(0).get("recordId").stringValue()).as("entries show public ids to a party")
                .isEqualTo(id);
        assertThat(ownEntries.get(0).has("storedRecordId")).isFalse();
    }
}
