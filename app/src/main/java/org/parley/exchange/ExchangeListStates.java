package org.parley.exchange;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Exchange-list versions as the audit log sees them: one state per version, never changed — its document and the
 * released persons the item table repeats (internal keys). The verifier recomputes each state from the stored
 * rows, so a document or an item altered, added or removed in the database shows up.
 */
@Component
class ExchangeListStates implements AuditedRecords {

    static final String RECORD_TYPE = "exchange-release-list-version";
    static final String SUBMIT = "SUBMIT_EXCHANGE_LIST_VERSION";
    static final String PROPOSE = "PROPOSE_EXCHANGE_LIST_VERSION";
    static final int VERSION = 1;

    private final ExchangeListRepository versions;

    ExchangeListStates(ExchangeListRepository versions) {
        this.versions = versions;
    }

    static AuditLog.Change change(String action, ExchangeListVersion version,
            List<ExchangeListRepository.ReleasedPerson> items) {
        return new AuditLog.Change(action, RECORD_TYPE, Long.toString(version.id()), VERSION, state(version, items));
    }

    /**
     * The canonical JSON of {"document", "id", "items", "number", "roundId"} (members in that order, as RFC 8785
     * sorts them). The document is stored as its canonical JSON already, so it is embedded as it is rather than
     * parsed and written again: a version of tens of thousands of persons is megabytes.
     */
    static String state(ExchangeListVersion v, List<ExchangeListRepository.ReleasedPerson> items) {
        ArrayNode released = JsonNodeFactory.instance.arrayNode();
        for (ExchangeListRepository.ReleasedPerson p : items) {
            released.addObject().put("sideId", p.sideId()).put("personId", p.personId()).put("position", p.position())
                    .put("countedInBalance", p.countedInBalance());
        }
        return "{\"document\":" + v.document() + ",\"id\":" + v.id() + ",\"items\":" + CanonicalJson.write(released)
                + ",\"number\":" + v.number() + ",\"roundId\":" + v.roundId() + "}";
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.RECORDED, visitor -> versions.forEachVersion(v ->
                visitor.state(v.id(), VERSION, AuditLog.stateHash(state(v, versions.items(v.id())))))));
    }
}
