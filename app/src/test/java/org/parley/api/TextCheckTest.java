package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.api.TextCheck.Kind;

/** The rules of {@link TextCheck}, field kind by field kind; the API tests send the same through HTTP. */
class TextCheckTest {

    private static String kept(String text, Kind kind) {
        TextCheck.Result result = TextCheck.check(text, kind);
        assertThat(result.problem()).as(text).isNull();
        return result.text();
    }

    private static String problem(String text, Kind kind) {
        TextCheck.Result result = TextCheck.check(text, kind);
        assertThat(result.text()).as(text).isNull();
        return result.problem();
    }

    @Test
    void namesLoseInvisibleCharactersAndSurroundingWhiteSpaceOnly() {
        assertThat(kept("Шев\u200Bчук", Kind.NAME)).isEqualTo("Шевчук");
        assertThat(kept("Ko\u00ADva\u2060len\u200Bko", Kind.NAME)).isEqualTo("Kovalenko");
        assertThat(kept("\uFEFF\u00A0 Шевчук\u3000\n", Kind.NAME)).isEqualTo("Шевчук");
        assertThat(kept("\u200B \u200B", Kind.NAME)).isEmpty();
        assertThat(kept("де ла Крус-О\u2019Ніл", Kind.NAME)).isEqualTo("де ла Крус-О\u2019Ніл");
        assertThat(kept("Ни\u0306л", Kind.NAME)).as("not normalised").isEqualTo("Ни\u0306л");
        assertThat(kept("\u0915\u094D\u200D\u0937", Kind.NAME)).as("joiners stay").isEqualTo("\u0915\u094D\u200D\u0937");
        assertThat(kept("\u05DB\u05D4\u05DF\u200F", Kind.NAME)).as("direction marks stay").endsWith("\u200F");
    }

    @Test
    void otherTextKeepsInvisibleCharacters() {
        assertThat(kept(" Ав\u200Bдіївка ", Kind.LINE)).isEqualTo("Ав\u200Bдіївка");
        assertThat(kept("Рана.\r\n\tПеревʼязка.", Kind.MULTI_LINE)).isEqualTo("Рана.\r\n\tПеревʼязка.");
    }

    @Test
    void refusalsNameTheCharacterItsKindAndWhereItIs() {
        assertThat(problem("Шев\u202Eчук", Kind.NAME))
                .isEqualTo("contains U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional formatting character, at character 4");
        assertThat(problem("  Шев\uD800чук", Kind.MULTI_LINE))
                .isEqualTo("contains U+D800, an unpaired surrogate, at character 6");
        assertThat(problem("сол\nдат", Kind.LINE))
                .isEqualTo("contains U+000A, a line break, at character 4: this field is one line");
        assertThat(problem("a\u0007", Kind.MULTI_LINE)).isEqualTo("contains U+0007, a control character, at character 2");
        assertThat(problem("a\uFEFFb", Kind.LINE)).contains("byte order mark inside the text");
        assertThat(problem("a\uDB40\uDC41", Kind.NAME)).startsWith("contains U+E0041 TAG LATIN CAPITAL LETTER A, a tag");
        assertThat(problem("a\uFDD0", Kind.NAME)).startsWith("contains U+FDD0, a noncharacter");
        assertThat(problem("a\u2028b", Kind.MULTI_LINE)).startsWith("contains U+2028 LINE SEPARATOR, a line separator");
        assertThat(problem("a\uE000", Kind.NAME)).startsWith("contains U+E000, a private-use character");
        assertThat(problem("a\u0378", Kind.NAME)).startsWith("contains U+0378, an unassigned code point");
        assertThat(problem("a\u206Ab", Kind.NAME)).contains("a deprecated format character");
        assertThat(problem("a\uFFF9b", Kind.NAME)).contains("an interlinear annotation character");
    }
}
