package org.parley.tracing;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tracing requests as the audit log sees them: the canonical JSON of a request's row and its candidates (person,
 * score, decision; whether the recorder has seen them is not a change of the request) is the state each of its
 * entries hashes. Requests have no versions: the verifier matches each request's current state with its latest
 * entry, so a row changed, added or removed without an entry shows up.
 */
@Component
class TracingStates implements AuditedRecords {

    static final String RECORD_TYPE = "tracing-request";
    static final String RECORD = "RECORD_TRACING_REQUEST";
    static final String ADD_CANDIDATES = "ADD_TRACING_CANDIDATES";
    static final String DECIDE = "DECIDE_TRACING_CANDIDATE";
    static final String ANSWER = "ANSWER_TRACING_REQUEST";
    static final String CLOSE = "CLOSE_TRACING_REQUEST";

    /** A candidate as audited. */
    record Candidate(long personId, double score, String decision) {
    }

    private final TracingRepository requests;

    TracingStates(TracingRepository requests) {
        this.requests = requests;
    }

    /** The audit change of an action on a request, from what is stored now. */
    AuditLog.Change change(String action, long requestId) {
        TracingRequest request = requests.find(requestId).orElseThrow();
        List<Candidate> candidates = requests.candidates(requestId).stream()
                .map(c -> new Candidate(c.personId(), c.score(), c.decision() == null ? null : c.decision().name()))
                .sorted(java.util.Comparator.comparingLong(Candidate::personId)).toList();
        return new AuditLog.Change(action, RECORD_TYPE, Long.toString(requestId), null,
                canonical(request, candidates));
    }

    static String canonical(TracingRequest r, List<Candidate> candidates) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", r.id());
        node.put("organisation", r.organisation());
        node.put("byIntermediary", r.byIntermediary());
        node.put("recordedBy", r.recordedBy());
        node.put("recordedAt", r.recordedAt().toString());
        TracingInput in = r.input();
        in.writeSought(node);
        node.put("requesterName", in.requester().name());
        node.put("requesterRelationship", in.requester().relationship());
        node.put("requesterContact", in.requester().contact());
        node.put("note", in.note());
        node.put("state", r.state().name());
        node.put("answer", r.answer());
        node.put("answeredAt", r.answeredAt() == null ? null : r.answeredAt().toString());
        node.put("closedAt", r.closedAt() == null ? null : r.closedAt().toString());
        ArrayNode found = node.putArray("candidates");
        candidates.forEach(c -> found.addObject().put("personId", c.personId()).put("score", Double.toString(c.score()))
                .put("decision", c.decision()));
        return CanonicalJson.write(node);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.CURRENT, visitor -> requests.forEachState(audited -> visitor.state(
                audited.request().id(), LATEST, AuditLog.stateHash(canonical(audited.request(),
                        audited.candidates()))))));
    }
}
