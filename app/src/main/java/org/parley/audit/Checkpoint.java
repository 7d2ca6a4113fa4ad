package org.parley.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * A signed tree head, as a note in the C2SP signed-note and tlog-checkpoint formats (docs/audit/checkpoints.md). The
 * signature (Ed25519) is over the UTF-8 bytes of the body, four lines each ending in a newline:
 * <pre>
 * parley-audit
 * &lt;tree size, decimal&gt;
 * &lt;root hash, base64&gt;
 * &lt;time signed, ISO-8601 UTC, e.g. 2026-11-25T06:40:00.123456Z&gt;
 * </pre>
 * the fourth an extension line of tlog-checkpoint. The note a party keeps is the body, an empty line, and
 * {@code — parley-audit <base64(key ID || signature)>}, the key ID being that of the note key {@code parley-audit}
 * ({@link NoteKey}). {@code keyId} is the ID a note carried, null for a checkpoint read from elsewhere (the database,
 * a bundle) or from a note written before notes carried it.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant signedAt, byte[] signature, Integer keyId) {

    public static final String ORIGIN = "parley-audit";
    private static final int ED25519_SIGNATURE = 64;

    public Checkpoint(long treeSize, byte[] rootHash, Instant signedAt, byte[] signature) {
        this(treeSize, rootHash, signedAt, signature, null);
    }

    public String body() {
        return ORIGIN + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + signedAt + "\n";
    }

    /** The signed note, its signature line named by the note key of {@code key}, the instance's public key. */
    public String note(PublicKey key) {
        NoteKey noteKey = NoteKey.ed25519(ORIGIN, key);
        return new SignedNote(body(), List.of(new SignedNote.Signature(ORIGIN, noteKey.id(), signature))).write();
    }

    /** Whether the signature holds with {@code key} and, for a checkpoint read from a note, the note named that key. */
    public boolean verify(PublicKey key) {
        if (keyId != null && keyId != NoteKey.ed25519(ORIGIN, key).id()) {
            return false;
        }
        return SigningKey.verify(key, body().getBytes(StandardCharsets.UTF_8), signature);
    }

    static Checkpoint sign(long treeSize, byte[] rootHash, Instant signedAt, SigningKey key) {
        Checkpoint unsigned = new Checkpoint(treeSize, rootHash, signedAt, new byte[0]);
        return new Checkpoint(treeSize, rootHash, signedAt, key.sign(unsigned.body().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a note as {@link #note(PublicKey)} writes it (line ends CR LF taken as LF). Signatures of other names,
     * such as a witness's cosignature, are left aside. A note written before notes carried the key ID (its signature
     * 64 bytes, no ID) is still read.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static Checkpoint parse(String note) {
        SignedNote signed;
        try {
            signed = SignedNote.parse(note.replace("\r\n", "\n"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Parley checkpoint: " + e.getMessage(), e);
        }
        String[] lines = signed.text().split("\n", -1);
        if (lines.length != 5 || !lines[0].equals(ORIGIN) || !lines[4].isEmpty()) {
            throw new IllegalArgumentException("not a Parley checkpoint: expected the lines '" + ORIGIN
                    + "', size, root hash, time, an empty line and '\u2014 " + ORIGIN + " SIGNATURE'");
        }
        SignedNote.Signature signature = signed.signatures().stream().filter(s -> s.keyName().equals(ORIGIN))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not a Parley checkpoint: no signature "
                        + "line of '" + ORIGIN + "'"));
        try {
            long size = Long.parseLong(lines[1]);
            byte[] root = Base64.getDecoder().decode(lines[2]);
            Instant at = Instant.parse(lines[3]);
            if (signature.signature().length == ED25519_SIGNATURE - 4) { // the older form: no key ID
                byte[] whole = ByteBuffer.allocate(ED25519_SIGNATURE).putInt(signature.keyId())
                        .put(signature.signature()).array();
                return new Checkpoint(size, root, at, whole);
            }
            return new Checkpoint(size, root, at, signature.signature(), signature.keyId());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a Parley checkpoint: " + e.getMessage(), e);
        }
    }
}
