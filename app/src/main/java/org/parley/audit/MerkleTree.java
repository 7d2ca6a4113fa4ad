package org.parley.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Merkle tree hash, inclusion proofs and consistency proofs of RFC 9162 §2.1 over stored complete subtrees.
 * Every range the RFC's recursion visits is split at the largest power of two below its size, so its left part
 * is always a complete, aligned subtree: one stored node. Hence a root or a proof needs O(log² n) node reads at
 * most, O(log n) in practice.
 */
public final class MerkleTree {

    private static final byte[] PLACEHOLDER = new byte[MerkleHash.SIZE];

    private final NodeSource nodes;

    public MerkleTree(NodeSource nodes) {
        this.nodes = nodes;
    }

    /**
     * Runs an algorithm twice: once to learn which nodes it reads, then on those nodes fetched in one go. This is
     * how a database-backed tree answers a proof with one query instead of one per node.
     */
    public static <T> T batched(Function<MerkleTree, T> algorithm,
            Function<Set<NodeSource.Key>, Map<NodeSource.Key, byte[]>> fetch) {
        Set<NodeSource.Key> wanted = new HashSet<>();
        algorithm.apply(new MerkleTree((level, index) -> {
            wanted.add(new NodeSource.Key(level, index));
            return PLACEHOLDER;
        }));
        Map<NodeSource.Key, byte[]> found = fetch.apply(wanted);
        return algorithm.apply(new MerkleTree((level, index) -> {
            byte[] hash = found.get(new NodeSource.Key(level, index));
            if (hash == null) {
                throw new IllegalStateException("subtree hash (" + level + ", " + index + ") is not stored");
            }
            return hash;
        }));
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size);
        }
        return hash(0, size);
    }

    /** PATH(leaf, D[0:size]) of RFC 9162 §2.1.3.1. */
    public List<byte[]> inclusionProof(long leaf, long size) {
        if (leaf < 0 || leaf >= size) {
            throw new IllegalArgumentException("leaf " + leaf + " is not in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(leaf, 0, size, path);
        return path;
    }

    /** PROOF(from, D[0:to]) of RFC 9162 §2.1.4.1; empty when from is 0 or equals to. */
    public List<byte[]> consistencyProof(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private void path(long leaf, long start, long size, List<byte[]> path) {
        if (size == 1) {
            return;
        }
        long k = splitPoint(size);
        if (leaf < k) {
            path(leaf, start, k, path);
            path.add(hash(start + k, size - k));
        } else {
            path(leaf - k, start + k, size - k, path);
            path.add(hash(start, k));
        }
    }

    private void subproof(long m, long start, long size, boolean complete, List<byte[]> proof) {
        if (m == size) {
            if (!complete) {
                proof.add(hash(start, size));
            }
            return;
        }
        long k = splitPoint(size);
        if (m <= k) {
            subproof(m, start, k, complete, proof);
            proof.add(hash(start + k, size - k));
        } else {
            subproof(m - k, start + k, size - k, false, proof);
            proof.add(hash(start, k));
        }
    }

    /** MTH(D[start:start+size]). */
    private byte[] hash(long start, long size) {
        if (size == 0) {
            return MerkleHash.empty();
        }
        if (Long.bitCount(size) == 1) {
            if (start % size != 0) {
                throw new IllegalStateException("range " + start + "+" + size + " is not an aligned subtree");
            }
            int level = Long.numberOfTrailingZeros(size);
            return nodes.node(level, start >> level);
        }
        long k = splitPoint(size);
        return MerkleHash.node(hash(start, k), hash(start + k, size - k));
    }

    /** The largest power of two smaller than n (n > 1). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }
}
