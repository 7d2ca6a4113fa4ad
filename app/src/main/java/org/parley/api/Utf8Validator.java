package org.parley.api;

/**
 * Checks bytes as they arrive against UTF-8's well-formed sequences (Unicode Table 3-7, RFC 3629). Needed because
 * Jackson decodes some ill-formed ones: the overlong C0 AF as "/", and F4 90 80 80 (above U+10FFFF) as two
 * surrogates. A NUL byte is refused too: JSON text never holds one, and Jackson takes it for a sign of UTF-16 or
 * UTF-32 and decodes the body as such.
 */
final class Utf8Validator {

    private long offset;
    private long sequenceStart;
    private final StringBuilder sequence = new StringBuilder();
    private int lead;
    /** Continuation bytes still expected, and the range the next one must be in. */
    private int remaining;
    private int low;
    private int high;

    /** Takes the next byte (0–255) of the body. */
    void accept(int b) throws MalformedBodyException {
        if (remaining > 0) {
            continueSequence(b);
        } else {
            startSequence(b);
        }
        offset++;
    }

    /** The body has ended. */
    void end() throws MalformedBodyException {
        if (remaining > 0) {
            throw malformed("the sequence at offset " + sequenceStart + " (" + sequence
                    + ") is cut short by the end of the body");
        }
    }

    private void startSequence(int b) throws MalformedBodyException {
        if (b == 0) {
            throw malformed("a NUL byte at offset " + offset + ", which JSON text never holds (a UTF-16 or UTF-32 "
                    + "body?)");
        }
        if (b < 0x80) {
            return;
        }
        if (b < 0xC0) {
            throw malformed("byte " + hex(b) + " at offset " + offset
                    + " is a continuation byte with no sequence to continue");
        }
        if (b >= 0xF8) {
            throw malformed("byte " + hex(b) + " at offset " + offset + " is never used in UTF-8");
        }
        sequenceStart = offset;
        sequence.setLength(0);
        sequence.append(hex(b));
        if (b < 0xC2) {
            throw malformed("the sequence at offset " + offset + " (" + sequence + " …) is an overlong encoding");
        }
        if (b >= 0xF5) {
            throw malformed("the sequence at offset " + offset + " (" + sequence
                    + " …) encodes a code point above U+10FFFF");
        }
        lead = b;
        remaining = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
        // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and code points above
        // U+10FFFF (F4).
        low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
    }

    private void continueSequence(int b) throws MalformedBodyException {
        if (b < 0x80 || b > 0xBF) {
            throw malformed("the sequence at offset " + sequenceStart + " (" + sequence + ") is cut short by byte "
                    + hex(b) + " at offset " + offset);
        }
        sequence.append(' ').append(hex(b));
        if (b < low || b > high) {
            String what = switch (lead) {
                case 0xE0, 0xF0 -> "is an overlong encoding";
                case 0xED -> "encodes a surrogate (U+D800–U+DFFF), which UTF-8 never holds";
                default -> "encodes a code point above U+10FFFF";
            };
            throw malformed("the sequence at offset " + sequenceStart + " (" + sequence + " …) " + what);
        }
        remaining--;
        low = 0x80;
        high = 0xBF;
    }

    private static String hex(int b) {
        return "0x" + Character.toUpperCase(Character.forDigit(b >> 4, 16))
                + Character.toUpperCase(Character.forDigit(b & 0xF, 16));
    }

    private static MalformedBodyException malformed(String problem) {
        return new MalformedBodyException("the body is not valid UTF-8: " + problem);
    }
}
