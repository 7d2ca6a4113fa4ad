package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1994-03-07, 1994-03-07", "07.03.1994, 1994-03-07", "7/3/1994, 1994-03-07", "1994-03, 1994-03",
            "1994, 1994", " 1994-3-7 , 1994-03-07"})
    void parses(String text, String expected) {
        assertThat(BirthDate.parse(text)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1994-02-30", "1994-13", "94-03-07", "07.03.94", "yesterday", "1994-03-07T00:00"})
    void refuses(String text) {
        assertThatThrownBy(() -> BirthDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({"1994-03-07, 1994-03-07, SAME", "1994-03-07, 1994-03, COMPATIBLE", "1994-03-07, 1994, COMPATIBLE",
            "1994-03-07, 1994-07-03, DAY_MONTH_SWAPPED", "1994-03-07, 1994-03-01, ONE_DIGIT",
            "1994-03-07, 1984-03-07, ONE_DIGIT", "1994-03-07, 1995-03-07, ONE_DIGIT",
            "1999-03-07, 2000-03-07, YEAR_OFF_BY_ONE", "1994-03-07, 1971-11-23, DIFFERENT",
            "1994, 1995, ONE_DIGIT", "1994-03, 1994-04, ONE_DIGIT", "1994-03, 1993-07, DIFFERENT"})
    void agreement(String a, String b, DateAgreement expected) {
        assertThat(DateAgreement.of(BirthDate.parse(a), BirthDate.parse(b))).isEqualTo(expected);
        assertThat(DateAgreement.of(BirthDate.parse(b), BirthDate.parse(a))).isEqualTo(expected);
        assertThat(DateAgreement.of(BirthDate.parse(a), null)).isEqualTo(DateAgreement.MISSING);
    }
}
