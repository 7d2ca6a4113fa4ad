package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Roots and proofs of {@link MerkleTree} over stored complete subtrees, checked against the RFC 9162 definitions
 * written out here over plain leaf lists, and verified with the RFC's verification algorithms.
 */
class MerkleTreeTest {

    private static byte[] entry(long i) {
        return ("entry " + i).getBytes(StandardCharsets.UTF_8);
    }

    private static MemoryNodeStore store(int size) {
        MemoryNodeStore store = new MemoryNodeStore();
        for (int i = 0; i < size; i++) {
            store.append(MerkleHash.leaf(entry(i)));
        }
        return store;
    }

    // RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1 over the leaves themselves: D[start:start+n] of the first 300 entries.
    // MTH of a range is remembered, so comparing every proof of every tree up to 300 leaves stays quick.

    private static final List<byte[]> D = leaves(300);
    private static final Map<Long, byte[]> MTH = new HashMap<>();

    private static byte[] mth(int start, int n) {
        if (n == 0) {
            return MerkleHash.empty();
        }
        if (n == 1) {
            return MerkleHash.leaf(D.get(start));
        }
        long range = ((long) start << 32) | n;
        byte[] known = MTH.get(range);
        if (known == null) {
            int k = Integer.highestOneBit(n - 1);
            known = MerkleHash.node(mth(start, k), mth(start + k, n - k));
            MTH.put(range, known);
        }
        return known;
    }

    private static List<byte[]> path(int m, int start, int n) {
        List<byte[]> path = new ArrayList<>();
        if (n > 1) {
            int k = Integer.highestOneBit(n - 1);
            if (m < k) {
                path.addAll(path(m, start, k));
                path.add(mth(start + k, n - k));
            } else {
                path.addAll(path(m - k, start + k, n - k));
                path.add(mth(start, k));
            }
        }
        return path;
    }

    private static List<byte[]> subproof(int m, int start, int n, boolean b) {
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(start, n));
            }
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(subproof(m, start, k, b));
            proof.add(mth(start + k, n - k));
        } else {
            proof.addAll(subproof(m - k, start + k, n - k, false));
            proof.add(mth(start, k));
        }
        return proof;
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> d = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            d.add(entry(i));
        }
        return d;
    }

    @Test
    void rootsAndProofsEqualTheRfcDefinitionsUpTo300Leaves() {
        MemoryNodeStore store = store(300);
        MerkleTree tree = new MerkleTree(store);
        for (int n = 0; n <= 300; n++) {
            assertThat(tree.root(n)).as("MTH of %d", n).isEqualTo(mth(0, n));
            for (int m = 0; m < n; m++) {
                assertThat(tree.inclusionProof(m, n)).as("PATH(%d, D[%d])", m, n)
                        .containsExactlyElementsOf(path(m, 0, n));
            }
            for (int m = 1; m < n; m++) {
                assertThat(tree.consistencyProof(m, n)).as("PROOF(%d, D[%d])", m, n)
                        .containsExactlyElementsOf(subproof(m, 0, n, true));
            }
        }
    }

    @Test
    void everyProofOfEveryTreeUpTo300LeavesVerifiesAndAFlippedBitFails() {
        MemoryNodeStore store = store(300);
        MerkleTree tree = new MerkleTree(store);
        byte[][] roots = new byte[301][];
        for (int n = 0; n <= 300; n++) {
            roots[n] = tree.root(n);
        }
        int checked = 0;
        for (int n = 1; n <= 300; n++) {
            for (int m = 0; m < n; m++) {
                byte[] leaf = store.node(0, m);
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(MerkleProofs.verifyInclusion(m, n, leaf, proof, roots[n])).as("leaf %d of %d", m, n)
                        .isTrue();
                assertThat(MerkleProofs.verifyInclusion(m, n, flipped(leaf, m), proof, roots[n])).isFalse();
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(m, n, leaf, flipped(proof, m), roots[n])).isFalse();
                }
                assertThat(MerkleProofs.verifyInclusion(m, n, leaf, proof, flipped(roots[n], n))).isFalse();
                checked++;
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], roots[n], proof)).as("%d to %d", m, n)
                        .isTrue();
                assertThat(MerkleProofs.verifyConsistency(m, n, flipped(roots[m], m), roots[n], proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], flipped(roots[n], n), proof)).isFalse();
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], roots[n], flipped(proof, m + n)))
                            .isFalse();
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2 * 300 * 301 / 2);
    }

    @Test
    void randomisedLargerTrees() {
        Random random = new Random(9162);
        MemoryNodeStore store = store(100_000);
        MerkleTree tree = new MerkleTree(store);
        for (int n : new int[] {1_000, 4_096, 31_337, 65_537, 100_000}) {
            byte[] root = tree.root(n);
            TreeFrontier frontier = store(n).frontier();
            assertThat(frontier.root()).as("frontier root of %d", n).isEqualTo(root);
            assertThat(TreeFrontier.unpack(n, frontier.packed()).root()).isEqualTo(root);
            for (int i = 0; i < 200; i++) {
                long leaf = random.nextInt(n);
                List<byte[]> path = tree.inclusionProof(leaf, n);
                assertThat(MerkleProofs.verifyInclusion(leaf, n, store.node(0, leaf), path, root)).isTrue();
                assertThat(MerkleProofs.verifyInclusion(leaf, n, store.node(0, leaf), flipped(path, i), root))
                        .isFalse();
                long m = 1 + random.nextInt(n);
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(MerkleProofs.verifyConsistency(m, n, tree.root(m), root, proof)).isTrue();
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, tree.root(m), root, flipped(proof, i)))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void batchedReadsGiveTheSameAnswers() {
        MemoryNodeStore store = store(1_000);
        List<byte[]> direct = new MerkleTree(store).consistencyProof(377, 1_000);
        List<byte[]> batched = MerkleTree.batched(tree -> tree.consistencyProof(377, 1_000), keys -> {
            java.util.Map<NodeSource.Key, byte[]> found = new java.util.HashMap<>();
            keys.forEach(key -> found.put(key, store.node(key.level(), key.index())));
            assertThat(keys.size()).isLessThan(40);
            return found;
        });
        assertThat(batched).containsExactlyElementsOf(direct);
    }

    private static byte[] flipped(byte[] hash, long seed) {
        byte[] copy = hash.clone();
        int bit = (int) Math.floorMod(seed * 31, copy.length * 8L);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<byte[]> flipped(List<byte[]> proof, long seed) {
        List<byte[]> copy = new ArrayList<>(proof);
        int which = (int) Math.floorMod(seed, copy.size());
        copy.set(which, flipped(copy.get(which), seed));
        return copy;
    }
}
