package org.parley.access;

import java.util.function.Consumer;
import org.parley.api.AuditedOccurrences;
import org.parley.api.CanonicalJson;
import org.parley.api.Caller;
import org.parley.api.RefusalRecorder;
import org.parley.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps every refused access of a logged-in caller in table {@code access_refusal}, in a transaction of its own so
 * that it survives the rollback of the refused request, and appends it to the audit log in that same transaction:
 * action {@code REFUSE}, the refused record (type {@code request} when none was named), and as state the canonical
 * JSON of {@code {method, path, status, reason}}. The verifier matches the stored refusals with those entries.
 * Refusals of callers who are not logged in are only counted, per client address and minute
 * ({@link RefusalCounts}): anyone can send those, as fast as they like, and one entry each would let them flood
 * the log.
 */
@Component
class RefusalLog implements RefusalRecorder, AuditedOccurrences {

    private static final int MAX_PATH = 500;

    static final String ACTION = "REFUSE";
    private static final String NO_RECORD_TYPE = "request";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RefusalCounts anonymous;
    private final TransactionTemplate ownTransaction;

    RefusalLog(JdbcClient jdbc, AuditLog audit, RefusalCounts anonymous, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.anonymous = anonymous;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void refused(Caller caller, String method, String path, int status, String recordType, String recordId,
            String reason) {
        String shortPath = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
        if (caller == null) {
            anonymous.refused(method, shortPath);
        } else {
            ownTransaction.executeWithoutResult(transaction -> store(caller, method, shortPath, status, recordType,
                    recordId, reason));
        }
    }

    private void store(Caller caller, String method, String shortPath, int status, String recordType,
            String recordId, String reason) {
        jdbc.sql("insert into access_refusal (username, organisation_code, method, path, status, record_type, "
                        + "record_id, reason) values (:username, :organisation, :method, :path, :status, :type, :id, "
                        + ":reason)")
                .param("username", caller.username())
                .param("organisation", caller.organisation())
                .param("method", method)
                .param("path", shortPath)
                .param("status", status).param("type", recordType).param("id", recordId).param("reason", reason)
                .update();
        audit.append(caller, new AuditLog.Change(ACTION, recordType == null ? NO_RECORD_TYPE : recordType, recordId,
                null, state(method, shortPath, status, reason)));
    }

    private static String state(String method, String path, int status, String reason) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("method", method);
        state.put("path", path);
        state.put("status", status);
        state.put("reason", reason);
        return CanonicalJson.write(state);
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void scan(Consumer<Occurrence> visitor) {
        jdbc.sql("select id, username, organisation_code, method, path, status, record_type, record_id, reason "
                        + "from access_refusal")
                .query(rs -> {
                    String recordType = rs.getString("record_type");
                    String state = state(rs.getString("method"), rs.getString("path"), rs.getInt("status"),
                            rs.getString("reason"));
                    visitor.accept(new Occurrence(rs.getString("username"), rs.getString("organisation_code"),
                            recordType == null ? NO_RECORD_TYPE : recordType, rs.getString("record_id"),
                            AuditLog.stateHash(state), "refused access " + rs.getLong("id")));
                });
    }
}
