package org.parley.exchange;

import java.util.HexFormat;
import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The holder's confirmations and rejections as the audit log sees them: one state each, never changed. */
@Component
class DecisionStates implements AuditedRecords {

    static final String RECORD_TYPE = "exchange-confirmation";
    static final String DECIDE = "DECIDE_MATCH";
    static final int VERSION = 1;

    private final MatchRepository matches;

    DecisionStates(MatchRepository matches) {
        this.matches = matches;
    }

    static AuditLog.Change change(Decision d) {
        return new AuditLog.Change(DECIDE, RECORD_TYPE, Long.toString(d.id()), VERSION, state(d));
    }

    static String state(Decision d) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", d.id());
        node.put("roundId", d.roundId());
        node.put("party", d.party());
        node.put("ref", d.ref());
        node.put("contentHash", HexFormat.of().formatHex(d.contentHash()));
        node.put("versionId", d.versionId());
        node.put("decision", d.decision().name());
        node.put("personId", d.personId());
        node.put("decidedBy", d.decidedBy());
        node.put("decidedAt", d.decidedAt().toString());
        return CanonicalJson.write(node);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.large(Kind.RECORDED, visitor -> matches.forEachDecision(d ->
                visitor.state(d.id(), VERSION, AuditLog.stateHash(state(d))))));
    }
}
