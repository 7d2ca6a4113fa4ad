package org.parley.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * An Ed25519 key as signed notes name it (c2sp.org/signed-note): a key name and a 4-byte key ID, the first four bytes
 * of SHA-256(key name || 0x0A || 0x01 || the 32-byte public key). As text, a verifier key ("vkey"):
 * {@code <name>+<key ID, 8 hex digits>+<base64(0x01 || public key)>}, what a standard note verifier is given.
 */
public record NoteKey(String name, int id, PublicKey key) {

    /** The signature type of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;
    /** The DER of an X.509 SubjectPublicKeyInfo of Ed25519 (RFC 8410) up to the 32 bytes of the key itself. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int RAW_LENGTH = 32;

    /** The note key of this name for an Ed25519 public key. */
    public static NoteKey ed25519(String name, PublicKey key) {
        return new NoteKey(name, keyId(name, raw(key)), key);
    }

    /**
     * Reads a verifier key.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static NoteKey parse(String vkey) {
        String[] parts = vkey.split("\\+", 3); // the Base64 of the key may hold '+' too
        if (parts.length != 3 || !SignedNote.validKeyName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a verifier key is NAME+KEY-ID (8 hex digits)+BASE64, not '" + vkey
                    + "'");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key's public key is not Base64", e);
        }
        if (typed.length != 1 + RAW_LENGTH || typed[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        int id = Integer.parseUnsignedInt(parts[1], 16);
        if (id != keyId(parts[0], raw)) {
            throw new IllegalArgumentException("the verifier key's ID " + parts[1] + " is not the hash of its name and "
                    + "key");
        }
        return new NoteKey(parts[0], id, publicKey(raw));
    }

    public String vkey() {
        byte[] raw = raw(key);
        byte[] typed = new byte[1 + raw.length];
        typed[0] = ED25519;
        System.arraycopy(raw, 0, typed, 1, raw.length);
        return name + "+" + String.format("%08x", id) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * Whether the note is signed by this key, as the specification has verifiers decide: signatures of other keys
     * (another name or another ID) are ignored; every one of this key must verify, and there must be one.
     */
    public boolean verifies(SignedNote note) {
        List<SignedNote.Signature> mine = note.signatures().stream()
                .filter(s -> s.keyName().equals(name) && s.keyId() == id).toList();
        byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
        return !mine.isEmpty() && mine.stream().allMatch(s -> SigningKey.verify(key, text, s.signature()));
    }

    /** The first four bytes of SHA-256(name || 0x0A || 0x01 || key), big-endian. */
    static int keyId(String name, byte[] rawKey) {
        MessageDigest digest = MerkleHash.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        return ByteBuffer.wrap(digest.digest(rawKey)).getInt();
    }

    /** The 32 bytes of an Ed25519 public key (RFC 8032), the end of its X.509 encoding. */
    static byte[] raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != SPKI_PREFIX.length + RAW_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    private static PublicKey publicKey(byte[] raw) {
        byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance(SigningKey.ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
