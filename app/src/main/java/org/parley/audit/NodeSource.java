package org.parley.audit;

/**
 * Where a {@link MerkleTree} gets its hashes: the hash of the complete subtree of {@code 2^level} leaves that
 * starts at leaf {@code index * 2^level} (level 0: the leaf hashes). Only complete subtrees are ever asked for,
 * so they can be stored once, when their last leaf is appended, and never change.
 */
@FunctionalInterface
public interface NodeSource {

    byte[] node(int level, long index);

    /** A node's address. */
    record Key(int level, long index) {
    }
}
