package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    private final PersonNames names = new PersonNames();

    @Test
    void aUkrainianNameIsSpelledUnderKmu2010() {
        assertThat(names.latin("Шевченко Олександр Петрович", "uk")).isEqualTo("Shevchenko Oleksandr Petrovych");
        assertThat(names.latin("Щербак Юрій", null)).isEqualTo("Shcherbak Yurii");
    }

    @Test
    void aRussianNameIsSpelledAsInAPassportUnderIcao9303() {
        assertThat(names.latin("Алексеев Андрей Геннадьевич", "ru")).isEqualTo("Alekseev Andrei Gennadevich");
        assertThat(names.latin("Иванов Иван Иванович", "ru")).isEqualTo("Ivanov Ivan Ivanovich");
    }

    @Test
    void aNameInLatinLettersGetsNoSecondSpelling() {
        assertThat(names.latin("John Smith", "en")).isNull();
        assertThat(names.latin("  ", "uk")).isNull();
        assertThat(names.latin(null, "uk")).isNull();
    }
}
