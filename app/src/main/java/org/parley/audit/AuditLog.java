package org.parley.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.parley.api.Caller;
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

    /** From this many entries at once (a bulk load), the planner's statistics are refreshed. */
    private static final int LARGE_BATCH = 10_000;

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
        if (changes.isEmpty()) {
            return List.of();
        }
        TreeFrontier frontier = repository.lockHead();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> entries = new ArrayList<>(changes.size());
        List<byte[]> leaves = new ArrayList<>(changes.size());
        List<AuditRepository.Node> nodes = new ArrayList<>();
        for (Change change : changes) {
            AuditEntry entry = new AuditEntry(frontier.size(), at, who == null ? null : who.username(),
                    who == null ? null : who.organisation(), change.action(), change.recordType(), change.recordId(),
                    change.recordVersion(), stateHash(change.canonicalState()));
            byte[] leaf = entry.leafHash();
            frontier.append(leaf, (level, index, hash) -> nodes.add(new AuditRepository.Node(level, index, hash)));
            entries.add(entry);
            leaves.add(leaf);
        }
        repository.insert(entries, leaves, nodes);
        repository.updateHead(frontier);
        if (changes.size() >= LARGE_BATCH) {
            repository.analyze();
        }
        return entries;
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
