package org.parley.exchange;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * List versions as the audit log sees them: one state per version, never changed — the version, its entries, its
 * removals and, for a request list, the reconciliation made when it was submitted (internal keys). The verifier
 * recomputes each state from the stored rows, so an entry, a removal or a match altered, added or removed in the
 * database shows up as a version whose state does not match its entry. Scores are strings, written as Java writes a
 * double, as they were when the stored states were hashed (canonical JSON took no fractions then).
 */
@Component
class ListStates implements AuditedRecords {

    static final String RECORD_TYPE = "exchange-list-version";
    static final String SUBMIT = "SUBMIT_LIST_VERSION";
    static final int VERSION = 1;

    private final ListRepository lists;
    private final MatchRepository matches;

    ListStates(ListRepository lists, MatchRepository matches) {
        this.lists = lists;
        this.matches = matches;
    }

    static AuditLog.Change change(ListVersion version, List<ListEntry> entries, List<Removal> removals,
            List<Match> reconciliation) {
        return new AuditLog.Change(SUBMIT, RECORD_TYPE, Long.toString(version.id()), VERSION,
                state(version, entries, removals, reconciliation));
    }

    /** What an entry says; its SHA-256 tells whether it changed from one version to the next. */
    static ObjectNode entryJson(ListEntry e) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ref", e.ref());
        node.put("personId", e.personId());
        node.put("surname", e.surname());
        node.put("givenName", e.givenName());
        node.put("patronymic", e.patronymic());
        node.put("fullName", e.fullName());
        node.put("dateOfBirth", e.dateOfBirth());
        node.put("serviceNumber", e.serviceNumber());
        node.put("unit", e.unit());
        node.put("rank", e.rank());
        node.put("note", e.note());
        return node;
    }

    static byte[] contentHash(ListEntry e) {
        return AuditLog.stateHash(CanonicalJson.write(entryJson(e)));
    }

    static String state(ListVersion v, List<ListEntry> entries, List<Removal> removals, List<Match> reconciliation) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", v.id());
        node.put("roundId", v.roundId());
        node.put("party", v.party());
        node.put("kind", v.kind().code());
        node.put("number", v.number());
        node.put("createdBy", v.createdBy());
        node.put("createdAt", v.createdAt().toString());
        ArrayNode entryArray = node.putArray("entries");
        entries.forEach(e -> entryArray.add(entryJson(e)));
        ArrayNode removalArray = node.putArray("removals");
        for (Removal r : removals) {
            removalArray.addObject().put("ref", r.ref()).put("reason", r.reason().name()).put("note", r.note());
        }
        ArrayNode matchArray = node.putArray("reconciliation");
        for (Match m : reconciliation) {
            ObjectNode match = matchArray.addObject();
            match.put("ref", m.ref());
            match.put("outcome", m.outcome().name());
            match.put("personId", m.personId());
            match.put("score", m.score() == null ? null : Double.toString(m.score()));
            match.put("explanation", m.explanation());
            match.put("reason", m.reason() == null ? null : m.reason().name());
            ArrayNode candidates = match.putArray("candidates");
            for (Match.Candidate c : m.candidates()) {
                candidates.addObject().put("personId", c.personId()).put("score", Double.toString(c.score()))
                        .put("explanation", c.explanation());
            }
        }
        return CanonicalJson.write(node);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.large(Kind.RECORDED, visitor -> lists.forEachVersion(v ->
                visitor.state(v.id(), VERSION, AuditLog.stateHash(state(v, lists.entries(v.id()),
                        lists.removals(v.id()), matches.ofVersion(v.id())))))));
    }
}
