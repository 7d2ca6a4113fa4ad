package org.parley.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.api.Caller;
import org.parley.database.DeferredIndexes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit entries, always inside the transaction of the change they record (propagation MANDATORY): the
 * change and its entry commit or roll back together. Appends lock the tree's head row until that transaction
 * ends, so entries get gap-free sequence numbers in commit order; call this as the last step of a change to
 * keep that lock short.
 */
@Service
public class AuditLog {

    /** What changed: the record and the canonical JSON of its new state (see {@link org.parley.api.CanonicalJson}). */
    public record Change(String action, String recordType, String recordId, Integer recordVersion,
            String canonicalState) {
    }

    /**
     * A change whose state's hash is known already: for bulk paths that hash states as they stream from the
     * database, without building their canonical JSON as text.
     */
    public record HashedChange(String action, String recordType, String recordId, Integer recordVersion,
            byte[] stateHash) {
    }

    /** From this many entries at once (a bulk load), the planner's statistics are refreshed. */
    private static final int LARGE_BATCH = 10_000;
    /** From this many entries of one load, and as many as the log held, its indexes are built after the load. */
    private static final long BULK_MINIMUM = 100_000;

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(Caller who, Change change) {
        return appendAll(who, List.of(change)).get(0);
    }

    /** Many changes by one actor at one time (a bulk load): the entries are written with COPY. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEntry> appendAll(Caller who, List<Change> changes) {
        return appendAllHashed(who, changes.stream().map(c -> new HashedChange(c.action(), c.recordType(),
                c.recordId(), c.recordVersion(), stateHash(c.canonicalState()))).toList());
    }

    /** {@link #appendAll} with the states' hashes computed by the caller. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEntry> appendAllHashed(Caller who, List<HashedChange> changes) {
        List<AuditEntry> entries = write(who, changes);
        if (changes.size() >= LARGE_BATCH) {
            repository.analyze();
        }
        return entries;
    }

    private List<AuditEntry> write(Caller who, List<HashedChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        TreeFrontier frontier = repository.lockHead();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> entries = new ArrayList<>(changes.size());
        List<byte[]> leaves = new ArrayList<>(changes.size());
        List<AuditRepository.Node> nodes = new ArrayList<>();
        for (HashedChange change : changes) {
            AuditEntry entry = new AuditEntry(frontier.size(), at, who == null ? null : who.username(),
                    who == null ? null : who.organisation(), change.action(), change.recordType(), change.recordId(),
                    change.recordVersion(), change.stateHash());
            byte[] leaf = entry.leafHash();
            frontier.append(leaf, (level, index, hash) -> nodes.add(new AuditRepository.Node(level, index, hash)));
            entries.add(entry);
            leaves.add(leaf);
        }
        repository.insert(entries, leaves, nodes);
        repository.updateHead(frontier);
        return entries;
    }

    /**
     * Begins a bulk load of about {@code entries} entries in this transaction, appended a batch at a time with
     * {@link Bulk#append}: if they are at least {@value #BULK_MINIMUM} and at least as many as the log holds (a
     * first load), the entries' secondary indexes are dropped, to be built once by {@link Bulk#finish}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Bulk startBulk(long entries) {
        boolean large = entries >= BULK_MINIMUM && entries >= repository.size();
        return new Bulk(large ? repository.deferIndexes() : null);
    }

    /** A bulk load begun by {@link #startBulk}: {@link #finish} it after its last append. */
    public final class Bulk {
        private final DeferredIndexes deferred;

        private Bulk(DeferredIndexes deferred) {
            this.deferred = deferred;
        }

        /** Appends a batch of the load's entries, as {@link #appendAllHashed} does. */
        public void append(Caller who, List<HashedChange> changes) {
            write(who, changes);
        }

        /** Builds the indexes dropped for the load, if any, and refreshes the planner's statistics. */
        public void finish(Consumer<String> step) {
            if (deferred != null) {
                deferred.restore(step);
            }
            repository.analyze();
        }
    }

    /** Whether any entry records one of these actions on a record of this type. */
    public boolean hasEntry(String recordType, Collection<String> actions) {
        return repository.hasEntry(recordType, actions);
    }

    /** The entry at this sequence number (0 is the first), as stored; empty when the log has none there. */
    public Optional<AuditEntry> entry(long seq) {
        return repository.entry(seq);
    }

    /** The latest entry about a record — who changed it last, and when — if the log has one. */
    public Optional<AuditEntry> latest(String recordType, String recordId) {
        return repository.latest(recordType, recordId);
    }

    /**
     * The version each of these records had in the log's first {@code treeSize} entries (that of its latest entry
     * among them), by record id; records without an entry there are left out.
     */
    public java.util.Map<String, Integer> versionsAt(String recordType, Collection<String> recordIds, long treeSize) {
        return repository.versionsAt(recordType, recordIds, treeSize);
    }

    /** SHA-256 of the state's canonical JSON in UTF-8. */
    public static byte[] stateHash(String canonicalState) {
        return MerkleHash.sha256().digest(canonicalState.getBytes(StandardCharsets.UTF_8));
    }
}
