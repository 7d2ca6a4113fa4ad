package org.parley.api;

import java.util.List;
import java.util.function.Consumer;

/**
 * A feature whose records the audit log can check against their stored history. The feature gives the SHA-256 of
 * every state it keeps, through one or more scans that the verifier runs in parallel, each on its own connection
 * in the verifier's read-only snapshot:
 * <ul>
 * <li>{@link Kind#CURRENT} scans, for features whose records change, give each record's state recomputed from what
 * is stored now: it must be the state of the record's latest entry, which shows a record changed, set back or
 * removed without an entry;</li>
 * <li>{@link Kind#RECORDED} scans give the states kept for the other versions (for features without current
 * scans, for every version): every such entry needs one, and each must match its entry.</li>
 * </ul>
 */
public interface AuditedRecords {

    enum Kind { RECORDED, CURRENT }

    /** The record type its audit entries carry, e.g. {@code person}. */
    String recordType();

    /** Scans that together give every recorded state, and (where records change) every record's current state. */
    List<StateScan> stateScans();

    /** One part of a feature's states: {@code scan} streams them to the visitor inside the verifier's snapshot. */
    record StateScan(Kind kind, Consumer<StateVisitor> scan) {
    }

    @FunctionalInterface
    interface StateVisitor {
        void state(String recordId, int version, byte[] stateHash);
    }
}
