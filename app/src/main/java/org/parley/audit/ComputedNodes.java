package org.parley.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Complete subtree hashes recomputed by the verifier, level by level in flat arrays (32 bytes each). */
final class ComputedNodes implements NodeSource {

    private final List<byte[]> levels = new ArrayList<>();
    private final long[] counts = new long[Long.SIZE];
    private final long expectedLeaves;

    /** Sized for {@code expectedLeaves} (the stored tree's size), so that the arrays seldom grow by copying. */
    ComputedNodes(long expectedLeaves) {
        this.expectedLeaves = expectedLeaves;
    }

    void add(int level, long index, byte[] hash) {
        while (levels.size() <= level) {
            long expected = Math.max(1024, (expectedLeaves >> levels.size()) + 1);
            levels.add(new byte[(int) Math.min(Integer.MAX_VALUE - 8, expected * MerkleHash.SIZE)]);
        }
        if (counts[level] != index) {
            throw new IllegalStateException("node (" + level + ", " + index + ") out of order");
        }
        byte[] column = levels.get(level);
        long offset = index * MerkleHash.SIZE;
        if (offset + MerkleHash.SIZE > column.length) {
            column = Arrays.copyOf(column, (int) Math.min(Integer.MAX_VALUE - 8, column.length * 2L));
            levels.set(level, column);
        }
        System.arraycopy(hash, 0, column, (int) offset, MerkleHash.SIZE);
        counts[level] = index + 1;
    }

    long count(int level) {
        return counts[level];
    }

    @Override
    public byte[] node(int level, long index) {
        if (index >= count(level)) {
            throw new IllegalArgumentException("node (" + level + ", " + index + ") was not computed");
        }
        int offset = (int) (index * MerkleHash.SIZE);
        return Arrays.copyOfRange(levels.get(level), offset, offset + MerkleHash.SIZE);
    }

    boolean matches(int level, long index, byte[] hash) {
        if (index >= count(level)) {
            return false;
        }
        int offset = (int) (index * MerkleHash.SIZE);
        return Arrays.equals(levels.get(level), offset, offset + MerkleHash.SIZE, hash, 0, MerkleHash.SIZE);
    }
}
