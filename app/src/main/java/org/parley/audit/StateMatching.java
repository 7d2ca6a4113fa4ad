package org.parley.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.AuditedRecords;
import org.parley.api.AuditedRecords.Kind;

/**
 * Matches the features' state hashes ({@link org.parley.api.AuditedRecords}) with the entries of their records,
 * once both are read: each record as stored now must be the state of its latest entry; every other entry (and,
 * for features without current states, every entry) needs a recorded state with its hash; and every recorded
 * state needs its entry.
 */
final class StateMatching {

    /** An audited record's version: what an entry and a state are matched by. */
    record StateKey(String type, String id, int version) {

        StateKey next() {
            return new StateKey(type, id, version + 1);
        }

        String record() {
            return type + " " + id;
        }
    }

    /** The states one scan gave, held until the entries are read. */
    record ScannedStates(String type, Kind kind, States states) {
    }

    /** Record ids, versions and state hashes, in flat arrays: a scan may give a million. */
    static final class States {

        private String[] ids = new String[1024];
        private int[] versions = new int[1024];
        private byte[] hashes = new byte[1024 * MerkleHash.SIZE];
        private int size;

        void add(String id, int version, byte[] hash) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                versions = Arrays.copyOf(versions, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2 * MerkleHash.SIZE);
            }
            ids[size] = id;
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

    private final Map<StateKey, Long> entries;
    private final BitSet superseded;
    private final HashCheck entryHash;

    /**
     * @param entries each audited entry's record and version to its seq
     * @param superseded the entries (by seq) of records that have an entry of a later version
     * @param entryHash whether the entry with this seq holds this state hash
     */
    StateMatching(Map<StateKey, Long> entries, BitSet superseded, HashCheck entryHash) {
        this.entries = entries;
        this.superseded = superseded;
        this.entryHash = entryHash;
    }

    /** Matches one scan's states with the entries; parts of several scans may be matched at once. */
    Part match(ScannedStates scan) {
        Part part = new Part(scan);
        States states = scan.states();
        for (int i = 0; i < states.size; i++) {
            StateKey key = new StateKey(scan.type(), states.ids[i], states.versions[i]);
            if (scan.kind() == Kind.RECORDED) {
                recorded(part, key, states.hashes, i * MerkleHash.SIZE);
            } else {
                current(part, key, states.hashes, i * MerkleHash.SIZE);
            }
        }
        return part;
    }

    /** Reports what the parts found, then every entry that no state matched. */
    void finish(List<Part> parts, Problems problems) {
        Set<String> typesWithCurrent = new HashSet<>();
        BitSet recorded = new BitSet();
        BitSet current = new BitSet();
        for (Part part : parts) {
            if (part.kind() == Kind.CURRENT) {
                typesWithCurrent.add(part.scan.type());
            }
            recorded.or(part.recorded);
            current.or(part.current);
            part.problems.forEach(p -> problems.problem(p.seq(), p.what()));
        }
        entries.forEach((key, seq) -> {
            int at = Math.toIntExact(seq);
            if (current.get(at)) {
                return;
            }
            if (!superseded.get(at) && typesWithCurrent.contains(key.type())) {
                problems.problem(seq, key.record() + " is not stored any more: removed without an audit entry");
            } else if (!recorded.get(at)) {
                problems.problem(seq, "no recorded state exists for " + key.record() + " version " + key.version());
            }
        });
    }

    private void recorded(Part part, StateKey key, byte[] hashes, int from) {
        Long seq = entries.get(key);
        if (seq == null) {
            part.problem(null, key.record() + " has a recorded state of version " + key.version()
                    + " but no audit entry for it");
            return;
        }
        part.recorded.set(Math.toIntExact(seq));
        if (!entryHash.matches(seq, hashes, from)) {
            part.problem(seq, "its state hash is not the hash of " + key.record() + "'s recorded state of version "
                    + key.version());
        }
    }

    private void current(Part part, StateKey key, byte[] hashes, int from) {
        Long seq = entries.get(key);
        boolean versioned = key.version() != AuditedRecords.LATEST;
        if (seq == null) {
            part.problem(null, key.record() + (versioned ? " is at version " + key.version() + ", which has no audit "
                    + "entry: changed without an audit entry" : " has no audit entry: added without one"));
            return;
        }
        if (!entryHash.matches(seq, hashes, from)) {
            part.problem(seq, key.record() + " as stored now differs from " + (versioned ? "its state of version "
                    + key.version() : "the state its latest entry recorded") + ": changed without an audit entry");
        }
        if (!superseded.get(Math.toIntExact(seq))) {
            part.current.set(Math.toIntExact(seq));
            return;
        }
        Long later = entries.get(key.next());
        part.problem(later, key.record() + " as stored now is at version " + key.version() + ", but this entry "
                + "recorded version " + (key.version() + 1) + ": set back without an audit entry");
        StateKey latest = key.next();
        while (entries.containsKey(latest.next())) {
            latest = latest.next();
        }
        part.current.set(Math.toIntExact(entries.get(latest)));
    }
}
