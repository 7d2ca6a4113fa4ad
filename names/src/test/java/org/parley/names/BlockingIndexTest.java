package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parley.names.testdata.GeneratedLists;
import org.parley.names.testdata.ListPairGenerator;

class BlockingIndexTest {

    /** A person sharing with the sought one only the given name and the father's name (the "h" key). */
    private static PreparedPerson namesake(int i, BirthDate born) {
        return PreparedPerson.of(new PersonRecord("r" + i, "Прізвище" + (char) ('а' + i % 26) + i, "Олександр",
                "Петрович", null, born, null, null, null));
    }

    @Test
    void theKeysHashesAreTheHashesOfTheKeysAsText() {
        GeneratedLists lists = new ListPairGenerator(11).generate(1_000, 100, 1_000);
        long[] hashes = new long[BlockingIndex.MAX_KEYS];
        for (PersonRecord record : lists.right()) {
            PreparedPerson person = PreparedPerson.of(record);
            int count = person.blockingKeyHashes(hashes);
            assertThat(Arrays.copyOf(hashes, count)).as(record.toString())
                    .containsExactly(person.blockingKeys().stream().mapToLong(BlockingIndex::hash).toArray());
        }
    }

    @Test
    void personsSharingOnlyOneKeyAreFoundOnce() {
        List<PreparedPerson> right = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> right.add(namesake(i, new BirthDate(1960 + i % 46, 1, 1))));
        PreparedPerson sought = PreparedPerson.of(new PersonRecord("l", "Інше", "Олександр", "Петрович", null,
                new BirthDate(1985, 3, 7), null, null, null));

        assertThat(CompactPersons.of(right).index().of(sought))
                .containsExactly(IntStream.range(0, 100).toArray());
    }

    @Test
    void aBlockUpToTheLargestIsScannedAndALargerOneSkipped() {
        List<PreparedPerson> right = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> right.add(namesake(i, new BirthDate(1960 + i % 46, 1, 1))));
        PreparedPerson undated = PreparedPerson.of(new PersonRecord("l", "Інше", "Олександр", "Петрович", null,
                null, null, null, null));
        assertThat(CompactPersons.of(right).index().of(undated)).hasSize(1_000);

        IntStream.range(1_000, 2_500).forEach(i -> right.add(namesake(i, new BirthDate(1960 + i % 46, 1, 1))));
        assertThat(CompactPersons.of(right).index().of(undated)).isEmpty();
    }
}
