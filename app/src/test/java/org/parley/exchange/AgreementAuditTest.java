package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.api.CanonicalJson;
import org.parley.api.PublicIds;
import org.parley.audit.AuditVerifier;
import org.parley.audit.Verification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code audit verify} checks what the agreement and the handover stored: exchange-list versions and their items,
 * approvals, handover entries, completion requests and the report; each altered row is named.
 */
@ParleyTest
class AgreementAuditTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    PublicIds publicIds;
    @Autowired
    ExchangeListRepository versions;

    /** An executed round without intermediary, made once for the class. */
    private static long roundId;

    @BeforeEach
    void anExecutedRound() {
        if (roundId != 0) {
            return;
        }
        ApiClient anonymous = new ApiClient(port);
        ApiClient negotiatorA = anonymous.as("negotiator@party-a");
        ApiClient negotiatorB = anonymous.as("negotiator@party-b");
        ApiClient registrarB = anonymous.as("registrar@party-b");
        Response person = registrarB.post("/api/v1/persons", """
                {"surname": "Звірений", "givenName": "Марко", "dateOfBirth": "1987-07-07",
                 "holdingParty": "party-b", "powerOfOrigin": "party-a", "captureDate": "%s"}"""
                .formatted(LocalDate.now().minusDays(400)));
        String personId = person.json().get("id").stringValue();
        assertThat(registrarB.post("/api/v1/persons/" + personId + "/events",
                "{\"type\": \"NOTIFIED\", \"occurredOn\": \"" + LocalDate.now() + "\"}").status()).isEqualTo(201);
        String round = negotiatorA.post("/api/v1/exchanges", """
                {"counterparty": "party-b", "title": "Audited agreement"}""").json().get("id").stringValue();
        String base = "/api/v1/exchanges/" + round;
        assertThat(negotiatorA.post(base + "/lists/party-a/request/versions", """
                {"basedOn": 0, "entries": [{"ref": "Z-1", "personId": "%s"}]}""".formatted(personId)).status())
                .isEqualTo(201);
        assertThat(negotiatorA.post(base + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}").status()).isEqualTo(201);
        assertThat(negotiatorA.post(base + "/exchange-list/versions/1/approvals", "{}").status()).isEqualTo(201);
        assertThat(negotiatorB.post(base + "/exchange-list/versions/1/approvals", "{}").status()).isEqualTo(201);
        assertThat(registrarB.post(base + "/handover", """
                {"entries": [{"personId": "%s", "outcome": "TRANSFERRED"}]}""".formatted(personId)).status())
                .isEqualTo(201);
        assertThat(negotiatorA.post(base + "/handover/complete", "").status()).isEqualTo(200);
        assertThat(negotiatorB.post(base + "/handover/complete", "").json().get("state").stringValue())
                .isEqualTo("EXECUTED");
        roundId = publicIds.parse(PublicIds.Kind.EXCHANGE, round);
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    private long id(String sql) {
        return jdbc.sql(sql).param("round", roundId).query(Long.class).single();
    }

    private void tampered(String table, String tamper, String restore, String named) {
        jdbc.sql("alter table " + table + " disable trigger user").update();
        try {
            jdbc.sql(tamper).param("round", roundId).update();
            Verification result = verifier.verify(Optional.empty());
            assertThat(result.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p).contains(named));
        } finally {
            jdbc.sql(restore).param("round", roundId).update();
            jdbc.sql("alter table " + table + " enable trigger user").update();
        }
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    @Test
    void aVersionsStateIsTheCanonicalJsonOfItsDocumentAndItems() {
        ExchangeListVersion version = versions.version(roundId, 1).orElseThrow();
        var items = versions.items(version.id());
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("id", version.id());
        state.put("roundId", version.roundId());
        state.put("number", version.number());
        state.set("document", JsonMapper.builder().build().readTree(version.document()));
        ArrayNode released = state.putArray("items");
        items.forEach(p -> released.addObject().put("sideId", p.sideId()).put("personId", p.personId())
                .put("position", p.position()).put("countedInBalance", p.countedInBalance()));
        assertThat(ExchangeListStates.state(version, items)).isEqualTo(CanonicalJson.write(state));
    }

    @Test
    void aNameChangedInAVersionIsNamed() {
        long version = id("select id from exchange_release_version where round_id = :round");
        tampered("exchange_release_version",
                "update exchange_release_version set document = replace(document::text, 'Звірений', 'Інший')::json "
                        + "where round_id = :round",
                "update exchange_release_version set document = replace(document::text, 'Інший', 'Звірений')::json "
                        + "where round_id = :round",
                "exchange-release-list-version " + version);
    }

    @Test
    void aPersonAddedToTheItemsIsNamed() {
        long version = id("select id from exchange_release_version where round_id = :round");
        tampered("exchange_release_item",
                "insert into exchange_release_item (version_id, side_id, person_id, position, counted_in_balance) "
                        + "select " + version + ", holding_party_id, id, 99, true from person where id = "
                        + "(select min(id) from person)",
                "delete from exchange_release_item where position = 99 and version_id = " + version,
                "exchange-release-list-version " + version);
    }

    @Test
    void anApprovalAlteredIsNamed() {
        long approval = id("select min(id) from exchange_approval where round_id = :round");
        tampered("exchange_approval",
                "update exchange_approval set approved_by = 'negotiator@party-b' where id = " + approval,
                "update exchange_approval set approved_by = 'negotiator@party-a' where id = " + approval,
                "exchange-approval " + approval);
    }

    @Test
    void aHandoverOutcomeAlteredIsNamed() {
        long entry = id("select id from exchange_handover_entry where round_id = :round");
        tampered("exchange_handover_entry",
                "update exchange_handover_entry set outcome = 'DID_NOT_APPEAR' where id = " + entry,
                "update exchange_handover_entry set outcome = 'TRANSFERRED' where id = " + entry,
                "exchange-handover-entry " + entry);
    }

    @Test
    void theReportAndTheCompletionRequestsAlteredAreNamed() {
        tampered("exchange_report",
                "update exchange_report set report = replace(report::text, 'Audited agreement', 'Forged')::json "
                        + "where round_id = :round",
                "update exchange_report set report = replace(report::text, 'Forged', 'Audited agreement')::json "
                        + "where round_id = :round",
                "exchange-report " + roundId);
        tampered("exchange_completion_request",
                "update exchange_completion_request set requested_by = 'forged' where round_id = :round "
                        + "and requested_by = 'negotiator@party-a'",
                "update exchange_completion_request set requested_by = 'negotiator@party-a' where round_id = :round "
                        + "and requested_by = 'forged'",
                "exchange-completion-request " + roundId + ":party-a");
    }

    @Test
    void theDatabaseRefusesToChangeWhatWasAgreed() {
        for (String change : List.of("update exchange_release_version set number = 9 where round_id = " + roundId,
                "delete from exchange_approval where round_id = " + roundId,
                "update exchange_handover_entry set note = 'x' where round_id = " + roundId,
                "delete from exchange_report where round_id = " + roundId)) {
            assertThatThrownBy(() -> jdbc.sql(change).update()).as(change).hasMessageContaining("append-only");
        }
    }
}
