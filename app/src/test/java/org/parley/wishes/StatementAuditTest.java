package org.parley.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.api.PublicIds;
import org.parley.audit.AuditVerifier;
import org.parley.audit.Verification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every statement is an audit entry, and a statement altered in the database is found by the verifier. */
@ParleyTest
class StatementAuditTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    PublicIds publicIds;

    @Test
    void aStatementIsAnEntryAndAlteringItIsDetected() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-b");
        String person = registrar.post("/api/v1/persons", """
                {"surname": "Аудит", "holdingParty": "party-b", "powerOfOrigin": "party-a", "captureDate": "%s"}"""
                .formatted(LocalDate.now().minusDays(9))).json().get("id").stringValue();
        long statement = publicIds.parse(PublicIds.Kind.STATEMENT, registrar.post("/api/v1/persons/" + person
                + "/statements", "{\"wish\": \"NOT_RETURN\", \"method\": \"INTERROGATION\", \"text\": \"сказал\"}")
                .json().get("id").stringValue());
        assertThat(jdbc.sql("select actor || ' ' || action from audit_entry where record_type = 'statement' "
                + "and record_id = :id").param("id", String.valueOf(statement)).query(String.class).single())
                .isEqualTo("registrar@party-b RECORD_STATEMENT");
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();

        jdbc.sql("alter table wish_statement disable trigger user").update();
        try {
            jdbc.sql("update wish_statement set wish = 'RETURN' where id = :id").param("id", statement).update();
            Verification result = verifier.verify(Optional.empty());
            assertThat(result.ok()).isFalse();
            assertThat(result.report()).contains("statement " + statement);
        } finally {
            jdbc.sql("update wish_statement set wish = 'NOT_RETURN' where id = :id").param("id", statement).update();
            jdbc.sql("alter table wish_statement enable trigger user").update();
        }
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }
}
