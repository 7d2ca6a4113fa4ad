package org.parley.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A signed tree head. The signature (Ed25519) is over the UTF-8 bytes of the body, four lines each ending in a
 * newline, after the C2SP signed-note and checkpoint formats:
 * <pre>
 * parley-audit
 * &lt;tree size, decimal&gt;
 * &lt;root hash, base64&gt;
 * &lt;time signed, ISO-8601 UTC, e.g. 2026-11-25T06:40:00.123456Z&gt;
 * </pre>
 * The note a party keeps is the body, an empty line, and {@code — parley-audit <base64 signature>}.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant signedAt, byte[] signature) {

    public static final String ORIGIN = "parley-audit";
    private static final String SIGNATURE_LINE = "\u2014 " + ORIGIN + " ";

    public String body() {
        return ORIGIN + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + signedAt + "\n";
    }

    public String note() {
        return body() + "\n" + SIGNATURE_LINE + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    public boolean verify(PublicKey key) {
        return SigningKey.verify(key, body().getBytes(StandardCharsets.UTF_8), signature);
    }

    static Checkpoint sign(long treeSize, byte[] rootHash, Instant signedAt, SigningKey key) {
        Checkpoint unsigned = new Checkpoint(treeSize, rootHash, signedAt, new byte[0]);
        return new Checkpoint(treeSize, rootHash, signedAt, key.sign(unsigned.body().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a note as {@link #note()} writes it.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static Checkpoint parse(String note) {
        String[] lines = note.replace("\r\n", "\n").split("\n", -1);
        if (lines.length < 6 || !lines[0].equals(ORIGIN) || !lines[4].isEmpty()
                || !lines[5].startsWith(SIGNATURE_LINE)) {
            throw new IllegalArgumentException("not a Parley checkpoint: expected the lines '" + ORIGIN
                    + "', size, root hash, time, an empty line and '" + SIGNATURE_LINE + "SIGNATURE'");
        }
        try {
            return new Checkpoint(Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]),
                    Instant.parse(lines[3]), Base64.getDecoder().decode(lines[5].substring(SIGNATURE_LINE.length())));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a Parley checkpoint: " + e.getMessage(), e);
        }
    }
}
