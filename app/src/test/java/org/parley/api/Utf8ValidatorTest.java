package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The validator agrees with the JDK's strict UTF-8 decoder on every byte sequence tried, NUL bytes aside. */
class Utf8ValidatorTest {

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean validates(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        try {
            for (byte b : bytes) {
                validator.accept(b & 0xFF);
            }
            validator.end();
            return true;
        } catch (MalformedBodyException e) {
            return false;
        }
    }

    /** Bytes at the edges of every range of UTF-8's table of well-formed sequences, and an ASCII letter. */
    private static final int[] EDGES = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};

    @Test
    void agreesWithTheJdkOnEveryByteBeforeOrAfterAnEdgeByte() {
        for (int any = 1; any < 256; any++) {
            for (int edge : EDGES) {
                assertAgree((byte) any, (byte) edge);
                assertAgree((byte) edge, (byte) any);
            }
        }
    }

    @Test
    void agreesWithTheJdkOnThreeAndFourByteSequencesOfEdgeBytes() {
        for (int first : EDGES) {
            for (int second : EDGES) {
                for (int third : EDGES) {
                    assertAgree((byte) first, (byte) second, (byte) third);
                    if (first >= 0xF0 && first <= 0xF4) {
                        for (int fourth : new int[] {0x41, 0x80, 0xBF, 0xC0}) {
                            assertAgree((byte) first, (byte) second, (byte) third, (byte) fourth);
                        }
                    }
                }
            }
        }
    }

    private static void assertAgree(byte... bytes) {
        if (validates(bytes) != jdkDecodes(bytes)) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("%02X ", b));
            }
            throw new AssertionError("the validator and the JDK disagree on " + hex);
        }
    }

    @Test
    void namesTheProblemAndWhereItIs() {
        assertThatThrownBy(() -> validate("ab", 0xC0, 0xAF)).hasMessage(
                "the body is not valid UTF-8: the sequence at offset 2 (0xC0 …) is an overlong encoding");
        assertThatThrownBy(() -> validate("", 0xED, 0xA0, 0x80)).hasMessage("the body is not valid UTF-8: the "
                + "sequence at offset 0 (0xED 0xA0 …) encodes a surrogate (U+D800–U+DFFF), which UTF-8 never holds");
        assertThatThrownBy(() -> validate("x", 0xE2, 0x82, 0x41)).hasMessage("the body is not valid UTF-8: the "
                + "sequence at offset 1 (0xE2 0x82) is cut short by byte 0x41 at offset 3");
        assertThatThrownBy(() -> validate("x", 0xF0, 0x9F)).hasMessage("the body is not valid UTF-8: the "
                + "sequence at offset 1 (0xF0 0x9F) is cut short by the end of the body");
        assertThatThrownBy(() -> validate("{", 0x00)).hasMessageContaining("a NUL byte at offset 1");
    }

    private static void validate(String ascii, int... bytes) throws MalformedBodyException {
        Utf8Validator validator = new Utf8Validator();
        for (char c : ascii.toCharArray()) {
            validator.accept(c);
        }
        for (int b : bytes) {
            validator.accept(b);
        }
        validator.end();
    }
}
