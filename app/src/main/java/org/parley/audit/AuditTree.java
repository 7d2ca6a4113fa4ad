package org.parley.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The log as a tree: signed checkpoints, and inclusion and consistency proofs read from the stored subtrees. */
@Service
public class AuditTree {

    /** An inclusion proof of RFC 9162 §2.1.3 for the entry at {@code leafIndex}. */
    public record InclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path) {
    }

    private final AuditRepository entries;
    private final CheckpointRepository checkpoints;
    private final SigningKey key;

    AuditTree(AuditRepository entries, CheckpointRepository checkpoints, SigningKey key) {
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    public long size() {
        return entries.size();
    }

    /** Signs the current tree, unless the latest checkpoint already covers it; answers the latest checkpoint. */
    @Transactional
    public Checkpoint sign() {
        TreeFrontier head = entries.head();
        Optional<Checkpoint> latest = checkpoints.latest();
        if (latest.isPresent() && latest.get().treeSize() >= head.size()) {
            return latest.get();
        }
        Checkpoint checkpoint = Checkpoint.sign(head.size(), head.root(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                key);
        checkpoints.insert(checkpoint);
        return checkpoints.at(head.size()).orElseThrow();
    }

    /**
     * The earliest checkpoint that covers the entry at {@code seq}: the signed tree head a document quotes for an
     * event (an agreement's approvals). Signs one now if none covers it yet.
     */
    @Transactional
    public Checkpoint covering(long seq) {
        return checkpoints.earliestCovering(seq).orElseGet(this::sign);
    }

    /** Whether entries were appended since the latest checkpoint (or none was signed yet). */
    public boolean unsigned() {
        return checkpoints.latest().map(c -> c.treeSize() < entries.size()).orElse(true);
    }

    public Optional<Checkpoint> latest() {
        return checkpoints.latest();
    }

    public Checkpoint checkpoint(long size) {
        return checkpoints.at(size).orElseThrow(() -> NotFoundException.absent("checkpoint", size));
    }

    public java.security.PublicKey publicKey() {
        return key.publicKey();
    }

    public InclusionProof inclusion(long leafIndex, long treeSize) {
        requireSize("treeSize", treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new InvalidInputException("seq", "entry " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = MerkleTree.batched(tree -> tree.inclusionProof(leafIndex, treeSize), entries::nodes);
        byte[] leaf = entries.nodes(java.util.Set.of(new NodeSource.Key(0, leafIndex)))
                .get(new NodeSource.Key(0, leafIndex));
        return new InclusionProof(leafIndex, treeSize, leaf, path);
    }

    public List<byte[]> consistency(long from, long to) {
        requireSize("to", to);
        if (from < 1 || from > to) {
            throw new InvalidInputException("from", "must be from 1 to " + to + ", not " + from);
        }
        return MerkleTree.batched(tree -> tree.consistencyProof(from, to), entries::nodes);
    }

    /** The root of the tree of this size (at most the current size). */
    public byte[] root(long size) {
        requireSize("treeSize", size);
        return MerkleTree.batched(tree -> tree.root(size), entries::nodes);
    }

    private void requireSize(String name, long size) {
        long current = entries.size();
        if (size < 1 || size > current) {
            throw new InvalidInputException(name, "must be from 1 to the log's size " + current + ", not " + size);
        }
    }
}
