package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RegistryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Changes and refusals become entries in the same transaction; proofs and checkpoints over the API verify. */
@ParleyTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistryService registry;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    PublicIds publicIds;

    private long size() {
        return jdbc.sql("select size from audit_head").query(Long.class).single();
    }

    private Map<String, Object> lastEntry() {
        return jdbc.sql("select * from audit_entry order by seq desc limit 1").query().singleRow();
    }

    @Test
    void everyChangeIsAnEntryWhoseStateHashIsTheRecordedState() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        ApiClient.Response created = registrar.post("/api/v1/persons", """
                {"surname": "Журнал", "holdingParty": "party-a", "powerOfOrigin": "party-b",
                 "captureDate": "2024-03-01"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        long key = publicIds.parse(PublicIds.Kind.PERSON, id);
        Map<String, Object> entry = lastEntry();
        assertThat(entry).as("entries name the internal key, which the leaf hashes")
                .containsEntry("actor", "registrar@party-a").containsEntry("organisation_code", "party-a")
                .containsEntry("action", "CREATE").containsEntry("record_type", "person")
                .containsEntry("record_id", String.valueOf(key)).containsEntry("record_version", 1);
        assertThat(jdbc.sql("select count(*) from person_state where person_id = :id").param("id", key)
                .query(Long.class).single()).as("the latest state is the row itself").isZero();

        assertThat(registrar.post("/api/v1/persons/" + id + "/events",
                "{\"type\": \"NOTIFIED\", \"occurredOn\": \"2024-03-05\"}").status()).isEqualTo(201);
        assertThat(lastEntry()).containsEntry("action", "ADD_EVENT").containsEntry("record_version", 2);
        String state = jdbc.sql("select state from person_state where person_id = :id and version = 1")
                .param("id", key).query(String.class).single();
        assertThat((byte[]) entry.get("state_hash")).as("the replaced state is kept as version 1's")
                .isEqualTo(AuditLog.stateHash(state));
        assertThat(state).startsWith("{").contains("\"surname\":\"Журнал\"").doesNotContain(" ");
        assertThat(registrar.patch("/api/v1/persons/" + id, "{\"version\": 2, \"rank\": \"сержант\"}").status())
                .isEqualTo(200);
        assertThat(lastEntry()).containsEntry("action", "CORRECT").containsEntry("record_version", 3);
        ApiClient.Response patched = registrar.patch("/api/v1/persons/" + id, """
                {"version": 3, "dateOfBirth": "1990-05", "seriouslyIllOrWounded": true, "reason": "card «2»\\ttab",
                 "sources": {"dateOfBirth": {"source": "CAPTURE_CARD", "voluntary": false},
                             "rank": {"source": "OPEN_SOURCE", "confidence": "CONFIRMED"}}}""");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(registrar.post("/api/v1/persons/" + id + "/events",
                "{\"type\": \"INTERNED\", \"occurredOn\": \"2024-04-01\", \"place\": \"Табір №3\", "
                        + "\"note\": \"line 1\\nline 2\"}").status()).isEqualTo(201);

        Verification verification = verifier.verify(Optional.empty());
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.entries()).isEqualTo(size());
    }

    @Test
    void aRolledBackTransactionLeavesNeitherChangeNorEntry() {
        long before = size();
        long persons = registry.countPersons();
        Caller registrar = new Caller(1, "registrar@party-a", "party-a", false, Set.of(Role.REGISTRAR));
        transaction.executeWithoutResult(status -> {
            registry.create(registrar, new PersonInput(Map.of(PersonField.SURNAME, "Відкат",
                    PersonField.HOLDING_PARTY, "party-a", PersonField.CAPTURE_DATE, LocalDate.of(2024, 1, 1)),
                    Map.of()));
            assertThat(size()).isEqualTo(before + 1);
            status.setRollbackOnly();
        });
        assertThat(size()).isEqualTo(before);
        assertThat(registry.countPersons()).isEqualTo(persons);
        assertThat(jdbc.sql("select count(*) from audit_entry where seq >= :seq").param("seq", before)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRefusedAccessIsAnEntry() {
        ApiClient registrarA = new ApiClient(port).as("registrar@party-a");
        String hidden = registrarA.post("/api/v1/persons", """
                {"surname": "Таємний", "holdingParty": "party-a", "powerOfOrigin": "party-b"}""")
                .json().get("id").stringValue();
        assertThat(new ApiClient(port).as("viewer@party-b").get("/api/v1/persons/" + hidden).status()).isEqualTo(404);
        assertThat(lastEntry()).containsEntry("actor", "viewer@party-b").containsEntry("organisation_code", "party-b")
                .containsEntry("action", "REFUSE").containsEntry("record_type", "person")
                .containsEntry("record_id", String.valueOf(hidden));
        assertThat((byte[]) lastEntry().get("state_hash")).isEqualTo(AuditLog.stateHash("{\"method\":\"GET\","
                + "\"path\":\"/api/v1/persons/" + hidden + "\",\"reason\":\"not found\","
                + "\"status\":404}"));
    }

    @Test
    void proofsFromTheApiVerifyAgainstSignedCheckpoints() throws Exception {
        ApiClient auditor = new ApiClient(port).as("auditor@intermediary");
        JsonNode first = auditor.post("/api/v1/audit/checkpoints", "").json();
        new ApiClient(port).as("registrar@party-b").post("/api/v1/persons", """
                {"surname": "Доказ", "holdingParty": "party-b"}""");
        JsonNode second = auditor.post("/api/v1/audit/checkpoints", "").json();
        long m = first.get("treeSize").asLong();
        long n = second.get("treeSize").asLong();
        assertThat(n).isGreaterThan(m);
        assertThat(auditor.get("/api/v1/audit/checkpoints/latest").json().get("treeSize").asLong()).isEqualTo(n);

        JsonNode key = auditor.get("/api/v1/audit/public-key").json();
        java.security.PublicKey publicKey = java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(key.get("spki").stringValue())));
        Checkpoint checkpoint = Checkpoint.parse(second.get("note").stringValue());
        assertThat(checkpoint.verify(publicKey)).isTrue();
        assertThat(checkpoint.treeSize()).isEqualTo(n);

        byte[] rootM = Base64.getDecoder().decode(first.get("rootHash").stringValue());
        byte[] rootN = Base64.getDecoder().decode(second.get("rootHash").stringValue());
        JsonNode consistency = auditor.get("/api/v1/audit/consistency?from=" + m + "&to=" + n).json();
        assertThat(MerkleProofs.verifyConsistency(m, n, rootM, rootN, decode(consistency.get("proof")))).isTrue();

        for (long seq : new long[] {0, m - 1, n - 1}) {
            JsonNode proof = auditor.get("/api/v1/audit/entries/" + seq + "/proof?treeSize=" + n).json();
            Map<String, Object> row = jdbc.sql("select * from audit_entry where seq = :seq").param("seq", seq)
                    .query().singleRow();
            byte[] leaf = Base64.getDecoder().decode(proof.get("leafHash").stringValue());
            assertThat(leaf).isEqualTo((byte[]) row.get("leaf_hash"));
            assertThat(MerkleProofs.verifyInclusion(seq, n, leaf, decode(proof.get("auditPath")), rootN)).isTrue();
        }
        ApiClient.Response bad = auditor.get("/api/v1/audit/entries/" + n + "/proof?treeSize=" + n);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(auditor.get("/api/v1/audit/checkpoints/" + (n + 1_000_000)).status()).isEqualTo(404);
    }

    @Test
    void auditorsOfAPartySeeTheirOwnOrganisationsEntriesOnly() {
        new ApiClient(port).as("registrar@party-b").post("/api/v1/persons", """
                {"surname": "Видимість", "holdingParty": "party-b"}""");
        JsonNode own = new ApiClient(port).as("auditor@party-b").get("/api/v1/audit/entries?size=200").json();
        assertThat(own.get("total").asLong()).isPositive();
        own.get("items").forEach(item -> assertThat(item.get("organisation").stringValue()).isEqualTo("party-b"));
        assertThat(new ApiClient(port).as("auditor@party-b").get("/api/v1/audit/entries?organisation=party-a")
                .status()).isEqualTo(403);
        JsonNode all = new ApiClient(port).as("auditor@intermediary")
                .get("/api/v1/audit/entries?action=CREATE&recordType=person&size=5").json();
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(new ApiClient(port).as("auditor@intermediary").get("/api/v1/audit/entries?from=yesterday")
                .status()).isEqualTo(400);
    }

    private static List<byte[]> decode(JsonNode hashes) {
        List<byte[]> decoded = new java.util.ArrayList<>();
        hashes.forEach(h -> decoded.add(Base64.getDecoder().decode(h.stringValue())));
        return decoded;
    }

    @Test
    void theLeafIsTheEntrysCanonicalJson() {
        AuditEntry entry = new AuditEntry(7, java.time.Instant.parse("2026-11-25T06:40:00.123456Z"), "a\"b", null,
                "CREATE", "person", "12", 3, new byte[32]);
        tools.jackson.databind.node.ObjectNode tree = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        tree.put("seq", 7).put("at", "2026-11-25T06:40:00.123456Z").put("actor", "a\"b").putNull("organisation");
        tree.put("action", "CREATE").put("recordType", "person").put("recordId", "12").put("recordVersion", 3);
        tree.put("stateHash", "0".repeat(64));
        assertThat(new String(entry.leafBytes(), StandardCharsets.UTF_8))
                .isEqualTo(org.parley.api.CanonicalJson.write(tree));
    }
}
