package org.parley.api;

/**
 * A feature whose records the audit log can check against their stored history: it keeps the canonical JSON of
 * every state a record had (the text whose SHA-256 the audit entry of that change holds) and can tell which
 * records no longer match their latest state. Called inside the verifier's read-only transaction.
 */
public interface AuditedRecords {

    /** The record type its audit entries carry, e.g. {@code person}. */
    String recordType();

    /** Every stored state of every record, with the SHA-256 of its canonical JSON computed from the stored text. */
    void forEachState(StateVisitor visitor);

    /** Every record whose current stored form is not the canonical JSON of its latest stored state. */
    void forEachChangedRecord(ChangeVisitor visitor);

    @FunctionalInterface
    interface StateVisitor {
        void state(String recordId, int version, byte[] stateHash);
    }

    @FunctionalInterface
    interface ChangeVisitor {
        void changed(String recordId, int version, String what);
    }
}
