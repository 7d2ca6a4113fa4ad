package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartialDateTest {

    @Test
    void parsesYearMonthAndDay() {
        assertThat(PartialDate.parse("1994")).isEqualTo(new PartialDate(1994, null, null));
        assertThat(PartialDate.parse("1994-03")).isEqualTo(new PartialDate(1994, 3, null));
        assertThat(PartialDate.parse("1994-03-07")).isEqualTo(new PartialDate(1994, 3, 7));
        assertThat(PartialDate.parse("1994-03").toString()).isEqualTo("1994-03");
        assertThat(PartialDate.parse("1994-03-07").toString()).isEqualTo("1994-03-07");
        assertThat(PartialDate.parse("1994").toString()).isEqualTo("1994");
        assertThat(new PartialDate(987, 11, 25).toString()).isEqualTo("0987-11-25");
        assertThat(PartialDate.parse("1994").earliest()).isEqualTo(LocalDate.of(1994, 1, 1));
    }

    @Test
    void refusesImpossibleDates() {
        assertThatThrownBy(() -> PartialDate.parse("1994-02-30")).hasMessageContaining("Invalid date 'FEBRUARY 30'");
        assertThatThrownBy(() -> PartialDate.parse("1994-13")).hasMessage("'1994-13' has no month 13");
        assertThatThrownBy(() -> PartialDate.parse("07.03.1994")).hasMessageContaining("write YYYY, YYYY-MM or YYYY-MM-DD");
        assertThatThrownBy(() -> PartialDate.parse("2023-02-29")).hasMessageContaining("not a leap year");
        assertThat(PartialDate.parse("2024-02-29").day()).isEqualTo(29);
    }
}
