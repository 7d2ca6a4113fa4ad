package org.parley.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.parley.api.AuditedOccurrences;
import org.parley.api.CanonicalJson;
import org.parley.api.Caller;
import org.parley.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps every lockout of an account in table {@code account_lockout} with an audit entry in the same transaction
 * (the failed login's): action {@value #ACTION}, nobody as actor but the account's organisation (so that its
 * auditors see it), the user as the record, and as state the canonical JSON of
 * {@code {lockedUntil, failedLogins, source}}. The verifier matches stored lockouts with those entries.
 */
@Component
class LockoutLog implements AuditedOccurrences {

    static final String ACTION = "USER_LOCKOUT";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    LockoutLog(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Inside the transaction that counted the failure which locked the account. */
    void locked(User user, Instant lockedUntil, int failedLogins, String source) {
        jdbc.sql("insert into account_lockout (username, organisation_code, locked_until, failed_logins, source) "
                        + "values (:username, :organisation, :lockedUntil, :failedLogins, :source)")
                .param("username", user.username()).param("organisation", user.organisation())
                .param("lockedUntil", Timestamp.from(lockedUntil)).param("failedLogins", failedLogins)
                .param("source", source).update();
        Caller nobodyOfTheOrganisation = new Caller(0, null, user.organisation(), user.intermediary(), Set.of());
        audit.append(nobodyOfTheOrganisation, new AuditLog.Change(ACTION, UserService.RECORD, user.username(), null,
                state(lockedUntil, failedLogins, source)));
    }

    private static String state(Instant lockedUntil, int failedLogins, String source) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("lockedUntil", lockedUntil.toString());
        state.put("failedLogins", failedLogins);
        state.put("source", source);
        return CanonicalJson.write(state);
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void scan(Consumer<Occurrence> visitor) {
        jdbc.sql("select id, username, organisation_code, locked_until, failed_logins, source from account_lockout")
                .query(rs -> {
                    String state = state(rs.getTimestamp("locked_until").toInstant(), rs.getInt("failed_logins"),
                            rs.getString("source"));
                    visitor.accept(new Occurrence(null, rs.getString("organisation_code"), UserService.RECORD,
                            rs.getString("username"), AuditLog.stateHash(state), "lockout " + rs.getLong("id")));
                });
    }
}
