package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GivenNamesTest {

    @ParameterizedTest(name = "{0} ≈ {1}")
    @CsvSource({"Олександр, Александр", "Олександр, Alexander", "Aleksandr, Oleksandr", "Сергій, Сергей",
            "Юрій, Iurii", "Микола, Николай", "Mykola, Nikolai", "Павло, Павел", "Петро, Пётр", "Петро, Peter",
            "Федір, Фёдор", "Фёдор, Fyodor", "Ганна, Анна", "Наталія, Наталья", "Олена, Елена", "Олена, Helen",
            "Євген, Евгений", "Yevhen, Evgeniy", "Кирило, Кирилл", "Ілля, Илья", "Тетяна, Татьяна"})
    void equivalentNames(String a, String b) {
        assertThat(GivenNames.table().find(a)).isPresent();
        assertThat(GivenNames.table().find(a)).isEqualTo(GivenNames.table().find(b));
    }

    @Test
    void differentNamesAreDifferentLines() {
        assertThat(GivenNames.table().find("Олександр")).isNotEqualTo(GivenNames.table().find("Олексій"));
        assertThat(GivenNames.table().find("Олександр")).isNotEqualTo(GivenNames.table().find("Олександра"));
        assertThat(GivenNames.table().find("Xyz")).isEmpty();
        assertThat(GivenNames.table().names()).hasSizeGreaterThan(100);
    }

    @Test
    void patronymicsFindTheFathersName() {
        GivenNames table = GivenNames.table();
        for (String patronymic : List.of("Сергійович", "Сергеевич", "Serhiiovych", "Sergeyevich", "Sergeevna")) {
            assertThat(Patronymics.father(MatchKey.of(patronymic), table)).as(patronymic)
                    .isEqualTo(table.find("Сергій"));
        }
        assertThat(Patronymics.father(MatchKey.of("Миколайович"), table)).isEqualTo(table.find("Микола"));
        assertThat(Patronymics.form("Сергій", Language.UKRAINIAN, GivenNames.Sex.MALE)).isEqualTo("Сергійович");
        assertThat(Patronymics.form("Сергей", Language.RUSSIAN, GivenNames.Sex.FEMALE)).isEqualTo("Сергеевна");
        assertThat(Patronymics.form("Юрий", Language.RUSSIAN, GivenNames.Sex.MALE)).isEqualTo("Юрьевич");
    }

    @Test
    void aFormInTwoLinesIsAnErrorInTheData() {
        assertThatThrownBy(() -> GivenNames.parse(List.of("m;Іван;Иван;", "m;Ян;Иван;")))
                .hasMessageContaining("Иван is also in the line of Іван");
    }
}
