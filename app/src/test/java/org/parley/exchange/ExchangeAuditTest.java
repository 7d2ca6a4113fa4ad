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
import org.parley.api.PublicIds;
import org.parley.audit.AuditVerifier;
import org.parley.audit.Verification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A round, a list version (with its reconciliation) and a decision altered in the database behind Parley's back —
 * as an intruder with database rights would, triggers switched off — are named by {@code audit verify}; each test
 * undoes its change, since all tests share one database.
 */
@ParleyTest
class ExchangeAuditTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    PublicIds publicIds;

    private long roundId;
    private long versionId;
    private long decisionId;

    @BeforeEach
    void aRoundWithAReconciledVersionAndADecision() {
        ApiClient anonymous = new ApiClient(port);
        ApiClient negotiatorA = anonymous.as("negotiator@party-a");
        ApiClient registrarB = anonymous.as("registrar@party-b");
        Response person = registrarB.post("/api/v1/persons", """
                {"surname": "Аудитований", "givenName": "Семен", "dateOfBirth": "1988-08-08",
                 "holdingParty": "party-b", "powerOfOrigin": "party-a", "captureDate": "%s"}"""
                .formatted(LocalDate.now().minusDays(90)));
        assertThat(registrarB.post("/api/v1/persons/" + person.json().get("id").stringValue() + "/events",
                "{\"type\": \"NOTIFIED\", \"occurredOn\": \"" + LocalDate.now() + "\"}").status()).isEqualTo(201);
        String round = negotiatorA.post("/api/v1/exchanges", """
                {"counterparty": "party-b", "title": "Audited"}""").json().get("id").stringValue();
        roundId = publicIds.parse(PublicIds.Kind.EXCHANGE, round);
        String versions = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        assertThat(negotiatorA.post(versions, """
                {"basedOn": 0, "entries": [{"ref": "T-1", "personId": "%s"}, {"ref": "T-2", "surname": "Audytovanyi",
                  "givenName": "Nikhto", "dateOfBirth": "1901-01-01"}]}""".formatted(person.json().get("id")
                .stringValue())).status()).isEqualTo(201);
        assertThat(person.status()).isEqualTo(201);
        assertThat(anonymous.as("negotiator@party-b").post(versions + "/1/reconciliation/T-1",
                "{\"decision\": \"CONFIRM\"}").status()).isEqualTo(200);
        String abandoned = negotiatorA.post("/api/v1/exchanges", """
                {"counterparty": "party-b", "title": "Abandoned"}""").json().get("id").stringValue();
        assertThat(negotiatorA.post("/api/v1/exchanges/" + abandoned + "/abandon", "{\"reason\": \"test\"}")
                .status()).isEqualTo(200);
        versionId = jdbc.sql("select id from exchange_list_version where round_id = :r").param("r", roundId)
                .query(Long.class).single();
        decisionId = jdbc.sql("select id from exchange_confirmation where round_id = :r").param("r", roundId)
                .query(Long.class).single();
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    private void tampered(String table, String tamper, String restore, String named) {
        jdbc.sql("alter table " + table + " disable trigger user").update();
        try {
            jdbc.sql(tamper).update();
            Verification result = verifier.verify(Optional.empty());
            assertThat(result.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p).contains(named));
        } finally {
            jdbc.sql(restore).update();
            jdbc.sql("alter table " + table + " enable trigger user").update();
        }
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    @Test
    void anEntryAlteredIsNamed() {
        tampered("exchange_list_entry",
                "update exchange_list_entry set surname = 'Inshyi' where version_id = " + versionId + " and ref = 'T-2'",
                "update exchange_list_entry set surname = 'Audytovanyi' where version_id = " + versionId
                        + " and ref = 'T-2'",
                "exchange-list-version " + versionId);
    }

    @Test
    void aMatchAlteredIsNamed() {
        tampered("exchange_match",
                "update exchange_match set score = 0.5 where version_id = " + versionId + " and ref = 'T-1'",
                "update exchange_match set score = 1.0 where version_id = " + versionId + " and ref = 'T-1'",
                "exchange-list-version " + versionId);
    }

    @Test
    void aRemovalAddedIsNamed() {
        tampered("exchange_list_removal",
                "insert into exchange_list_removal (version_id, ref, reason) values (" + versionId + ", 'X', 'DIED')",
                "delete from exchange_list_removal where version_id = " + versionId,
                "exchange-list-version " + versionId);
    }

    @Test
    void aDecisionAlteredIsNamed() {
        tampered("exchange_confirmation",
                "update exchange_confirmation set decision = 'REJECTED', person_id = null where id = " + decisionId,
                "update exchange_confirmation set decision = 'CONFIRMED', person_id = (select person_id from "
                        + "exchange_match where version_id = " + versionId + " and ref = 'T-1') where id = "
                        + decisionId,
                "exchange-confirmation " + decisionId);
    }

    @Test
    void aRoundAlteredIsNamed() {
        tampered("exchange_round",
                "update exchange_round set title = 'Rewritten' where id = " + roundId,
                "update exchange_round set title = 'Audited' where id = " + roundId,
                "exchange " + roundId);
    }

    @Test
    void theDatabaseRefusesToChangeAVersion() {
        for (String change : List.of("update exchange_list_entry set surname = 'X' where version_id = " + versionId,
                "delete from exchange_match where version_id = " + versionId,
                "update exchange_list_version set number = 7 where id = " + versionId,
                "delete from exchange_confirmation where id = " + decisionId)) {
            assertThatThrownBy(() -> jdbc.sql(change).update()).as(change).hasMessageContaining("append-only");
        }
    }
}
