package org.parley.audit;

import java.util.ArrayList;
import java.util.List;

/** Complete subtree hashes in memory, stored as appends complete them: what the database table holds. */
final class MemoryNodeStore implements NodeSource {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private final TreeFrontier frontier = new TreeFrontier();

    void append(byte[] leafHash) {
        store(0, frontier.size(), leafHash);
        frontier.append(leafHash, this::store);
    }

    long size() {
        return frontier.size();
    }

    TreeFrontier frontier() {
        return frontier;
    }

    private void store(int level, long index, byte[] hash) {
        while (levels.size() <= level) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> nodes = levels.get(level);
        if (nodes.size() != index) {
            throw new IllegalStateException("node (" + level + ", " + index + ") out of order");
        }
        nodes.add(hash);
    }

    @Override
    public byte[] node(int level, long index) {
        return levels.get(level).get((int) index);
    }
}
