package org.parley.audit;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.parley.api.AuditedOccurrences;
import org.parley.api.AuditedRecords;
import org.parley.api.AuditedRecords.Kind;
import org.parley.api.AuditedRecords.StateScan;
import org.parley.api.CanonicalJsonBytes;
import org.parley.database.BinaryCopyQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the whole log from what is stored, in one consistent snapshot of the database:
 * <ol>
 * <li>every entry is there (sequence numbers without gaps) and gives its stored leaf hash when its fields are
 * hashed again; the tree is recomputed from those fields;</li>
 * <li>every stored subtree hash (what proofs are made of) and the stored right edge equal the recomputed ones;</li>
 * <li>every checkpoint's signature verifies with the instance's public key, its root is the recomputed root of
 * its size, and each checkpoint is consistent with the one before it (an RFC 9162 consistency proof over the
 * recomputed tree). Consistency is transitive, so consecutive pairs prove every later checkpoint consistent
 * with every earlier one;</li>
 * <li>each entry's state hash is the hash of the state its record's feature recorded for that version, every
 * recorded state has its entry, and every record as stored now is the state of its latest entry: not changed, set
 * back, added or removed without one ({@link AuditedRecords}); every entry of a one-off happening (a refused
 * access) has its stored happening and every stored happening its entry ({@link AuditedOccurrences});</li>
 * <li>a checkpoint a party kept, if given, is signed by this instance and consistent with the log now.</li>
 * </ol>
 * Entries are streamed through a cursor and hashed as they come; memory holds the recomputed subtree hashes
 * (about 64 bytes per entry) and the keys of entries whose records are checked. The features' large state scans
 * run meanwhile on threads and connections of their own, reading the same exported snapshot; their hashes are held
 * until the entries are read, then matched. Small scans and happenings are read afterwards on this connection.
 */
@Service
public class AuditVerifier {

    private static final int MAX_PROBLEMS = 100;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final AuditRepository repository;
    private final CheckpointRepository checkpoints;
    private final SigningKey key;
    private final List<AuditedRecords> recordSources;
    private final List<AuditedOccurrences> occurrenceSources;
    private final TransactionTemplate sameSnapshot;

    AuditVerifier(DataSource dataSource, AuditRepository repository, CheckpointRepository checkpoints,
            SigningKey key, List<AuditedRecords> recordSources, List<AuditedOccurrences> occurrenceSources,
            PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.checkpoints = checkpoints;
        this.key = key;
        this.recordSources = recordSources;
        this.occurrenceSources = occurrenceSources;
        this.sameSnapshot = new TransactionTemplate(transactions);
        sameSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        sameSnapshot.setReadOnly(true);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(Optional<Checkpoint> kept) {
        long started = System.nanoTime();
        String snapshot = repository.exportSnapshot();
        repository.withoutParallelWorkers();
        AuditRepository.StoredHead stored = repository.storedHead();
        Run run = new Run(stored.size());
        CompletableFuture<StateMatching> entriesRead = new CompletableFuture<>();
        List<CompletableFuture<StateMatching.Part>> scans = startStateScans(snapshot, entriesRead);
        List<Checkpoint> signed = checkpoints.all();
        Map<Long, byte[]> rootsWanted = new HashMap<>();
        signed.forEach(c -> rootsWanted.put(c.treeSize(), null));
        kept.ifPresent(c -> rootsWanted.put(c.treeSize(), null));
        rootsWanted.put(stored.size(), null);
        TreeFrontier frontier;
        try {
            frontier = recomputeTree(run, rootsWanted);
            entriesRead.complete(new StateMatching(run.auditedEntries, run.superseded, run::stateMatches));
        } catch (RuntimeException e) {
            entriesRead.completeExceptionally(e);
            throw e;
        }
        checkStoredNodes(run, frontier.size());
        if (!MessageDigest.isEqual(frontier.packed(), stored.frontier()) || frontier.size() != stored.size()) {
            run.problem(null, "the stored head of the tree (size " + stored.size() + ") is not the one recomputed from "
                    + "the entries (size " + frontier.size() + "): new entries would extend a wrong tree");
        }
        checkCheckpoints(run, signed, rootsWanted, frontier.size());
        kept.ifPresent(c -> checkKept(run, c, rootsWanted, frontier));
        List<StateMatching.Part> parts = new ArrayList<>(runSmallScans(entriesRead.join()));
        long occurrences = checkOccurrences(run);
        scans.stream().map(CompletableFuture::join).forEach(parts::add);
        entriesRead.join().finish(parts, run::problem);
        long recorded = occurrences
                + parts.stream().filter(p -> p.kind() == Kind.RECORDED).mapToLong(StateMatching.Part::states).sum();
        long current = parts.stream().filter(p -> p.kind() == Kind.CURRENT).mapToLong(StateMatching.Part::states).sum();
        return new Verification(frontier.size(), signed.size(), recorded, current,
                Duration.ofNanos(System.nanoTime() - started), List.copyOf(run.problems));
    }

    /** What one verification collects. */
    private static final class Run {
        final List<Verification.Problem> problems = new ArrayList<>();
        final ComputedNodes nodes;
        /** For the record types whose states are checked: each entry's record and version to its seq. */
        final EntryIndex auditedEntries;
        /** Those entries (by seq) whose record has an entry of a later version. */
        final BitSet superseded = new BitSet();
        /** The state hashes of those entries by seq. */
        byte[] stateHashes = new byte[0];
        /** Tree positions whose entry does not give its stored leaf hash, or where entries are missing. */
        final BitSet altered = new BitSet();
        /** The entries of one-off happenings, by what they carry, in the order of their seqs. */
        final Map<OccurrenceKey, ArrayDeque<Long>> occurrences = new HashMap<>();

        Run(long expectedEntries) {
            nodes = new ComputedNodes(expectedEntries);
            auditedEntries = new EntryIndex(expectedEntries);
        }

        void stateHash(long seq, byte[] hash) {
            int offset = Math.toIntExact(seq * MerkleHash.SIZE);
            if (offset + MerkleHash.SIZE > stateHashes.length) {
                stateHashes = Arrays.copyOf(stateHashes, Math.max(offset + MerkleHash.SIZE, stateHashes.length * 2));
            }
            System.arraycopy(hash, 0, stateHashes, offset, MerkleHash.SIZE);
        }

        boolean stateMatches(long seq, byte[] hashes, int from) {
            int offset = Math.toIntExact(seq * MerkleHash.SIZE);
            return Arrays.equals(stateHashes, offset, offset + MerkleHash.SIZE, hashes, from, from + MerkleHash.SIZE);
        }

        void problem(Long seq, String what) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Verification.Problem(seq, what));
            }
        }
    }

    /** What an entry of a one-off happening and its stored happening must share. */
    private record OccurrenceKey(String action, String actor, String organisation, String recordType,
            String recordId, String stateHash) {
    }

    private TreeFrontier recomputeTree(Run run, Map<Long, byte[]> rootsWanted) {
        TreeFrontier frontier = new TreeFrontier();
        CanonicalJsonBytes leafBytes = new CanonicalJsonBytes(512);
        Map<String, Integer> auditedTypes = new HashMap<>();
        recordSources.forEach(source -> auditedTypes.put(source.recordType(),
                run.auditedEntries.register(source.recordType())));
        Map<String, String> occurrenceActions = new HashMap<>();
        occurrenceSources.forEach(source -> occurrenceActions.put(source.action(), source.action()));
        long[] next = {0};
        if (rootsWanted.containsKey(0L)) {
            rootsWanted.put(0L, frontier.root());
        }
        BinaryCopyQuery.forEach(dataSource, "select " + AuditEntries.COLUMNS + " from audit_entry order by seq",
                row -> {
            AuditEntry entry = new AuditEntry(row.int8(0), row.timestamp(1), row.text(2), row.text(3), row.text(4),
                    row.text(5), row.text(6), row.isNull(7) ? null : row.int4(7), row.bytes(8));
            if (entry.seq() != next[0]) { // reported once per gap: later entries are compared with their own seq
                run.problem(next[0], "is missing: the entry stored after " + (next[0] - 1) + " is " + entry.seq());
                run.altered.set(Math.toIntExact(frontier.size()));
            }
            next[0] = entry.seq() + 1;
            byte[] leaf = MerkleHash.leaf(entry.writeLeaf(leafBytes));
            if (row.length(9) != MerkleHash.SIZE
                    || !Arrays.equals(leaf, 0, MerkleHash.SIZE, row.data(), row.offset(9), row.offset(9) + MerkleHash.SIZE)) {
                run.problem(entry.seq(), "its fields do not give its stored leaf hash: the entry was altered");
                run.altered.set(Math.toIntExact(frontier.size()));
            }
            run.nodes.add(0, frontier.size(), leaf);
            frontier.append(leaf, run.nodes::add);
            if (rootsWanted.containsKey(frontier.size())) {
                rootsWanted.put(frontier.size(), frontier.root());
            }
            String occurrenceAction = occurrenceActions.get(entry.action());
            Integer auditedType = auditedTypes.get(entry.recordType());
            if (occurrenceAction != null) {
                run.occurrences.computeIfAbsent(new OccurrenceKey(occurrenceAction, entry.actor(),
                        entry.organisation(), entry.recordType(), entry.recordId(), HEX.formatHex(entry.stateHash())),
                        k -> new ArrayDeque<>()).add(entry.seq());
            } else if (auditedType != null && entry.recordVersion() == null) {
                // a record without versions: its latest entry is the one its current state is matched with
                run.auditedEntries.put(auditedType, entry.recordId(), AuditedRecords.LATEST, entry.seq());
                run.stateHash(entry.seq(), entry.stateHash());
            } else if (auditedType != null) {
                int version = entry.recordVersion();
                run.auditedEntries.put(auditedType, entry.recordId(), version, entry.seq());
                // a record's entries come in the order of its versions (each change waits for the one before)
                long earlier = version > 1
                        ? run.auditedEntries.get(auditedType, entry.recordId(), version - 1) : EntryIndex.NONE;
                if (earlier != EntryIndex.NONE) {
                    run.superseded.set(Math.toIntExact(earlier));
                }
                run.stateHash(entry.seq(), entry.stateHash());
            }
        });
        return frontier;
    }

    private void checkStoredNodes(Run run, long size) {
        long[] seen = new long[64];
        BinaryCopyQuery.forEach(dataSource, "select level, idx, hash from audit_node order by level, idx", row -> {
                    int level = row.int2(0);
                    long index = row.int8(1);
                    seen[level]++;
                    long first = index << level;
                    long end = (index + 1) << level;
                    // a subtree over an altered or missing entry differs because of it; that entry is already named
                    boolean explained = run.altered.nextSetBit(Math.toIntExact(first)) >= 0
                            && run.altered.nextSetBit(Math.toIntExact(first)) < end;
                    if (!explained && !run.nodes.matches(level, index, row.bytes(2))) {
                        run.problem(null, "the stored hash of the subtree over entries " + first + " to " + (end - 1)
                                + " is wrong: proofs over them would fail");
                    }
                });
        for (int level = 1; level < 63; level++) {
            long expected = size >> level;
            if (seen[level] != expected) {
                run.problem(null, "level " + level + " of the stored tree has " + seen[level] + " subtree hashes, "
                        + "not " + expected);
            }
        }
    }

    private void checkCheckpoints(Run run, List<Checkpoint> signed, Map<Long, byte[]> roots, long size) {
        PublicKey publicKey = key.publicKey();
        MerkleTree tree = new MerkleTree(run.nodes);
        Checkpoint previous = null;
        for (Checkpoint checkpoint : signed) {
            String name = "checkpoint at size " + checkpoint.treeSize();
            if (!checkpoint.verify(publicKey)) {
                run.problem(null, name + ": the signature does not verify with the instance's public key");
            }
            if (checkpoint.treeSize() > size) {
                run.problem(null, name + ": the log has only " + size + " entries");
            } else if (!MessageDigest.isEqual(checkpoint.rootHash(), roots.get(checkpoint.treeSize()))) {
                run.problem(null, name + ": its root hash is not the root of the first " + checkpoint.treeSize()
                        + " entries as stored now");
            } else if (previous != null && previous.treeSize() > 0 // the empty tree is a prefix of every tree
                    && !MerkleProofs.verifyConsistency(previous.treeSize(), checkpoint.treeSize(),
                    previous.rootHash(), checkpoint.rootHash(),
                    tree.consistencyProof(previous.treeSize(), checkpoint.treeSize()))) {
                run.problem(null, name + ": not consistent with the checkpoint at size " + previous.treeSize());
            }
            if (checkpoint.treeSize() <= size) {
                previous = checkpoint;
            }
        }
    }

    private void checkKept(Run run, Checkpoint kept, Map<Long, byte[]> roots, TreeFrontier frontier) {
        String name = "kept checkpoint at size " + kept.treeSize();
        if (!kept.verify(key.publicKey())) {
            run.problem(null, name + ": the signature does not verify with this instance's public key");
        }
        if (kept.treeSize() > frontier.size()) {
            run.problem(null, name + ": the log has only " + frontier.size() + " entries now; it was cut back");
            return;
        }
        if (kept.treeSize() == 0) { // the empty tree is a prefix of every tree; its root is the hash of nothing
            if (!MessageDigest.isEqual(kept.rootHash(), MerkleHash.empty())) {
                run.problem(null, name + ": its root hash is not the root of the empty tree");
            }
            return;
        }
        List<byte[]> proof = new MerkleTree(run.nodes).consistencyProof(kept.treeSize(), frontier.size());
        if (!MerkleProofs.verifyConsistency(kept.treeSize(), frontier.size(), kept.rootHash(), frontier.root(), proof)) {
            run.problem(null, name + ": the log now (size " + frontier.size() + ") does not extend it: entries "
                    + "before " + kept.treeSize() + " were changed");
        }
    }

    /** Runs the features' small scans on this connection (the snapshot's own) and matches their states. */
    private List<StateMatching.Part> runSmallScans(StateMatching matching) {
        List<StateMatching.Part> parts = new ArrayList<>();
        for (AuditedRecords source : recordSources) {
            for (StateScan scan : source.stateScans()) {
                if (!scan.large()) {
                    StateMatching.States states = new StateMatching.States();
                    scan.scan().accept(states);
                    parts.add(matching.match(new StateMatching.ScannedStates(source.recordType(), scan.kind(), states)));
                }
            }
        }
        return parts;
    }

    /**
     * Matches every stored one-off happening with an entry of its action that carries the same, and names the
     * happenings without such an entry and the entries left without their happening. Returns how many were stored.
     */
    private long checkOccurrences(Run run) {
        long stored = 0;
        for (AuditedOccurrences source : occurrenceSources) {
            long[] count = {0};
            source.scan(occurrence -> {
                count[0]++;
                ArrayDeque<Long> entries = run.occurrences.get(new OccurrenceKey(source.action(), occurrence.actor(),
                        occurrence.organisation(), occurrence.recordType(), occurrence.recordId(),
                        HEX.formatHex(occurrence.stateHash())));
                if (entries == null || entries.isEmpty()) {
                    run.problem(null, occurrence.description() + " has no " + source.action() + " entry with its "
                            + "content: added or altered without an audit entry");
                } else {
                    entries.removeFirst();
                }
            });
            stored += count[0];
        }
        run.occurrences.values().stream().flatMap(ArrayDeque::stream).sorted().forEach(seq -> run.problem(seq,
                "what this entry records is not stored as it was: removed or altered without an audit entry"));
        return stored;
    }

    /**
     * Runs every feature's large state scans at once, each on a thread and connection of its own in the same snapshot
     * (several scans per feature let its largest work use every core). Each scan holds its states until the entries
     * are read, then matches them on its own thread, while the others go on.
     */
    private List<CompletableFuture<StateMatching.Part>> startStateScans(String snapshot,
            CompletableFuture<StateMatching> entriesRead) {
        List<CompletableFuture<StateMatching.Part>> scans = new ArrayList<>();
        for (AuditedRecords source : recordSources) {
            for (StateScan scan : source.stateScans()) {
                if (!scan.large()) {
                    continue;
                }
                scans.add(CompletableFuture.supplyAsync(() -> {
                    StateMatching.States states = sameSnapshot.execute(status -> {
                        repository.useSnapshot(snapshot);
                        repository.withoutParallelWorkers();
                        StateMatching.States scanned = new StateMatching.States();
                        scan.scan().accept(scanned);
                        return scanned;
                    });
                    return entriesRead.join().match(new StateMatching.ScannedStates(source.recordType(), scan.kind(),
                            states));
                }, task -> new Thread(task, "audit-verify-" + source.recordType()).start()));
            }
        }
        return scans;
    }
}
