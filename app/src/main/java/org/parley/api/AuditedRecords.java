package org.parley.api;

import java.util.List;
import java.util.function.Consumer;

/**
 * A feature whose records the audit log can check against what is stored. The feature gives the SHA-256 of
 * every state it keeps, through one or more scans in the verifier's read-only snapshot:
 * <ul>
 * <li>{@link Kind#CURRENT} scans, for features whose records change, give each record's state recomputed from what
 * is stored now: it must be the state of the record's latest entry, which shows a record changed, set back,
 * added or removed without an entry;</li>
 * <li>{@link Kind#RECORDED} scans give the states kept for the other versions (for features without current
 * scans, for every version): every such entry needs one, and each must match its entry.</li>
 * </ul>
 * Records without versions (their entries carry none, and no earlier state is kept) give {@link #LATEST} as the
 * version of their current state, which is matched with the record's latest entry; their earlier entries are
 * checked as part of the tree only.
 */
public interface AuditedRecords {

    enum Kind { RECORDED, CURRENT }

    /** The version a current state of a record without versions is given: that of its latest entry. */
    int LATEST = 0;

    /** The record type its audit entries carry, e.g. {@code person}. */
    String recordType();

    /** Scans that together give every recorded state, and (where records change) every record's current state. */
    List<StateScan> stateScans();

    /**
     * One part of a feature's states: {@code scan} streams them to the visitor inside the verifier's snapshot.
     * A large scan runs on a thread and connection of its own, in parallel with the others; a small one runs on
     * the verifier's own connection, so that it takes no connection from the pool.
     */
    record StateScan(Kind kind, boolean large, Consumer<StateVisitor> scan) {

        public static StateScan large(Kind kind, Consumer<StateVisitor> scan) {
            return new StateScan(kind, true, scan);
        }

        public static StateScan small(Kind kind, Consumer<StateVisitor> scan) {
            return new StateScan(kind, false, scan);
        }
    }

    @FunctionalInterface
    interface StateVisitor {
        void state(String recordId, int version, byte[] stateHash);

        /** A state of a record whose id is a number (its id as text is that number in decimal). */
        default void state(long recordId, int version, byte[] stateHash) {
            state(Long.toString(recordId), version, stateHash);
        }
    }
}
