package org.parley.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification algorithms of RFC 9162: §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), step by step as the
 * RFC writes them, so that anyone can check them against the text. Every hash must be a SHA-256 hash (32 bytes);
 * checked against the published probes of transparency-dev/merkle (README, "Standard test vectors").
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !hashes(leafHash, root) || !hashes(path)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of size {@code first} with root {@code firstHash} is a prefix of
     * the tree of size {@code second} with root {@code secondHash}. Equal sizes need an empty proof and equal
     * roots. The RFC defines no proof from the empty tree (size 0): such a proof proves nothing and is refused, as
     * standard verifiers refuse it; the empty tree is a prefix of every tree without one.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
            List<byte[]> proof) {
        if (first <= 0 || first > second || !hashes(firstHash, secondHash) || !hashes(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return MessageDigest.isEqual(fr, firstHash) && MessageDigest.isEqual(sr, secondHash) && sn == 0;
    }

    private static boolean hashes(byte[]... hashes) {
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != MerkleHash.SIZE) {
                return false;
            }
        }
        return true;
    }

    private static boolean hashes(List<byte[]> hashes) {
        return hashes.stream().allMatch(hash -> hash != null && hash.length == MerkleHash.SIZE);
    }
}
