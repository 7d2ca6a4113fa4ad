package org.parley.cli;

import java.util.List;
import java.util.Optional;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditTree;
import org.parley.audit.MerkleHash;
import org.parley.exchange.AgreementVerifier;

/**
 * The audit log of the database, as {@code audit verify-document} asks it: entries by sequence number, and roots
 * and inclusion proofs from the stored subtree hashes (each a handful of rows; the whole log is recomputed by
 * {@code audit verify}, not here).
 */
public final class AuditLogLookup implements AgreementVerifier.AuditLookup {

    private final AuditLog log;
    private final AuditTree tree;

    public AuditLogLookup(AuditLog log, AuditTree tree) {
        this.log = log;
        this.tree = tree;
    }

    @Override
    public Optional<AuditEntry> entry(long seq) {
        return log.entry(seq);
    }

    @Override
    public Optional<byte[]> root(long treeSize) {
        if (treeSize == 0) {
            return Optional.of(MerkleHash.empty());
        }
        return treeSize > 0 && treeSize <= tree.size() ? Optional.of(tree.root(treeSize)) : Optional.empty();
    }

    @Override
    public Optional<List<byte[]>> inclusionProof(long seq, long treeSize) {
        return seq >= 0 && seq < treeSize && treeSize <= tree.size()
                ? Optional.of(tree.inclusion(seq, treeSize).path()) : Optional.empty();
    }
}
