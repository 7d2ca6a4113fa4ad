package org.parley.api;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ids the API and the pages show: opaque and unguessable, so that nobody learns from an id which other records
 * exist (internal keys are sequences: every id between two of one's own would otherwise be someone else's record).
 * A public id is one AES block — the internal key (8 bytes), the kind of record (1 byte), 7 zero bytes — encrypted
 * with this instance's key and written in the text form of a UUID. Decrypting a made-up id gives a block whose
 * kind and zero bytes do not check out (a chance of 2<sup>-64</sup> per guess), so it is simply not found.
 * The key is stored in the database (table {@code instance_secret}), so every server of one database and every
 * backup agree on the ids; it is never changed.
 */
@Component
public class PublicIds {

    /**
     * What a public id identifies: an id of one kind is not an id of another. Add kinds at the end only: the
     * ordinal is sealed in every id.
     */
    public enum Kind {
        PERSON("person"), EVENT("event"), STATEMENT("statement"), ORIGIN_CHANGE("origin change"), TOKEN("token"),
        EXCHANGE("exchange"), TRACING_REQUEST("tracing-request");

        private final String recordType;

        Kind(String recordType) {
            this.recordType = recordType;
        }

        public String recordType() {
            return recordType;
        }
    }

    private static final String KEY_NAME = "public-id-key";
    private static final Pattern FORM = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Longest text a refusal repeats of a made-up id. */
    private static final int MAX_ECHO = 64;

    private final SecretKeySpec key;
    private final ThreadLocal<Cipher> encrypt;
    private final ThreadLocal<Cipher> decrypt;

    PublicIds(JdbcClient jdbc) {
        byte[] fresh = new byte[16];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into instance_secret (name, value) values (:name, :value) on conflict (name) do nothing")
                .param("name", KEY_NAME).param("value", fresh).update();
        this.key = new SecretKeySpec(jdbc.sql("select value from instance_secret where name = :name")
                .param("name", KEY_NAME).query(byte[].class).single(), "AES");
        this.encrypt = ThreadLocal.withInitial(() -> cipher(Cipher.ENCRYPT_MODE));
        this.decrypt = ThreadLocal.withInitial(() -> cipher(Cipher.DECRYPT_MODE));
    }

    /** The public id of a record. */
    public String of(Kind kind, long id) {
        ByteBuffer block = ByteBuffer.allocate(16).putLong(id).put((byte) (kind.ordinal() + 1));
        byte[] sealed = run(encrypt.get(), block.array());
        String hex = HexFormat.of().formatHex(sealed);
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20);
    }

    /**
     * The internal key behind a public id of this kind.
     *
     * @throws NotFoundException for anything that is not one: a made-up id is not found, like a missing record
     */
    public long parse(Kind kind, String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw NotFoundException.of(kind.recordType(), echo(text));
        }
        ByteBuffer block = ByteBuffer.wrap(run(decrypt.get(), HexFormat.of().parseHex(text.replace("-", ""))));
        long id = block.getLong();
        boolean valid = id > 0 && block.get() == kind.ordinal() + 1;
        while (block.hasRemaining()) {
            valid &= block.get() == 0;
        }
        if (!valid) {
            throw NotFoundException.of(kind.recordType(), text);
        }
        return id;
    }

    private static String echo(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
        return shown.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? '?' : c).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private Cipher cipher(int mode) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(mode, key);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JVM", e);
        }
    }

    private static byte[] run(Cipher cipher, byte[] block) {
        try {
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed on one block", e);
        }
    }
}
