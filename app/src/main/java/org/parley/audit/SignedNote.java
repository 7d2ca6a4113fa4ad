package org.parley.audit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A note in the C2SP signed-note format (c2sp.org/signed-note; docs/audit/checkpoints.md): a text ending in a
 * newline, a blank line, then one line per signature, {@code — <key name> <base64(key ID || signature)>}, the key ID
 * being 4 bytes, big-endian. Parley's checkpoints are such notes, so that standard note verifiers accept them.
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** One signature line. {@code signature}: the bytes after the key ID. */
    public record Signature(String keyName, int keyId, byte[] signature) {

        /** The line as the note carries it, newline included. */
        public String line() {
            byte[] bytes = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
        }
    }

    private static final String DASH = "\u2014 ";
    /** The specification asks verifiers to take at least 16 signatures and allows a limit. */
    private static final int MAX_SIGNATURES = 100;

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** The note as text: the text, a blank line and the signature lines. */
    public String write() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    /**
     * Reads a note.
     *
     * @throws IllegalArgumentException naming what does not follow the format
     */
    public static SignedNote parse(String note) {
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("a signed note holds no control character but newlines; "
                        + "character " + (i + 1) + " is U+" + String.format("%04X", (int) c));
            }
        }
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("a signed note has a blank line between its text and its signatures");
        }
        String text = note.substring(0, blank + 1);
        String[] lines = note.substring(blank + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("the note has " + lines.length + " signatures; at most "
                    + MAX_SIGNATURES + " are read");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : lines) {
            signatures.add(signature(line));
        }
        return new SignedNote(text, signatures);
    }

    private static Signature signature(String line) {
        int space = line.indexOf(' ', DASH.length());
        if (!line.startsWith(DASH) || space < 0) {
            throw new IllegalArgumentException("a signature line is '" + DASH + "KEY-NAME BASE64', not '" + line + "'");
        }
        String name = line.substring(DASH.length(), space);
        if (!validKeyName(name)) {
            throw new IllegalArgumentException("the key name '" + name + "' is empty or holds a space or '+'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signature of '" + name + "' is not Base64", e);
        }
        if (bytes.length < 5) {
            throw new IllegalArgumentException("the signature of '" + name + "' is shorter than its key ID");
        }
        return new Signature(name, ByteBuffer.wrap(bytes).getInt(), Arrays.copyOfRange(bytes, 4, bytes.length));
    }

    /** Non-empty, without Unicode spaces and without '+'. */
    static boolean validKeyName(String name) {
        return !name.isEmpty() && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c));
    }
}
