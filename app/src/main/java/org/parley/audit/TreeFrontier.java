package org.parley.audit;

import java.util.Arrays;

/**
 * The right edge of a growing tree: for each set bit {@code l} of the size, the hash of the complete subtree of
 * {@code 2^l} leaves at the end. Appending a leaf merges subtrees like a binary counter carries, and each merge
 * is a complete subtree that can be stored for good. The root is the frontier folded from the smallest subtree
 * up, which is exactly RFC 9162's split at the largest power of two.
 */
public final class TreeFrontier {

    /** Receives every complete subtree (level 1 and up) an append completes. */
    @FunctionalInterface
    public interface NodeSink {
        void node(int level, long index, byte[] hash);
    }

    private final byte[][] levels = new byte[Long.SIZE][];
    private long size;

    public TreeFrontier() {
    }

    /** A frontier as {@link #packed()} wrote it. */
    public static TreeFrontier unpack(long size, byte[] packed) {
        TreeFrontier frontier = new TreeFrontier();
        frontier.size = size;
        int offset = 0;
        for (int level = 0; level < Long.SIZE; level++) {
            if ((size >>> level & 1) == 1) {
                frontier.levels[level] = Arrays.copyOfRange(packed, offset, offset + MerkleHash.SIZE);
                offset += MerkleHash.SIZE;
            }
        }
        if (offset != packed.length) {
            throw new IllegalArgumentException("a frontier of size " + size + " has " + Long.bitCount(size)
                    + " hashes, not " + packed.length / (double) MerkleHash.SIZE);
        }
        return frontier;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash, NodeSink sink) {
        byte[] carry = leafHash;
        int level = 0;
        while ((size >>> level & 1) == 1) {
            carry = MerkleHash.node(levels[level], carry);
            levels[level] = null;
            level++;
            sink.node(level, ((size + 1) >>> level) - 1, carry);
        }
        levels[level] = carry;
        size++;
    }

    public byte[] root() {
        byte[] root = null;
        for (int level = 0; level < Long.SIZE; level++) {
            if (levels[level] != null) {
                root = root == null ? levels[level] : MerkleHash.node(levels[level], root);
            }
        }
        return root == null ? MerkleHash.empty() : root;
    }

    /** The frontier's hashes, smallest subtree first, concatenated. */
    public byte[] packed() {
        byte[] packed = new byte[Long.bitCount(size) * MerkleHash.SIZE];
        int offset = 0;
        for (byte[] hash : levels) {
            if (hash != null) {
                System.arraycopy(hash, 0, packed, offset, MerkleHash.SIZE);
                offset += MerkleHash.SIZE;
            }
        }
        return packed;
    }
}
