package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransliterationTest {

    /** The examples of the table of KMU Resolution No. 55 of 27 January 2010. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Алушта, Alushta", "Андрій, Andrii", "Борщагівка, Borshchahivka", "Вінниця, Vinnytsia",
            "Гадяч, Hadiach", "Згурський, Zghurskyi", "Ґалаґан, Galagan", "Горгани, Horhany", "Дон, Don",
            "Рівне, Rivne", "Єнакієве, Yenakiieve", "Гаєвич, Haievych", "Житомир, Zhytomyr", "Закарпаття, Zakarpattia",
            "Медвин, Medvyn", "Іршава, Irshava", "Їжакевич, Yizhakevych", "Кадиївка, Kadyivka", "Йосипівка, Yosypivka",
            "Стрий, Stryi", "Олексій, Oleksii", "Київ, Kyiv", "Лебедин, Lebedyn", "Миргород, Myrhorod",
            "Ніжин, Nizhyn", "Одеса, Odesa", "Полтава, Poltava", "Ромни, Romny", "Суми, Sumy", "Тетерів, Teteriv",
            "Ужгород, Uzhhorod", "Фастів, Fastiv", "Харків, Kharkiv", "Біла Церква, Bila Tserkva",
            "Чернівці, Chernivtsi", "Шостка, Shostka", "Гоща, Hoshcha", "Юрій, Yurii", "Корюківка, Koriukivka",
            "Яготин, Yahotyn", "Ічня, Ichnia", "Знам'янка, Znamianka", "Розгон, Rozghon", "Щербухи, Shcherbukhy",
            "Короп'є, Koropie", "Жученко, Zhuchenko", "Сергій, Serhii", "Ярошенко, Yaroshenko"})
    void kmu2010(String cyrillic, String latin) {
        assertThat(Transliteration.toLatin(cyrillic, Standard.KMU_2010, Language.UKRAINIAN)).contains(latin);
    }

    /** ICAO Doc 9303 Part 3 table, as in Russian international passports. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Сергей, Sergei", "Юрий, Iurii", "Щербаков, Shcherbakov", "Ёлкин, Elkin", "Объедков, Obieedkov",
            "Ильич, Ilich", "Цветков, Tsvetkov", "Яковлев, Iakovlev", "Юлия, Iuliia", "Наталья, Natalia",
            "Дмитрий, Dmitrii", "Хабаров, Khabarov", "Эдуард, Eduard", "Рыжов, Ryzhov"})
    void icao9303(String cyrillic, String latin) {
        assertThat(Transliteration.toLatin(cyrillic, Standard.ICAO_9303, Language.RUSSIAN)).contains(latin);
    }

    @Test
    void icuStandards() {
        assertThat(Transliteration.toLatin("Сергій", Standard.BGN_PCGN, Language.UKRAINIAN)).contains("Serhiy");
        assertThat(Transliteration.toLatin("Сергей", Standard.BGN_PCGN, Language.RUSSIAN)).contains("Sergey");
        assertThat(Transliteration.toLatin("Щербак", Standard.ISO_9, Language.UKRAINIAN)).contains("Ŝerbak");
        assertThat(Transliteration.toLatin("Юрій", Standard.CONVENTIONAL, Language.UKRAINIAN)).contains("Yuriy");
        assertThat(Transliteration.toLatin("Сергей", Standard.CONVENTIONAL, Language.RUSSIAN)).contains("Sergey");
        assertThat(Transliteration.toLatin("Сергей", Standard.KMU_2010, Language.RUSSIAN)).isEmpty();
    }

    @Test
    void everyStandardReachesTheSameMatchKey() {
        for (String name : new String[] {"Олександр", "Юрій", "Щербаков", "Знам'янка", "Їжакевич", "Зінченко",
                "Григорій", "Ковальчук", "Євген", "Ярослав", "Тетяна", "В'ячеслав", "Хмельницький"}) {
            String key = MatchKey.of(name);
            Transliteration.allSpellings(name, Language.UKRAINIAN).forEach((standard, latin) ->
                    assertThat(MatchKey.of(latin)).as(standard + " " + latin).isEqualTo(key));
        }
        for (String name : new String[] {"Александр", "Юрий", "Щербаков", "Сергей", "Ёлкин", "Евгений", "Наталья",
                "Объедков", "Дмитрий", "Яковлев", "Хабаров", "Фёдор", "Вячеслав"}) {
            String key = MatchKey.of(name);
            Transliteration.allSpellings(name, Language.RUSSIAN).forEach((standard, latin) ->
                    assertThat(MatchKey.of(latin)).as(standard + " " + latin).isEqualTo(key));
        }
    }

    @Test
    void recognisesTheStandardOfASpelling() {
        assertThat(Transliteration.standardOf("Сергій", "Serhii")).contains(Standard.KMU_2010);
        assertThat(Transliteration.standardOf("Сергій", "Serhiy")).contains(Standard.BGN_PCGN);
        assertThat(Transliteration.standardOf("Сергей", "Sergei")).contains(Standard.ICAO_9303);
        assertThat(Transliteration.standardOf("Сергей", "Pavel")).isEmpty();
    }

    @Test
    void officialLatinFollowsTheNamesLanguage() {
        // KMU 55/2010 for Ukrainian (its published examples: Згорани → Zghorany, Юрій → Yurii), ICAO 9303 for Russian
        assertThat(Transliteration.official("Шевченко Сергій Юрійович", null)).isEqualTo("Shevchenko Serhii Yuriiovych");
        assertThat(Transliteration.official("Алексеев Андрей Геннадьевич", Language.RUSSIAN))
                .isEqualTo("Alekseev Andrei Gennadevich");
        assertThat(Transliteration.official("Ёлкин Пётр", null)).isEqualTo("Elkin Petr");
        assertThat(Transliteration.official("Иванов Иван", Language.RUSSIAN)).isEqualTo("Ivanov Ivan");
        assertThat(Transliteration.official("Иванов Иван", Language.UKRAINIAN)).isEqualTo("Yvanov Yvan");
        assertThat(Transliteration.official("Smith John", Language.RUSSIAN)).isEqualTo("Smith John");
        assertThat(Transliteration.official(null, null)).isNull();
    }

    /** The official spelling is made (and remembered) word by word: it must be the whole name's spelling. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Юрченко Євген Юрійович|UKRAINIAN", "Коваль Ярослава Їжакевич|UKRAINIAN", "Кобз Гнат Згурський|UKRAINIAN",
            "Знам'янка В’ячеслав|UKRAINIAN", "Петренко-Яворський Йосип|UKRAINIAN", "'  Шевченко   Тарас  '|UKRAINIAN",
            "ШЕВЧЕНКО ЮРІЙ|UKRAINIAN", "Ковaленко Oлександр|UKRAINIAN", "О'Коннор Євген|UKRAINIAN",
            "Алексеев Юрий Яковлевич|RUSSIAN", "Ёлкин Объедков-Эдуардов|RUSSIAN", "Ильич Наталья|RUSSIAN"})
    void theOfficialSpellingByWordIsTheWholeNames(String name, Language language) {
        Standard standard = language == Language.RUSSIAN ? Standard.ICAO_9303 : Standard.KMU_2010;
        String whole = Transliteration.toLatin(name, standard, language).orElseThrow();
        assertThat(Transliteration.official(name, language)).isEqualTo(whole);
        assertThat(Transliteration.official(name, language)).as("remembered").isEqualTo(whole);
    }
}
