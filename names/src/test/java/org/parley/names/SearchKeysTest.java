package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchKeysTest {

    private static boolean finds(String query, String surname, String given, String patronymic) {
        Set<String> person = SearchKeys.ofPerson(surname, given, patronymic);
        for (String word : query.split("\\s+")) {
            if (SearchKeys.ofQueryWord(word).stream().noneMatch(person::contains)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void findsAcrossScriptsLanguagesAndOrder() {
        assertThat(finds("Aleksandr Kovalenko", "Коваленко", "Олександр", "Сергійович")).isTrue();
        assertThat(finds("Коваленко Олександр", "Коваленко", "Олександр", null)).isTrue();
        assertThat(finds("Александр Сергеевич", "Коваленко", "Олександр", "Сергійович")).isTrue();
        assertThat(finds("Kovalenko Andrii", "Коваленко", "Олександр", "Сергійович")).isFalse();
        assertThat(finds("Shcherbakov", "Щербак", "Іван", null)).isFalse();
        assertThat(finds("Петрова", "Петров", "Іван", null)).isTrue();
    }

    @Test
    void formatCharactersNeitherHideNorSplitAName() {
        assertThat(SearchKeys.ofPerson("Шев\u200Bчук", "Оле\u200Dксандр", null))
                .isEqualTo(SearchKeys.ofPerson("Шевчук", "Олександр", null));
        assertThat(finds("Шевчук", "Шев\u200Bчук", null, null)).isTrue();
        assertThat(finds("Shevchuk", "Шев\u200Dчук", null, null)).isTrue();
        assertThat(finds("Шев\u2060чук", "Шевчук", null, null)).isTrue();
        assertThat(SearchKeys.ofQueryWord("Шев\u200Bчук")).isEqualTo(SearchKeys.ofQueryWord("Шевчук"));
    }
}
