package org.parley.exchange;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Handover entries as the audit log sees them: one state each, never changed (a correction is a later entry for
 * the same person), internal keys.
 */
@Component
class HandoverStates implements AuditedRecords {

    static final String RECORD_TYPE = "exchange-handover-entry";
    static final String RECORD = "RECORD_HANDOVER_OUTCOME";
    static final int VERSION = 1;

    private final HandoverRepository handovers;

    HandoverStates(HandoverRepository handovers) {
        this.handovers = handovers;
    }

    static AuditLog.Change change(HandoverEntry e) {
        return new AuditLog.Change(RECORD, RECORD_TYPE, Long.toString(e.id()), VERSION, state(e));
    }

    static String state(HandoverEntry e) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", e.id());
        node.put("roundId", e.roundId());
        node.put("personId", e.personId());
        node.put("outcome", e.outcome().name());
        node.put("note", e.note());
        node.put("recordedBy", e.recordedBy());
        node.put("recordedAt", e.recordedAt().toString());
        return CanonicalJson.write(node);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.RECORDED, visitor -> handovers.forEach(e ->
                visitor.state(e.id(), VERSION, AuditLog.stateHash(state(e))))));
    }
}
