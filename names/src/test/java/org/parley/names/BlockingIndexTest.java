package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockingIndexTest {

    /** A person sharing with the sought one only the given name and the father's name (the "h" key). */
    private static PreparedPerson namesake(int i, BirthDate born) {
        return PreparedPerson.of(new PersonRecord("r" + i, "Прізвище" + (char) ('а' + i % 26) + i, "Олександр",
                "Петрович", null, born, null, null, null));
    }

    @Test
    void aCommonKeyWithoutDateIsLookedUpByTheYearsAWrittenYearCanBeMistakenFor() {
        List<PreparedPerson> right = new ArrayList<>();
        IntStream.range(0, 3_000).forEach(i -> right.add(namesake(i, new BirthDate(1960 + i % 46, 1 + i % 12, 1))));
        int sameDecade = right.size();
        right.add(namesake(sameDecade, new BirthDate(1983, 5, 5)));
        int sameUnits = right.size();
        right.add(namesake(sameUnits, new BirthDate(1975, 5, 5)));
        int undated = right.size();
        right.add(namesake(undated, null));
        int twoDigitsOff = right.size();
        right.add(namesake(twoDigitsOff, new BirthDate(1972, 5, 5)));
        PreparedPerson sought = PreparedPerson.of(new PersonRecord("l", "Інше", "Олександр", "Петрович", null,
                new BirthDate(1985, 3, 7), null, null, null));

        int[] candidates = CompactPersons.of(right).index().candidates(sought);

        // The block (3,004 persons, more than MAX_BLOCK) is neither scanned whole nor skipped.
        assertThat(candidates).contains(sameDecade, sameUnits, undated).doesNotContain(twoDigitsOff);
        assertThat(candidates.length).isLessThan(BlockingIndex.MAX_BLOCK);
    }

    @Test
    void aPersonWithoutYearScansABlockUpToTheLargestAndSkipsALargerOne() {
        List<PreparedPerson> right = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> right.add(namesake(i, new BirthDate(1960 + i % 46, 1, 1))));
        PreparedPerson undated = PreparedPerson.of(new PersonRecord("l", "Інше", "Олександр", "Петрович", null,
                null, null, null, null));
        assertThat(CompactPersons.of(right).index().candidates(undated)).hasSize(1_000);

        IntStream.range(1_000, 2_500).forEach(i -> right.add(namesake(i, new BirthDate(1960 + i % 46, 1, 1))));
        assertThat(CompactPersons.of(right).index().candidates(undated)).isEmpty();
    }
}
