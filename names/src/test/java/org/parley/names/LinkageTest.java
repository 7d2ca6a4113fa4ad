package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.names.testdata.Accuracy;
import org.parley.names.testdata.GeneratedLists;
import org.parley.names.testdata.ListPairGenerator;

class LinkageTest {

    @Test
    void linksGeneratedListsOneToOneWithHighPrecision() {
        GeneratedLists lists = new ListPairGenerator(7).generate(2_000, 200, 2_000);
        List<PreparedPerson> left = lists.left().stream().map(PreparedPerson::of).toList();
        List<PreparedPerson> right = lists.right().stream().map(PreparedPerson::of).toList();
        List<Linkage.Link> links = new Linkage(Linkage.Thresholds.DEFAULT).link(left, right, done -> { });

        Set<Integer> leftSeen = new HashSet<>();
        Set<Integer> matchedLeft = new HashSet<>();
        Set<Integer> matchedRight = new HashSet<>();
        Map<String, String> matches = new HashMap<>();
        for (Linkage.Link link : links) {
            leftSeen.add(link.left());
            if (link.decision() == Linkage.Decision.MATCH) {
                assertThat(matchedLeft.add(link.left())).isTrue();
                assertThat(matchedRight.add(link.right())).isTrue();
                matches.put(lists.left().get(link.left()).id(), lists.right().get(link.right()).id());
            }
        }
        assertThat(leftSeen).hasSize(left.size());
        Accuracy accuracy = Accuracy.of(List.copyOf(matches.entrySet()), lists.truth());
        System.out.println("LinkageTest: " + accuracy);
        assertThat(accuracy.precision()).as(accuracy.toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(accuracy.f1()).as(accuracy.toString()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void greedyAssignmentGivesEachPersonAtMostOneMatch() {
        PreparedPerson a = PreparedPerson.of(new PersonRecord("a", "Коваленко", "Олександр", "Сергійович", null,
                BirthDate.parse("1990-01-02"), null, null, null));
        PreparedPerson b1 = PreparedPerson.of(new PersonRecord("b1", "Kovalenko", "Oleksandr", "Serhiiovych", null,
                BirthDate.parse("1990-01-02"), null, null, null));
        PreparedPerson other = PreparedPerson.of(new PersonRecord("c", "Шевчук", "Іван", null, null,
                BirthDate.parse("1971-05-06"), null, null, null));
        // The same person twice in the left list: only one of the rows can have the right person as a match.
        List<Linkage.Link> links = new Linkage(Linkage.Thresholds.DEFAULT).link(List.of(a, a), List.of(other, b1),
                done -> { });
        assertThat(links).extracting(Linkage.Link::right).containsOnly(1);
        assertThat(links).extracting(Linkage.Link::decision)
                .containsExactlyInAnyOrder(Linkage.Decision.MATCH, Linkage.Decision.REVIEW);
    }

    @Test
    void keepsOnlyTheBestCandidatesOfALeftPersonWhomManyRightPersonsFit() {
        PersonRecord record = new PersonRecord("x", "Коваленко", "Олександр", "Сергійович", null, null, null, null,
                null);
        List<PreparedPerson> left = List.of(PreparedPerson.of(record), PreparedPerson.of(record));
        List<PreparedPerson> right = java.util.stream.IntStream.range(0, 50).mapToObj(i -> PreparedPerson.of(record))
                .toList();

        Linkage.Result result = new Linkage(Linkage.Thresholds.DEFAULT).run(left, right, done -> { });

        assertThat(result.crowdedLeftPersons()).isEqualTo(2);
        // Fifty equal candidates each: none is a match; the first three in right-list order are to review.
        assertThat(result.links()).extracting(Linkage.Link::decision).containsOnly(Linkage.Decision.REVIEW);
        assertThat(result.links()).extracting(link -> link.left() + ":" + link.right())
                .containsExactly("0:0", "0:1", "0:2", "1:0", "1:1", "1:2");
    }
}
