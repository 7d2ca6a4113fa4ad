package org.parley.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.AuditedRecords.Kind;

/**
 * Matches the features' state hashes ({@link org.parley.api.AuditedRecords}) with the entries of their records,
 * once both are read: each record as stored now must be the state of its latest entry; every other entry (and,
 * for features without current states, every entry) needs a recorded state with its hash; and every recorded
 * state needs its entry.
 */
final class StateMatching {

    /** The states one scan gave, held until the entries are read. */
    record ScannedStates(String type, Kind kind, States states) {
    }

    /**
     * Record ids, versions and state hashes, in flat arrays: a scan may give a million. Number ids are kept as
     * numbers (their text is null).
     */
    static final class States implements AuditedRecords.StateVisitor {

        private String[] ids = new String[1024];
        private long[] numericIds = new long[1024];
        private int[] versions = new int[1024];
        private byte[] hashes = new byte[1024 * MerkleHash.SIZE];
        private int size;

        @Override
        public void state(String id, int version, byte[] hash) {
            long number = EntryIndex.numeric(id);
            add(number == EntryIndex.NONE ? id : null, number, version, hash);
        }

        @Override
        public void state(long id, int version, byte[] hash) {
            add(null, id, version, hash);
        }

        private void add(String id, long numericId, int version, byte[] hash) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                numericIds = Arrays.copyOf(numericIds, size * 2);
                versions = Arrays.copyOf(versions, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2 * MerkleHash.SIZE);
            }
            ids[size] = id;
            numericIds[size] = numericId;
            versions[size] = version;
            System.arraycopy(hash, 0, hashes, size * MerkleHash.SIZE, MerkleHash.SIZE);
            size++;
        }

        int size() {
            return size;
        }
    }

    @FunctionalInterface
    interface HashCheck {
        /** Whether the entry with this seq holds the state hash at {@code from} in {@code hashes}. */
        boolean matches(long seq, byte[] hashes, int from);
    }

    @FunctionalInterface
    interface Problems {
        void problem(Long seq, String what);
    }

    /** What one scan's states showed: matched on the scan's own thread once the entries are read. */
    static final class Part {
        private final ScannedStates scan;
        private final BitSet recorded = new BitSet();
        /** Latest entries whose record as stored now was found (matching or not). */
        private final BitSet current = new BitSet();
        private final List<Verification.Problem> problems = new ArrayList<>();

        private Part(ScannedStates scan) {
            this.scan = scan;
        }

        Kind kind() {
            return scan.kind();
        }

        int states() {
            return scan.states().size();
        }

        private void problem(Long seq, String what) {
            if (problems.size() < MAX_PROBLEMS_PER_PART) {
                problems.add(new Verification.Problem(seq, what));
            }
        }
    }

    private static final int MAX_PROBLEMS_PER_PART = 100;

    private final EntryIndex entries;
    private final BitSet superseded;
    private final HashCheck entryHash;

    /**
     * @param entries each audited entry's record and version to its seq
     * @param superseded the entries (by seq) of records that have an entry of a later version
     * @param entryHash whether the entry with this seq holds this state hash
     */
    StateMatching(EntryIndex entries, BitSet superseded, HashCheck entryHash) {
        this.entries = entries;
        this.superseded = superseded;
        this.entryHash = entryHash;
    }

    /** Matches one scan's states with the entries; parts of several scans may be matched at once. */
    Part match(ScannedStates scan) {
        Part part = new Part(scan);
        States states = scan.states();
        int type = entries.type(scan.type());
        for (int i = 0; i < states.size; i++) {
            String id = states.ids[i];
            long numericId = states.numericIds[i];
            int version = states.versions[i];
            long seq = id == null ? entries.get(type, numericId, version) : entries.get(type, id, version);
            if (scan.kind() == Kind.RECORDED) {
                recorded(part, seq, type, numericId, id, version, states.hashes, i * MerkleHash.SIZE);
            } else {
                current(part, seq, type, numericId, id, version, states.hashes, i * MerkleHash.SIZE);
            }
        }
        return part;
    }

    /** Reports what the parts found, then every entry that no state matched. */
    void finish(List<Part> parts, Problems problems) {
        BitSet typesWithCurrent = new BitSet();
        BitSet recorded = new BitSet();
        BitSet current = new BitSet();
        for (Part part : parts) {
            if (part.kind() == Kind.CURRENT) {
                typesWithCurrent.set(entries.type(part.scan.type()));
            }
            recorded.or(part.recorded);
            current.or(part.current);
            part.problems.forEach(p -> problems.problem(p.seq(), p.what()));
        }
        entries.forEach((type, numericId, id, version, seq) -> {
            int at = Math.toIntExact(seq);
            if (current.get(at)) {
                return;
            }
            if (!superseded.get(at) && typesWithCurrent.get(type)) {
                problems.problem(seq, entries.record(type, numericId, id) + " is not stored any more: removed "
                        + "without an audit entry");
            } else if (!recorded.get(at)) {
                problems.problem(seq, "no recorded state exists for " + entries.record(type, numericId, id)
                        + " version " + version);
            }
        });
    }

    private void recorded(Part part, long seq, int type, long numericId, String id, int version, byte[] hashes,
            int from) {
        if (seq == EntryIndex.NONE) {
            part.problem(null, entries.record(type, numericId, id) + " has a recorded state of version " + version
                    + " but no audit entry for it");
            return;
        }
        part.recorded.set(Math.toIntExact(seq));
        if (!entryHash.matches(seq, hashes, from)) {
            part.problem(seq, "its state hash is not the hash of " + entries.record(type, numericId, id)
                    + "'s recorded state of version " + version);
        }
    }

    private void current(Part part, long seq, int type, long numericId, String id, int version, byte[] hashes,
            int from) {
        boolean versioned = version != AuditedRecords.LATEST;
        if (seq == EntryIndex.NONE) {
            part.problem(null, entries.record(type, numericId, id) + (versioned ? " is at version " + version
                    + ", which has no audit entry: changed without an audit entry" : " has no audit entry: added "
                    + "without one"));
            return;
        }
        if (!entryHash.matches(seq, hashes, from)) {
            part.problem(seq, entries.record(type, numericId, id) + " as stored now differs from "
                    + (versioned ? "its state of version " + version : "the state its latest entry recorded")
                    + ": changed without an audit entry");
        }
        if (!superseded.get(Math.toIntExact(seq))) {
            part.current.set(Math.toIntExact(seq));
            return;
        }
        long later = entryOf(type, numericId, id, version + 1);
        part.problem(later, entries.record(type, numericId, id) + " as stored now is at version " + version
                + ", but this entry recorded version " + (version + 1) + ": set back without an audit entry");
        int latest = version + 1;
        while (entryOf(type, numericId, id, latest + 1) != EntryIndex.NONE) {
            latest++;
        }
        part.current.set(Math.toIntExact(entryOf(type, numericId, id, latest)));
    }

    private long entryOf(int type, long numericId, String id, int version) {
        return id == null ? entries.get(type, numericId, version) : entries.get(type, id, version);
    }
}
