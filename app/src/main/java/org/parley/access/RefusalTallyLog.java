package org.parley.access;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.parley.api.AuditedOccurrences;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the counted refusals and failed logins ({@link RefusalTally}) in table {@code refusal_tally}, each with an
 * audit entry in the same transaction: action {@value #ACTION}, nobody as actor, record type {@code client} and
 * the source as its id, and as state the canonical JSON of
 * {@code {source, minute, refusals, failedLogins, paths, usernames}}. The verifier matches stored tallies with
 * those entries, as it does refused accesses.
 */
@Component
class RefusalTallyLog implements AuditedOccurrences {

    static final String ACTION = "REFUSE_TALLY";
    static final String RECORD_TYPE = "client";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;

    RefusalTallyLog(JdbcClient jdbc, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    /** Stores the tallies and their entries in one transaction. */
    @Transactional
    void record(List<RefusalTally> tallies) {
        for (RefusalTally tally : tallies) {
            jdbc.sql("insert into refusal_tally (source, minute, refusals, failed_logins, paths, usernames) values "
                            + "(:source, :minute, :refusals, :failedLogins, :paths::json, :usernames::json)")
                    .param("source", tally.source()).param("minute", Timestamp.from(tally.minute()))
                    .param("refusals", tally.refusals()).param("failedLogins", tally.failedLogins())
                    .param("paths", CanonicalJson.write(counts(tally.paths())))
                    .param("usernames", CanonicalJson.write(counts(tally.usernames())))
                    .update();
        }
        audit.appendAll(null, tallies.stream().map(tally -> new AuditLog.Change(ACTION, RECORD_TYPE, tally.source(),
                null, state(tally.source(), tally.minute().toString(), tally.refusals(), tally.failedLogins(),
                        counts(tally.paths()), counts(tally.usernames())))).toList());
    }

    private static ObjectNode counts(Map<String, Integer> counts) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        counts.forEach(node::put);
        return node;
    }

    private static String state(String source, String minute, int refusals, int failedLogins, JsonNode paths,
            JsonNode usernames) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("source", source);
        state.put("minute", minute);
        state.put("refusals", refusals);
        state.put("failedLogins", failedLogins);
        state.set("paths", paths);
        state.set("usernames", usernames);
        return CanonicalJson.write(state);
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void scan(Consumer<Occurrence> visitor) {
        jdbc.sql("select id, source, minute, refusals, failed_logins, paths, usernames from refusal_tally")
                .query(rs -> {
                    String paths = rs.getString("paths");
                    String usernames = rs.getString("usernames");
                    String state;
                    try {
                        state = state(rs.getString("source"), rs.getTimestamp("minute").toInstant().toString(),
                                rs.getInt("refusals"), rs.getInt("failed_logins"), json.readTree(paths),
                                json.readTree(usernames));
                    } catch (RuntimeException notCounts) {
                        state = paths + usernames; // altered into something no tally writes: matches no entry
                    }
                    visitor.accept(new Occurrence(null, null, RECORD_TYPE, rs.getString("source"),
                            AuditLog.stateHash(state), "refusal tally " + rs.getLong("id")));
                });
    }
}
