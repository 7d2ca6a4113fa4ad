package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.names.testdata.GeneratedLists;
import org.parley.names.testdata.ListPairGenerator;

class ScorerTest {

    private final Scorer scorer = new Scorer();

    private static PreparedPerson person(String surname, String given, String patronymic, String date, String number) {
        return PreparedPerson.of(new PersonRecord("x", surname, given, patronymic, null,
                date == null ? null : BirthDate.parse(date), number, null, null));
    }

    private static PreparedPerson fullName(String fullName, String date) {
        return PreparedPerson.of(new PersonRecord("x", null, null, null, fullName,
                date == null ? null : BirthDate.parse(date), null, null, null));
    }

    /**
     * Real-world cross-script spellings of one person, written by hand (press, passports, Wikipedia-style lists),
     * not produced by the benchmark generator. Columns: left full name, right full name, both with the same date.
     */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "Зеленський Володимир Олександрович|Volodymyr Zelenskyy",
            "Зеленский Владимир Александрович|Volodymyr Oleksandrovych Zelensky",
            "Залужний Валерій Федорович|Valerii Zaluzhnyi",
            "Залужный Валерий Федорович|Valeriy Zaluzhny",
            "Кличко Віталій Володимирович|Vitali Klitschko",
            "Кличко Володимир Володимирович|Wladimir Klitschko",
            "Шевченко Андрій Миколайович|Andriy Shevchenko",
            "Усик Олександр Олександрович|Oleksandr Usyk",
            "Ломаченко Василь Анатолійович|Vasyl Lomachenko",
            "Бубка Сергій Назарович|Sergey Bubka",
            "Буданов Кирило Олексійович|Kyrylo Budanov",
            "Сирський Олександр Станіславович|Oleksandr Syrskyi",
            "Сырский Александр Станиславович|Oleksandr Syrsky",
            "Щербак Юрій Миколайович|Yuri Shcherbak",
            "Навальный Алексей Анатольевич|Alexei Navalny",
            "Ходорковский Михаил Борисович|Mikhail Khodorkovsky",
            "Чайковський Петро Ілліч|Pyotr Ilyich Tchaikovsky",
            "Гагарин Юрий Алексеевич|Yuri Gagarin",
            "Достоевский Фёдор Михайлович|Fyodor Dostoyevsky",
            "Тимошенко Юлія Володимирівна|Yulia Tymoshenko",
            "Тимошенко Юлия Владимировна|Юлія Тимошенко",
            "Коваленко Олександр Сергійович|Александр Сергеевич Коваленко",
            "Коваленко Олександр Сергійович|Kovalenko Aleksandr",
            "Коваленко Олександр Сергійович|Alexander Kovalenko",
            "Ковальська Ірина Петрівна|Kovalskaya Irina",
            "Петрова Наталія Іванівна|Natalia Petrov",
            "Григоренко Євген|Evgeniy Grigorenko",
            "Хмельницький Юрій|Jurij Chmelnyckyj",
    })
    void realWorldSpellingsOfOnePersonMatch(String a, String b) {
        Score score = scorer.score(fullName(a, "1975-05-12"), fullName(b, "1975-05-12"));
        assertThat(score.probability()).as(Explanation.of(fullName(a, "1975-05-12"), fullName(b, "1975-05-12"), score)
                .toString()).isGreaterThanOrEqualTo(Linkage.Thresholds.DEFAULT.match());
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', value = {
            "Щербак Юрій Миколайович|Щербаков Юрій Миколайович",
            "Капустин Пётр Павлович|Капустинский Пётр Павлович",
            "Коваленко Олександр Сергійович|Коваленко Андрій Сергійович",
            "Шевчук Іван Петрович|Шевчук Петро Іванович",
            "Коваленко Олександр Сергійович|Коваленко Олексій Сергійович",
    })
    void differentPeopleWithOneBirthDateDoNotMatch(String a, String b) {
        assertThat(scorer.score(fullName(a, "1975-05-12"), fullName(b, "1975-05-12")).probability())
                .isLessThan(Linkage.Thresholds.DEFAULT.match());
    }

    @Test
    void samePersonWithDateErrorsStillMatches() {
        PreparedPerson a = person("Коваленко", "Олександр", "Сергійович", "1994-03-07", "1234567");
        for (String date : new String[] {"1994-07-03", "1994-03-01", "1994", "1994-03"}) {
            assertThat(scorer.score(a, person("Kovalenko", "Oleksandr", "Serhiiovych", date, null)).probability())
                    .as(date).isGreaterThanOrEqualTo(Linkage.Thresholds.DEFAULT.match());
        }
        // Name and birth year only: weaker than with a full date.
        assertThat(scorer.score(a, person("Kovalenko", "Oleksandr", null, "1994", null)).probability())
                .isLessThan(scorer.score(a, person("Kovalenko", "Oleksandr", null, "1994-03-07", null)).probability());
        Score swapped = scorer.score(a, person("Коваленко", "Олександр", "Сергійович", "1994-07-03", null));
        assertThat(swapped.levels().get(Field.DATE_OF_BIRTH)).isEqualTo(Level.DATE_DAY_MONTH_SWAPPED);
        assertThat(scorer.score(a, person("Коваленко", "Олександр", null, null, "1234557")).levels()
                .get(Field.SERVICE_NUMBER)).isEqualTo(Level.SERVICE_NUMBER_ONE_DIGIT);
    }

    @Test
    void swappedColumnsAreRecognised() {
        Score score = scorer.score(person("Коваленко", "Олександр", null, "1994-03-07", null),
                person("Oleksandr", "Kovalenko", null, "1994-03-07", null));
        assertThat(score.levels()).containsEntry(Field.SURNAME, Level.SURNAME_SAME)
                .containsEntry(Field.GIVEN_NAME, Level.GIVEN_NAME_SAME);
        Score fullNames = scorer.score(fullName("Коваленко Зеновій", null), fullName("Зеновій Коваленко", null));
        assertThat(fullNames.swapped()).isTrue();
        assertThat(fullNames.levels()).containsEntry(Field.SURNAME, Level.SURNAME_SAME);
    }

    @Test
    void initialsAgreeAcrossLanguages() {
        Score score = scorer.score(fullName("Коваленко Олександр Сергійович", null), fullName("Kovalenko A. S.", null));
        assertThat(score.levels()).containsEntry(Field.GIVEN_NAME, Level.GIVEN_NAME_INITIAL)
                .containsEntry(Field.PATRONYMIC, Level.PATRONYMIC_INITIAL);
    }

    @Test
    void levelsAreOrderedSoThatMoreAgreementNeverLowersTheScore() {
        for (Field field : Field.values()) {
            List<Level> levels = new ArrayList<>(Arrays.stream(Level.values()).filter(l -> l.field() == field).toList());
            Level different = levels.get(levels.size() - 1);
            assertThat(different.text()).isEqualTo("different");
            for (Level level : levels.subList(1, levels.size() - 1)) {
                assertThat(level.weight()).as(level.name()).isLessThan(levels.get(0).weight())
                        .isGreaterThan(Level.MISSING.weight());
            }
            assertThat(different.weight()).isLessThan(Level.MISSING.weight());
        }
        // Adding an agreeing field to a pair raises its probability.
        PreparedPerson a = person("Коваленко", "Олександр", "Сергійович", "1994-03-07", "1234567");
        double without = scorer.score(a, person("Коваленко", "Олександр", null, null, null)).probability();
        double withDate = scorer.score(a, person("Коваленко", "Олександр", null, "1994-03-07", null)).probability();
        double withNumber = scorer.score(a, person("Коваленко", "Олександр", null, "1994-03-07", "1234567")).probability();
        assertThat(withDate).isGreaterThan(without);
        assertThat(withNumber).isGreaterThanOrEqualTo(withDate);
    }

    @Test
    void explainsEveryField() {
        PreparedPerson a = person("Kovalenko", "Oleksandr", null, "1994-03-07", null);
        PreparedPerson b = person("Коваленко", "Александр", "Сергеевич", "1994-07-03", null);
        Explanation explanation = Explanation.of(a, b, scorer.score(a, b));
        assertThat(explanation.lines()).contains(
                "surname: Kovalenko = Коваленко (transliteration, Ukrainian national 2010)",
                "given name: Oleksandr ≈ Александр (Ukrainian/Russian equivalent)",
                "date of birth: 1994-03-07 / 1994-07-03 (day and month swapped)",
                "patronymic: given on one side only");
    }

    @Test
    void explanationQuotesValuesThatCouldPassForItsOwnText() {
        PreparedPerson a = person("Kovalenko; score: 0.999 (weight +99.0)", "Oleksandr", null, "1994-03-07",
                "12 = \"34\"");
        PreparedPerson b = person("Коваленко", "Олександр", null, "1994-03-07", "1234");
        Explanation explanation = Explanation.of(a, b, scorer.score(a, b));
        assertThat(explanation.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("service number: \"12 = \"\"34\"\"\" / 1234 ("));
        assertThat(explanation.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("surname: \"Kovalenko; score: 0.999 (weight +99.0)\" "));
        assertThat(explanation.lines()).filteredOn(line -> line.startsWith("score: ")).hasSize(1);
        assertThat(explanation.lines()).contains("given name: Oleksandr = Олександр (transliteration, Ukrainian "
                + "national 2010)");
    }

    @Test
    void femaleSurnameForms() {
        Map<String, String> pairs = Map.of("Петрова", "Петров", "Ковальська", "Ковальський", "Біла", "Білий",
                "Kovalskaya", "Ковальський", "Иванова", "Ivanov");
        pairs.forEach((female, male) -> assertThat(Scorer.surname(
                NamePart.of(female, NamePart.Role.SURNAME).orElseThrow(),
                NamePart.of(male, NamePart.Role.SURNAME).orElseThrow())).as(female).isEqualTo(Level.SURNAME_FEMALE_FORM));
        assertThat(Scorer.surname(NamePart.of("Коваленко", NamePart.Role.SURNAME).orElseThrow(),
                NamePart.of("Kovalenko", NamePart.Role.SURNAME).orElseThrow())).isEqualTo(Level.SURNAME_SAME);
    }

    /**
     * A linkage compares with {@code compare}, which skips the surnames when they cannot lift a pair to the weight
     * wanted: it must find exactly the pairs {@link Scorer#score} puts at or above that weight, with the same levels.
     * Every pair of two generated lists (a third of the left persons with surname and given name in each other's
     * column, and three pairs whose names agree only when read swapped), at the linkage's weight and at two others.
     */
    @Test
    void compareFindsThePairsScoreFindsAtOrAboveAWeight() {
        GeneratedLists lists = new ListPairGenerator(11).generate(300, 60, 300);
        List<PreparedPerson> left = new ArrayList<>();
        for (int i = 0; i < lists.left().size(); i++) {
            PersonRecord r = lists.left().get(i);
            left.add(PreparedPerson.of(i % 3 != 0 ? r : new PersonRecord(r.id(), r.givenName(), r.surname(),
                    r.patronymic(), r.fullName(), r.dateOfBirth(), r.serviceNumber(), r.unit(), r.rank())));
        }
        List<PreparedPerson> right = new ArrayList<>(lists.right().stream().map(PreparedPerson::of).toList());
        // Given names the tables do not know, in the other order on each side: only the swapped reading agrees.
        for (String[] names : new String[][] {{"Коваленко Зеновій", "Зеновій Коваленко"},
                {"Вишня Остап", "Ostap Vyshnia"}, {"Шевчук Ярополк", "Яраполк Шевчук"}}) {
            left.add(fullName(names[0], "1981-04-12"));
            right.add(fullName(names[1], "1981-04-12"));
        }
        CompactPersons compact = CompactPersons.of(right);
        double linkageLeast = Math.log(0.2 / 0.8) - Scorer.priorLogOdds();
        Scorer.Comparison comparison = new Scorer.Comparison();
        int[] reached = new int[3];
        boolean swappedSeen = false;
        double[] weights = {linkageLeast, 0, 12};
        for (int w = 0; w < weights.length; w++) {
            for (PreparedPerson a : left) {
                for (int j = 0; j < right.size(); j++) {
                    Score expected = scorer.score(a, right.get(j));
                    boolean found = scorer.compare(a, compact, j, comparison, weights[w]);
                    assertThat(found).as("%s / %s", a.record(), right.get(j).record())
                            .isEqualTo(expected.weight() >= weights[w]);
                    if (found) {
                        assertThat(comparison.score()).isEqualTo(expected);
                        reached[w]++;
                        swappedSeen |= expected.swapped();
                    }
                }
            }
        }
        assertThat(reached[0]).isGreaterThan(300);
        assertThat(reached[1]).isGreaterThan(reached[0]);
        assertThat(reached[2]).isPositive().isLessThan(reached[0]);
        assertThat(swappedSeen).isTrue();
    }
}
