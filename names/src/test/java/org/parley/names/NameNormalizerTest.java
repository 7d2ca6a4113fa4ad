package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Андрій|андрій",
            "АНДРІЙ|андрій",
            "Андрiй|андрій", // Latin i inside a Cyrillic word
            "AНДPIЙ|андрій", // Latin A, P and I
            "Мар'яна|маряна",
            "Марʼяна|маряна",
            "Мар’яна|маряна",
            "Мар`яна|маряна",
            "Мар´яна|маряна",
            "Марʹяна|маряна",
            "Мар″яна|маряна",
            "Kovalenkomkht·s|kovalenkomkhts",
            "Ivаnov|ivanov", // Cyrillic а inside a Latin word
            "Семён|семен",
            "Їжак|їжак",
            "Йосип|йосип",
            "José Müller|jose muller",
            "Łukasz|lukasz",
            "  Петров  –  Водкин |петров-водкин",
            "Коваленко О. С.|коваленко о с",
            "ＫＯＶＡＬＥＮＫＯ|kovalenko",
    })
    void normalizes(String input, String expected) {
        assertThat(NameNormalizer.normalize(input)).isEqualTo(expected);
    }

    @Test
    void blankAndNullAreEmpty() {
        assertThat(NameNormalizer.normalize(null)).isEmpty();
        assertThat(NameNormalizer.normalize("  \t")).isEmpty();
        assertThat(NameNormalizer.normalize("'-'")).isEmpty();
    }

    /**
     * Format characters (general category Cf) are invisible and never part of a word: a zero-width space, soft
     * hyphen, word joiner or joiner inside a name must not split it or change its key.
     */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "00AD", "2060", "200C", "200D", "200E", "200F", "FEFF", "202E", "2066", "E0041"})
    void ignoresFormatCharacters(String hex) {
        String invisible = Character.toString(Integer.parseInt(hex, 16));
        assertThat(NameNormalizer.normalize("Шев" + invisible + "чук")).isEqualTo("шевчук");
        assertThat(NameNormalizer.normalize(invisible + "Kovalenko" + invisible)).isEqualTo("kovalenko");
        assertThat(NameNormalizer.normalize("Петров" + invisible + " Водкин")).isEqualTo("петров водкин");
        assertThat(NameNormalizer.normalize(invisible)).isEmpty();
    }

    @Test
    void keepsLettersThatDifferOnlyByTheirMarkApart() {
        assertThat(NameNormalizer.normalize("Ї")).isNotEqualTo(NameNormalizer.normalize("І"));
        assertThat(NameNormalizer.normalize("й")).isNotEqualTo(NameNormalizer.normalize("и"));
    }

    /** Found by NamesFuzzTest: the normal form changed when normalised again. */
    @Test
    void aLatinLetterWithADiacriticCountsAsTheLetterItBecomes() {
        assertThat(NameNormalizer.normalize("Шеőвенко")).isEqualTo("шеовенко");
        assertThat(NameNormalizer.normalize("Їжaк")).isEqualTo("їжак");
        assertThat(NameNormalizer.normalize("Шеőвенко")).isEqualTo(NameNormalizer.normalize("шеовенко"));
        // a mark kept on a Cyrillic letter goes when the word turns out Latin
        assertThat(NameNormalizer.normalize("Oneiк\u031F")).isEqualTo("oneik");
    }
}
