package org.parley.audit;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The hashes one scan gave, held until the entries are read. */
    record ScannedStates(String type, Kind kind, List<State> states) {
    }

    record State(String id, int version, byte[] hash) {
    }

    @FunctionalInterface
    interface HashCheck {
        boolean matches(long seq, byte[] stateHash);
    }

    @FunctionalInterface
    interface Problems {
        void problem(Long seq, String what);
    }

    private final Map<StateKey, Long> entries;
    private final HashCheck entryHash;
    private final Problems problems;
    private final BitSet recorded = new BitSet();
    /** Latest entries whose record as stored now was found (matching or not). */
    private final BitSet current = new BitSet();

    /**
     * @param entries each audited entry's record and version to its seq
     * @param entryHash whether the entry with this seq holds this state hash
     */
    StateMatching(Map<StateKey, Long> entries, HashCheck entryHash, Problems problems) {
        this.entries = entries;
        this.entryHash = entryHash;
        this.problems = problems;
    }

    void check(List<ScannedStates> scanned) {
        Set<String> typesWithCurrent = new HashSet<>();
        for (ScannedStates scan : scanned) {
            if (scan.kind() == Kind.CURRENT) {
                typesWithCurrent.add(scan.type());
            }
            for (State state : scan.states()) {
                StateKey key = new StateKey(scan.type(), state.id(), state.version());
                if (scan.kind() == Kind.RECORDED) {
                    recorded(key, state.hash());
                } else {
                    current(key, state.hash());
                }
            }
        }
        entries.forEach((key, seq) -> {
            boolean latest = !entries.containsKey(key.next());
            if (latest && typesWithCurrent.contains(key.type())) {
                if (!current.get(Math.toIntExact(seq))) {
                    problems.problem(seq, key.record() + " is not stored any more: removed without an audit entry");
                }
            } else if (!recorded.get(Math.toIntExact(seq))) {
                problems.problem(seq, "no recorded state exists for " + key.record() + " version " + key.version());
            }
        });
    }

    private void recorded(StateKey key, byte[] hash) {
        Long seq = entries.get(key);
        if (seq == null) {
            problems.problem(null, key.record() + " has a recorded state of version " + key.version()
                    + " but no audit entry for it");
            return;
        }
        recorded.set(Math.toIntExact(seq));
        if (!entryHash.matches(seq, hash)) {
            problems.problem(seq, "its state hash is not the hash of " + key.record() + "'s recorded state of version "
                    + key.version());
        }
    }

    private void current(StateKey key, byte[] hash) {
        Long seq = entries.get(key);
        if (seq == null) {
            problems.problem(null, key.record() + " is at version " + key.version() + ", which has no audit entry: "
                    + "changed without an audit entry");
            return;
        }
        if (!entryHash.matches(seq, hash)) {
            problems.problem(seq, key.record() + " as stored now differs from its state of version "
                    + key.version() + ": changed without an audit entry");
        }
        Long later = entries.get(key.next());
        if (later == null) {
            current.set(Math.toIntExact(seq));
            return;
        }
        problems.problem(later, key.record() + " as stored now is at version " + key.version() + ", but this entry "
                + "recorded version " + (key.version() + 1) + ": set back without an audit entry");
        StateKey latest = key.next();
        while (entries.containsKey(latest.next())) {
            latest = latest.next();
        }
        current.set(Math.toIntExact(entries.get(latest)));
    }
}
