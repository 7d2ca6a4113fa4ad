package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the name library's parsers of outside text: the normaliser, the keys and search keys, and dates of
 * birth. Under {@code ./mvnw verify} each runs its regression inputs (the files under
 * {@code src/test/resources/org/parley/names/NamesFuzzTestInputs/}); a long run is in bench/README.md. Whatever the
 * text, nothing may throw but a date's {@link IllegalArgumentException}, and a normalised name is stable.
 */
class NamesFuzzTest {

    @FuzzTest
    void normaliserAndKeysTakeAnyText(FuzzedDataProvider data) {
        String surname = data.consumeString(200);
        String givenName = data.consumeString(200);
        String patronymic = data.consumeRemainingAsString();
        String normalized = NameNormalizer.normalize(surname);
        assertThat(NameNormalizer.normalize(normalized)).isEqualTo(normalized);
        MatchKey.of(surname);
        MatchKey.words(givenName);
        SearchKeys.ofPerson(surname, givenName, patronymic);
        SearchKeys.ofQueryWord(patronymic);
    }

    @FuzzTest
    void birthDatesAreParsedOrRefusedWithAReason(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            BirthDate.parse(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
