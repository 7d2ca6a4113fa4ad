package org.parley.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Canonical JSON (RFC 8785, as {@link CanonicalJson} writes it) written straight into UTF-8 bytes, for the texts
 * that are written once when a record changes and recomputed for every record when the audit log is verified.
 * Strings can come as Java strings or as the UTF-8 bytes a database column holds: escaping at byte level is the
 * same as escaping the characters, since every byte of a multi-byte UTF-8 sequence is 0x80 or above, and only ",
 * \ and characters below 0x20 are escaped. So the verifier hashes a row's text without decoding it. The caller
 * writes members in their canonical order; reusable with {@link #reset()}.
 */
public final class CanonicalJsonBytes {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int length;
    private MessageDigest digest;

    public CanonicalJsonBytes() {
        this(2048);
    }

    public CanonicalJsonBytes(int capacity) {
        buffer = new byte[capacity];
    }

    public CanonicalJsonBytes reset() {
        length = 0;
        return this;
    }

    public CanonicalJsonBytes ascii(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
        return this;
    }

    /** A member's name and the colon, {@code "name":}, as {@link #name(byte[])} takes it. Names are plain ASCII. */
    public static byte[] memberName(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /** A member's name and the colon, made by {@link #memberName(String)}. */
    public CanonicalJsonBytes name(byte[] memberName) {
        return bytes(memberName);
    }

    /** Text that is already canonical JSON (or null), copied as it is. */
    public CanonicalJsonBytes raw(byte[] json) {
        if (json == null) {
            return bytes(NULL);
        }
        return bytes(json);
    }

    public CanonicalJsonBytes raw(String json) {
        return raw(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public CanonicalJsonBytes number(long value) {
        return ascii(Long.toString(value));
    }

    public CanonicalJsonBytes number(Long value) {
        return value == null ? bytes(NULL) : number(value.longValue());
    }

    public CanonicalJsonBytes bool(boolean value) {
        return bytes(value ? TRUE : FALSE);
    }

    /** A string value, or null. */
    public CanonicalJsonBytes string(String value) {
        return string(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** A string value given as its UTF-8 bytes, or null. */
    public CanonicalJsonBytes string(byte[] utf8) {
        return utf8 == null ? bytes(NULL) : string(utf8, 0, utf8.length);
    }

    /** A string value given as UTF-8 bytes within {@code source}, or null where {@code length} is negative. */
    public CanonicalJsonBytes string(byte[] source, int from, int length) {
        if (length < 0) {
            return bytes(NULL);
        }
        ensure(length * 6 + 2);
        buffer[this.length++] = '"';
        int end = from + length;
        int plain = from;
        while (plain < end && !escaped(source[plain])) {
            plain++;
        }
        System.arraycopy(source, from, buffer, this.length, plain - from);
        this.length += plain - from;
        for (int i = plain; i < end; i++) {
            byte b = source[i];
            if (b == '"' || b == '\\') {
                buffer[this.length++] = '\\';
                buffer[this.length++] = b;
            } else if (b >= 0 && b < 0x20) {
                escapeControl(b);
            } else {
                buffer[this.length++] = b;
            }
        }
        buffer[this.length++] = '"';
        return this;
    }

    /** Text within {@code source} that is already canonical JSON, copied as it is; null where length is negative. */
    public CanonicalJsonBytes raw(byte[] source, int from, int length) {
        if (length < 0) {
            return bytes(NULL);
        }
        ensure(length);
        System.arraycopy(source, from, buffer, this.length, length);
        this.length += length;
        return this;
    }

    private static boolean escaped(byte b) {
        return b == '"' || b == '\\' || (b >= 0 && b < 0x20);
    }

    private void escapeControl(byte b) {
        buffer[length++] = '\\';
        switch (b) {
            case '\b' -> buffer[length++] = 'b';
            case '\f' -> buffer[length++] = 'f';
            case '\n' -> buffer[length++] = 'n';
            case '\r' -> buffer[length++] = 'r';
            case '\t' -> buffer[length++] = 't';
            default -> {
                buffer[length++] = 'u';
                buffer[length++] = '0';
                buffer[length++] = '0';
                buffer[length++] = HEX[b >> 4];
                buffer[length++] = HEX[b & 0xf];
            }
        }
    }

    /** A date as a JSON string in ISO form ({@link LocalDate#toString()}), or null. */
    public CanonicalJsonBytes date(LocalDate date) {
        if (date == null) {
            return bytes(NULL);
        }
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return string(date.toString()); // a sign or a fifth digit: rare enough for the general way
        }
        ensure(12);
        buffer[length++] = '"';
        digits(year, 4);
        buffer[length++] = '-';
        digits(date.getMonthValue(), 2);
        buffer[length++] = '-';
        digits(date.getDayOfMonth(), 2);
        buffer[length++] = '"';
        return this;
    }

    /**
     * An instant as a JSON string in the form {@link Instant#toString()} gives (UTC, seconds always, a fraction of
     * 3, 6 or 9 digits only where needed), or null. The verifier writes one per entry.
     */
    public CanonicalJsonBytes instant(Instant instant) {
        if (instant == null) {
            return bytes(NULL);
        }
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return string(instant.toString()); // a sign or a fifth digit: rare enough for the general way
        }
        ensure(32);
        buffer[length++] = '"';
        digits(date.getYear(), 4);
        buffer[length++] = '-';
        digits(date.getMonthValue(), 2);
        buffer[length++] = '-';
        digits(date.getDayOfMonth(), 2);
        buffer[length++] = 'T';
        digits(secondOfDay / 3600, 2);
        buffer[length++] = ':';
        digits(secondOfDay / 60 % 60, 2);
        buffer[length++] = ':';
        digits(secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            buffer[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(nanos / 1_000, 6);
            } else {
                digits(nanos, 9);
            }
        }
        buffer[length++] = 'Z';
        buffer[length++] = '"';
        return this;
    }

    private void digits(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += count;
    }

    /** Bytes as a JSON string of lowercase hexadecimal digits, or null. */
    public CanonicalJsonBytes hex(byte[] bytes) {
        if (bytes == null) {
            return bytes(NULL);
        }
        ensure(bytes.length * 2 + 2);
        buffer[length++] = '"';
        for (byte b : bytes) {
            buffer[length++] = HEX[(b >> 4) & 0xf];
            buffer[length++] = HEX[b & 0xf];
        }
        buffer[length++] = '"';
        return this;
    }

    /** Feeds what was written to a digest. */
    public void update(MessageDigest digest) {
        digest.update(buffer, 0, length);
    }

    /** SHA-256 of what was written. */
    public byte[] sha256() {
        if (digest == null) {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
        digest.update(buffer, 0, length);
        return digest.digest();
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buffer, length);
    }

    @Override
    public String toString() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private CanonicalJsonBytes ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    private CanonicalJsonBytes bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
