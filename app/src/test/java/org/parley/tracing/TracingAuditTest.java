package org.parley.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditVerifier;
import org.parley.audit.Verification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every step of a tracing request is an audit entry whose state the verifier recomputes from the stored request and
 * its candidates: a request or a decision changed behind the log's back is named.
 */
@ParleyTest
class TracingAuditTest {

    @Autowired
    TracingService tracing;
    @Autowired
    UserService users;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    PublicIds publicIds;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStepIsAnEntryAndAChangeWithoutOneIsNamed() {
        Caller registrar = TestCallers.of(users, "registrar@intermediary");
        TracingService.Shown shown = tracing.record(registrar, new TracingInput("Audytenko-Tracing", "Petro", null,
                null, null, null, null, null, new Requester(null, null, null), null));
        long id = publicIds.parse(PublicIds.Kind.TRACING_REQUEST, shown.id());
        assertThat(audit.latest("tracing-request", Long.toString(id))).get()
                .extracting(e -> e.action()).isEqualTo("RECORD_TRACING_REQUEST");
        tracing.answer(registrar, shown.id(), "Not found yet.");
        assertThat(audit.latest("tracing-request", Long.toString(id))).get()
                .extracting(e -> e.action()).isEqualTo("ANSWER_TRACING_REQUEST");
        tracing.close(registrar, shown.id());
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();

        jdbc.sql("update tracing_request set answer = 'Found.' where id = :id").param("id", id).update();
        try {
            assertThat(verifier.verify(Optional.empty()).problems()).extracting(Verification.Problem::toString)
                    .anyMatch(p -> p.contains("tracing-request " + id));
        } finally {
            jdbc.sql("update tracing_request set answer = 'Not found yet.' where id = :id").param("id", id).update();
        }
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }
}
