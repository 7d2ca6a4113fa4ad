package org.parley.registry;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Origin changes as the audit log sees them: the canonical JSON of the row (ids as internal keys). A request has
 * two entries, its filing and its decision, without versions: the verifier checks each row as stored now against
 * the state of its latest entry, so a request filed, decided or altered in the database without one shows up.
 */
@Component
class OriginChangeStates implements AuditedRecords {

    static final String RECORD_TYPE = "origin-change";
    static final String REQUEST = "REQUEST_ORIGIN_CHANGE";
    static final String DECIDE = "DECIDE_ORIGIN_CHANGE";

    private final OriginChangeRepository changes;

    OriginChangeStates(OriginChangeRepository changes) {
        this.changes = changes;
    }

    static AuditLog.Change change(String action, OriginChange change) {
        return new AuditLog.Change(action, RECORD_TYPE, Long.toString(change.id()), null, state(change));
    }

    static String state(OriginChange c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", c.id());
        node.put("personId", c.personId());
        return CanonicalJson.write(node.setAll(facts(c)));
    }

    /** What a request says, as its state and the API write it (ids apart: internal here, public there). */
    static ObjectNode facts(OriginChange c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("from", c.from());
        node.put("to", c.to());
        node.put("reason", c.reason());
        node.put("requestedBy", c.requestedBy());
        node.put("requestedAt", c.requestedAt().toString());
        node.put("decision", c.decision() == null ? null : c.decision().name());
        node.put("decidedBy", c.decidedBy());
        node.put("decisionNote", c.decisionNote());
        node.put("decidedAt", c.decidedAt() == null ? null : c.decidedAt().toString());
        return node;
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.CURRENT, visitor -> changes.forEach(change ->
                visitor.state(change.id(), LATEST, AuditLog.stateHash(state(change))))));
    }
}
