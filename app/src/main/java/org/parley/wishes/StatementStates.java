package org.parley.wishes;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Statements as the audit log sees them: the canonical JSON of a statement's row is the state its audit entry
 * hashes (a statement has one version only: it is never changed). The verifier recomputes each state from the
 * stored row, so a row altered, added or removed without its entry shows up as a state or an entry that does not
 * match.
 */
@Component
class StatementStates implements AuditedRecords {

    static final String RECORD_TYPE = "statement";
    static final String ACTION = "RECORD_STATEMENT";
    static final int VERSION = 1;

    private final StatementRepository statements;

    StatementStates(StatementRepository statements) {
        this.statements = statements;
    }

    static String canonical(Statement s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", s.id());
        node.put("personId", s.personId());
        node.put("wish", s.wish().name());
        node.put("method", s.method().name());
        node.put("organisation", s.organisation());
        node.put("byIntermediary", s.byIntermediary());
        node.put("takenBy", s.takenBy());
        node.put("takenOn", s.takenOn().toString());
        node.put("place", s.place());
        node.put("language", s.language());
        node.put("interpreter", s.interpreter());
        node.put("text", s.text());
        node.put("verified", s.verified());
        node.put("replaces", s.replaces());
        node.put("recordedAt", s.recordedAt().toString());
        return CanonicalJson.write(node);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    /** A statement is never changed: its stored row is its one recorded state, recomputed here from the row. */
    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.large(Kind.RECORDED, visitor -> statements.forEach(statement ->
                visitor.state(statement.id(), VERSION, AuditLog.stateHash(canonical(statement))))));
    }
}
