package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.names.BirthDate;
import org.parley.names.BlockingIndex;
import org.parley.names.PersonRecord;
import org.parley.names.PreparedPerson;
import org.parley.registry.MatchablePerson;
import org.parley.registry.RegistryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The candidates a reconciliation finds through the blocking keys the registry stores are those the {@code names}
 * library's blocking index over the holder's whole registry gives: for every person the shared test database holds
 * (however it was stored: the demo's bulk load, the API, imports, corrections by other tests), asked for as written,
 * with the names swapped, and with another date of birth.
 */
@ParleyTest
class HeldCandidatesTest {

    @Autowired
    RegistryService registry;
    @Autowired
    JdbcClient jdbc;

    @Test
    void storedKeysGiveTheCandidatesOfTheBlockingIndex() {
        for (String holder : List.of("party-a", "party-b")) {
            List<MatchablePerson> held = registry.matchable(jdbc.sql("select id from person where holding_party_id "
                    + "= (select id from organisation where code = ?) order by id").param(holder)
                    .query(Long.class).list().stream().mapToLong(Long::longValue).toArray());
            assertThat(held).isNotEmpty();
            List<PreparedPerson> everyone = held.stream().map(p -> PreparedPerson.of(p.record())).toList();
            List<PreparedPerson> requested = new ArrayList<>();
            Random random = new Random(17);
            for (MatchablePerson person : held) {
                PersonRecord r = person.record();
                requested.add(PreparedPerson.of(r));
                requested.add(PreparedPerson.of(new PersonRecord("swapped", r.givenName(), r.surname(),
                        r.patronymic(), null, r.dateOfBirth(), null, null, null)));
                requested.add(PreparedPerson.of(new PersonRecord("other date", r.surname(), r.givenName(), null,
                        null, BirthDate.parse(Integer.toString(1950 + random.nextInt(50))), null, null, null)));
            }

            BlockingIndex index = BlockingIndex.of(everyone);
            HeldCandidates stored = HeldCandidates.of(registry, holder, requested);

            for (PreparedPerson person : requested) {
                List<Long> expected = ids(index.of(person), held);
                assertThat(ids(stored.of(person), stored.persons())).as(person.record().toString())
                        .isEqualTo(expected);
            }
        }
    }

    private static List<Long> ids(int[] positions, List<MatchablePerson> persons) {
        return java.util.Arrays.stream(positions).mapToObj(i -> persons.get(i).id()).toList();
    }
}
