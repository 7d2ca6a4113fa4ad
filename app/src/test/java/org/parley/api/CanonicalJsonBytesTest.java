package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte writer gives the same text as {@link CanonicalJson}, whether a string comes as Java text or as bytes. */
class CanonicalJsonBytesTest {

    private static final List<String> TEXTS = List.of("", "Коваленко", "O'Neil \"Jack\"", "back\\slash", "tab\there",
            "line\nbreak\r\n", "\u0000\u0001\u001f\u007f", "ё and ї", "𝓐 emoji 🙂", "</script>", "a\bb\fc");

    @Test
    void stringsAreEscapedAsCanonicalJsonDoes() {
        for (String text : TEXTS) {
            StringBuilder expected = new StringBuilder();
            CanonicalJson.string(expected, text);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] padded = new byte[utf8.length + 4];
            System.arraycopy(utf8, 0, padded, 2, utf8.length);
            assertThat(new CanonicalJsonBytes().string(text).toString()).as(text).isEqualTo(expected.toString());
            assertThat(new CanonicalJsonBytes().string(utf8).toString()).as(text).isEqualTo(expected.toString());
            assertThat(new CanonicalJsonBytes(1).string(padded, 2, utf8.length).toString()).as(text)
                    .isEqualTo(expected.toString());
        }
    }

    @Test
    void membersNumbersNullsAndHashes() {
        CanonicalJsonBytes out = new CanonicalJsonBytes(4).ascii('{').name(CanonicalJsonBytes.memberName("a"))
                .number(-12L).ascii(',').name(CanonicalJsonBytes.memberName("b")).string((String) null).ascii(',')
                .name(CanonicalJsonBytes.memberName("c")).bool(true).ascii(',')
                .name(CanonicalJsonBytes.memberName("d")).hex(new byte[] {0, (byte) 0xab, 0x7f}).ascii(',')
                .name(CanonicalJsonBytes.memberName("e")).raw("{\"x\":[1]}").ascii(',')
                .name(CanonicalJsonBytes.memberName("f")).number((Long) null).ascii('}');
        assertThat(out.toString()).isEqualTo("{\"a\":-12,\"b\":null,\"c\":true,\"d\":\"00ab7f\",\"e\":{\"x\":[1]},"
                + "\"f\":null}");
        assertThat(out.sha256()).isEqualTo(sha256(out.toString()));
        assertThat(out.reset().string("x").toString()).isEqualTo("\"x\"");
    }

    @Test
    void datesAreWrittenAsLocalDateWritesThem() {
        for (LocalDate date : List.of(LocalDate.of(2024, 2, 29), LocalDate.of(0, 1, 1),
                LocalDate.of(999, 12, 31), LocalDate.of(9999, 12, 31),
                LocalDate.of(10000, 1, 1), LocalDate.of(-5, 6, 7))) {
            assertThat(new CanonicalJsonBytes(2).date(date).toString()).isEqualTo("\"" + date + "\"");
        }
        assertThat(new CanonicalJsonBytes().date(null).toString()).isEqualTo("null");
    }

    @Test
    void instantsAreWrittenAsInstantWritesThem() {
        Random random = new Random(2026);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH,
                Instant.parse("2026-11-25T06:40:00Z"), Instant.parse("2026-11-25T06:40:00.120Z"),
                Instant.parse("2026-11-25T06:40:00.123450Z"),
                Instant.parse("1999-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59.5Z")));
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong(-70_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant instant : instants) {
            assertThat(new CanonicalJsonBytes(1).instant(instant).toString()).isEqualTo("\"" + instant + "\"");
        }
        assertThat(new CanonicalJsonBytes().instant(null).toString()).isEqualTo("null");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
