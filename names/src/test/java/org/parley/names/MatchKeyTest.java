package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real spellings of one name in every script and system share one key; different names do not. */
class MatchKeyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Юрій|Юрий|Yurii|Yuriy|Iurii|Jurij|Yuri|Ûrìj|Iurij",
            "Коваленко|Kovalenko|KOVALENKO|Ковaленко",
            "Щербак|Shcherbak|Ŝerbak|Szczerbak|Shtcherbak|Shcherbak",
            "Олександр|Oleksandr|OLEKSANDR",
            "Сергій|Serhii|Serhiy|Sergii|Serhij",
            "Сергей|Sergei|Sergey|Sergej",
            "Хмельницький|Khmelnytskyi|Khmelnytsky|Khmelnytskyy|Hmelʹnicʹkij",
            "Цой|Tsoi|Tsoy|Tzoi|Coj",
            "Зінченко|Zinchenko|Zintchenko",
            "Ярослав|Yaroslav|Iaroslav|Jaroslav",
            "Євген|Yevhen|Ievgen|Evgen",
            "Знам'янка|Znamianka|Znamyanka|Znamʼianka",
            "Фёдор|Федор|Fedor|Fyodor|Fiodor",
            "Маркіян|Markiian|Markiyan|Markijan",
            "Григорій|Hryhorii|Grigorii|Hryhoriy",
    })
    void spellingsShareAKey(String spellings) {
        List<String> forms = List.of(spellings.split("\\|"));
        String key = MatchKey.of(forms.get(0));
        for (String form : forms) {
            assertThat(MatchKey.of(form)).as(form).isEqualTo(key);
        }
    }

    @Test
    void formatCharactersInsideANameDoNotChangeItsKey() {
        assertThat(MatchKey.of("Шев\u200Bчук")).isEqualTo(MatchKey.of("Шевчук"));
        assertThat(MatchKey.words("Шев\u200Dчук")).containsExactly(MatchKey.of("Шевчук"));
        assertThat(MatchKey.of("Ko\u00ADva\u2060lenko")).isEqualTo(MatchKey.of("Коваленко"));
        assertThat(MatchKey.of("\u200B\u200B")).isEmpty();
    }

    @Test
    void differentNamesKeepDifferentKeys() {
        assertThat(MatchKey.of("Щербак")).isNotEqualTo(MatchKey.of("Щербаков"));
        assertThat(MatchKey.of("Іван")).isNotEqualTo(MatchKey.of("Ян"));
        assertThat(MatchKey.of("Олександр")).isNotEqualTo(MatchKey.of("Олексій"));
        assertThat(MatchKey.of("Sinchenko")).isNotEqualTo(MatchKey.of("Зінченко"));
    }

    @Test
    void keepsWordsApart() {
        assertThat(MatchKey.words("Петров-Водкін Кузьма")).containsExactly("petrov", "vodkin", "kuzma");
        assertThat(MatchKey.of("  ")).isEmpty();
        assertThat(MatchKey.of(null)).isEmpty();
    }
}
