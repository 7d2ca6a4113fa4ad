package org.parley.interchange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The encoding of a CSV file, told from its first bytes: a byte order mark (UTF-8, UTF-16 LE or BE) decides; without
 * one, text that is valid UTF-8 is UTF-8, and text whose bytes above 127 are mostly Cyrillic letters of Windows-1251
 * is Windows-1251. Anything else is refused with the option to give ({@code --encoding}, the API's
 * {@code encoding}), since guessing among single-byte encodings would alter names silently.
 */
public record ImportEncoding(Charset charset, int bomLength, boolean detected) {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /** The encoding of a file starting with {@code head}; {@code given} (a name, or null) wins over detection. */
    public static ImportEncoding of(byte[] head, int length, String given) {
        int bom = bomLength(head, length);
        if (given != null && !given.isBlank()) {
            Charset charset = named(given.strip());
            return new ImportEncoding(charset, bom > 0 && bomCharset(head).equals(charset) ? bom : 0, false);
        }
        if (bom > 0) {
            return new ImportEncoding(bomCharset(head), bom, true);
        }
        int zeros = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                zeros++;
            }
        }
        if (zeros > length / 8) {
            throw new ImportFileException("the file looks like UTF-16 without a byte order mark: give its encoding "
                    + "(UTF-16LE or UTF-16BE), or save it as CSV UTF-8");
        }
        if (validUtf8(head, length)) {
            return new ImportEncoding(StandardCharsets.UTF_8, 0, true);
        }
        if (looksLikeWindows1251(head, length)) {
            return new ImportEncoding(WINDOWS_1251, 0, true);
        }
        throw new ImportFileException("the file is neither UTF-8 nor Windows-1251 Cyrillic: give its encoding "
                + "(e.g. windows-1251, koi8-u, iso-8859-5), or save it as CSV UTF-8");
    }

    static Charset named(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportFileException("encoding: '" + name + "' is not an encoding Parley knows (e.g. UTF-8, "
                    + "windows-1251, UTF-16LE)");
        }
    }

    private static int bomLength(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (n >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static Charset bomCharset(byte[] b) {
        return (b[0] & 0xFF) == 0xEF ? StandardCharsets.UTF_8
                : (b[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    /** Valid UTF-8, allowing a sequence cut off at the end of the sample. */
    private static boolean validUtf8(byte[] b, int n) {
        int end = n;
        // step back over a sequence the sample may have cut
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int lead = b[end - back] & 0xFF;
            if (lead >= 0xC0) {
                int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                if (needed > back) {
                    end -= back;
                }
                break;
            }
            if (lead < 0x80) {
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Most bytes above 127 are Cyrillic letters in Windows-1251 (А–я, and Ukrainian і ї є ґ, Russian ё), and more of
     * them small letters than capitals, as in names written normally: text in KOI8 or ISO-8859-5 has its small
     * letters where Windows-1251 has capitals.
     */
    private static boolean looksLikeWindows1251(byte[] b, int n) {
        int high = 0;
        int letters = 0;
        int small = 0;
        int capitals = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x80) {
                high++;
                small += c >= 0xE0 ? 1 : 0;
                capitals += c >= 0xC0 && c < 0xE0 ? 1 : 0;
                if (c >= 0xC0 || c == 0xA8 || c == 0xB8 || c == 0xAA || c == 0xBA || c == 0xAF || c == 0xBF
                        || c == 0xB2 || c == 0xB3 || c == 0xA5 || c == 0xB4) {
                    letters++;
                }
            }
        }
        return high > 0 && letters * 10 >= high * 9 && small > capitals;
    }

    /** The name to show ("UTF-8 with a byte order mark", "windows-1251"). */
    public String describe() {
        return charset.name() + (bomLength > 0 ? " with a byte order mark" : "");
    }
}
