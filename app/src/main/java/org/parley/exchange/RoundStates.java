package org.parley.exchange;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rounds as the audit log sees them: the canonical JSON of the row (internal keys; {@code version} counts its
 * changes). A round has an entry for its opening and one for each change of state, without versions: the
 * verifier checks each row as stored now against the state of its latest entry, so a round opened, abandoned or
 * altered in the database without one shows up.
 */
@Component
class RoundStates implements AuditedRecords {

    static final String RECORD_TYPE = "exchange";
    static final String OPEN = "OPEN_EXCHANGE";
    static final String ABANDON = "ABANDON_EXCHANGE";
    static final String AGREE = "AGREE_EXCHANGE";
    static final String EXECUTE = "EXECUTE_EXCHANGE";

    private final RoundRepository rounds;

    RoundStates(RoundRepository rounds) {
        this.rounds = rounds;
    }

    static AuditLog.Change change(String action, Round round) {
        return new AuditLog.Change(action, RECORD_TYPE, Long.toString(round.id()), null, state(round));
    }

    static String state(Round r) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", r.id());
        node.put("version", r.version());
        node.put("title", r.title());
        node.put("firstParty", r.firstParty());
        node.put("secondParty", r.secondParty());
        node.put("intermediary", r.intermediary());
        node.put("state", r.state().name());
        node.put("createdBy", r.createdBy());
        node.put("createdAt", r.createdAt().toString());
        node.put("abandonedBy", r.abandonedBy());
        node.put("abandonedAt", r.abandonedAt() == null ? null : r.abandonedAt().toString());
        node.put("abandonReason", r.abandonReason());
        // members of the agreement only once there is one, so that states written before it hash as they did
        if (r.agreedVersion() != null) {
            node.put("agreedVersion", r.agreedVersion());
            node.put("agreedAt", r.agreedAt().toString());
        }
        if (r.executedAt() != null) {
            node.put("executedAt", r.executedAt().toString());
        }
        return CanonicalJson.write(node);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.CURRENT, visitor -> rounds.forEach(round ->
                visitor.state(round.id(), LATEST, AuditLog.stateHash(state(round))))));
    }
}
