package org.parley.exchange;

import java.time.Instant;
import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A party's request to complete the handover of a round without intermediary, as the audit log sees it (record id
 * {@code roundId:party}); both parties' requests complete it.
 */
@Component
class CompletionRequestStates implements AuditedRecords {

    static final String RECORD_TYPE = "exchange-completion-request";
    static final String REQUEST = "REQUEST_HANDOVER_COMPLETION";

    private final HandoverRepository handovers;

    CompletionRequestStates(HandoverRepository handovers) {
        this.handovers = handovers;
    }

    static AuditLog.Change change(long roundId, String party, String by, Instant at) {
        return new AuditLog.Change(REQUEST, RECORD_TYPE, roundId + ":" + party, null,
                state(Long.toString(roundId), party, by, at.toString()));
    }

    private static String state(String roundId, String party, String by, String at) {
        return CanonicalJson.write(JsonNodeFactory.instance.objectNode().put("roundId", Long.parseLong(roundId))
                .put("party", party).put("requestedBy", by).put("requestedAt", at));
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.CURRENT, visitor -> handovers.forEachCompletionRequest(r ->
                visitor.state(r[0] + ":" + r[1], LATEST, AuditLog.stateHash(state(r[0], r[1], r[2], r[3]))))));
    }
}
