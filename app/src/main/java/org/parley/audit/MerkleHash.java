package org.parley.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.parley.api.CanonicalJsonBytes;

/** The hashes of RFC 9162 §2.1.1 with SHA-256: leaves and inner nodes are kept apart by a prefix byte. */
public final class MerkleHash {

    public static final int SIZE = 32;
    /** Reused per thread: creating a digest costs about as much as hashing a short entry. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHash::sha256);
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleHash() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** MTH of the empty tree: the hash of no bytes. */
    public static byte[] empty() {
        return sha256().digest();
    }

    /** SHA-256(0x00 || entry). */
    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF);
        return digest.digest(entry);
    }

    /** SHA-256(0x00 || entry), the entry as written into {@code entry}. */
    static byte[] leaf(CanonicalJsonBytes entry) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF);
        entry.update(digest);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE);
        digest.update(left);
        return digest.digest(right);
    }
}
