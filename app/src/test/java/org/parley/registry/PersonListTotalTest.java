package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A list without a name search counts its persons only as far as it needs to (README, "The person list"): up to a
 * cap, or to the end of the page after the one shown; with more, its total is that lower bound and says so. The test registry is
 * far below the real cap of ten thousand, so these lists are given a cap of a few persons.
 */
@ParleyTest
class PersonListTotalTest {

    private static final int CAP = 5;

    @Autowired
    PersonRepository persons;
    @Autowired
    PersonStream stream;
    @Autowired
    UserService users;

    private static final PersonSort BY_NAME = PersonSort.byDefault(false, NameCollation.of(Locale.ENGLISH));
    private static final PersonFilter EVERYONE = new PersonFilter(null, null, null, null, null, null, null, null,
            null);

    private Page<Person> page(Caller caller, PersonFilter filter, int page, int size) {
        PersonRepository.ListLimits limits = new PersonRepository.ListLimits(PersonRepository.RANKED_IN_JAVA,
                PersonRepository.COMMON_WORD, PersonRepository.NAMESAKES_READ, PersonRepository.TOTAL_CAP, CAP);
        return persons.find(caller, filter, Map.of(), BY_NAME, page, size, limits);
    }

    @Test
    void aLongListIsCountedUpToTheCapOrTheNextPageAndSaysSo() {
        for (String user : List.of("viewer@party-a", "viewer@party-b", "viewer@intermediary")) {
            Caller caller = TestCallers.of(users, user);
            long all = stream.count(caller, EVERYONE, BY_NAME);
            assertThat(all).as(user + " sees enough persons for the test").isGreaterThan(40);

            Page<Person> first = page(caller, EVERYONE, 0, 2);
            assertThat(first.total()).isEqualTo(CAP);
            assertThat(first.totalCapped()).isTrue();
            assertThat(first.items()).hasSize(2);

            // page 4 of 5 a page: persons 16–20 are shown, and the count goes on to the end of the next page
            Page<Person> deeper = page(caller, EVERYONE, 3, 5);
            assertThat(deeper.total()).isEqualTo(25);
            assertThat(deeper.totalCapped()).isTrue();
            assertThat(deeper.items()).extracting(Person::id)
                    .isEqualTo(persons.find(caller, EVERYONE, Map.of(), BY_NAME, 0, 20).items().stream()
                            .skip(15).map(Person::id).toList());

            // near the end the count reaches the last person: exact again
            int size = 20;
            int last = (int) ((all - 1) / size);
            Page<Person> end = page(caller, EVERYONE, last, size);
            assertThat(end.total()).isEqualTo(all);
            assertThat(end.totalCapped()).isFalse();
            assertThat(end.items()).hasSize((int) (all - (long) last * size));
        }
    }

    @Test
    void aShortListIsCountedExactly() {
        Caller caller = TestCallers.of(users, "viewer@party-a");
        PersonFilter hospitalised = new PersonFilter(null, null, null, Status.HOSPITALISED, null, null, null, null,
                null);
        long exact = stream.count(caller, hospitalised, BY_NAME);
        Page<Person> page = persons.find(caller, hospitalised, Map.of(), BY_NAME, 0, 50);
        assertThat(page.total()).isEqualTo(exact);
        assertThat(page.totalCapped()).isFalse();
        PersonFilter nobody = new PersonFilter(null, null, null, null, null, null, null, LocalDate.of(1900, 1, 1),
                LocalDate.of(1900, 1, 2));
        Page<Person> none = page(caller, nobody, 0, 2);
        assertThat(none.total()).isZero();
        assertThat(none.totalCapped()).isFalse();
    }

    @Test
    void theWholeListIsCountedAsEachPartyMaySeeIt() {
        Caller a = TestCallers.of(users, "viewer@party-a");
        Caller b = TestCallers.of(users, "viewer@party-b");
        PersonFilter heldByB = new PersonFilter(null, "party-b", null, null, null, null, null, null, null);
        // Party A reads of Party B's prisoners only those of its own origin that were notified: fewer than B itself
        assertThat(stream.count(a, heldByB, BY_NAME)).isLessThan(stream.count(b, heldByB, BY_NAME));
    }
}
