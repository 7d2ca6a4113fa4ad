package org.parley.api;

import java.util.function.Consumer;

/**
 * A feature that keeps one-off happenings in a table of its own, each with an audit entry of one action — as
 * refused accesses are. Such an entry names the record the happening concerned, not a state of that record, so
 * it is matched by content instead: the verifier requires, for every entry of the action, one stored happening
 * with the same actor, organisation, record and state hash, and for every stored happening such an entry. A
 * happening removed, altered or added without its entry shows up.
 */
public interface AuditedOccurrences {

    /** The action of the entries, e.g. {@code REFUSE}. */
    String action();

    /** Streams every stored happening to the visitor inside the verifier's snapshot (on its own connection). */
    void scan(Consumer<Occurrence> visitor);

    /**
     * A stored happening as its entry carries it, and a short description that names it in a problem (e.g. its
     * row id).
     */
    record Occurrence(String actor, String organisation, String recordType, String recordId, byte[] stateHash,
            String description) {
    }
}
