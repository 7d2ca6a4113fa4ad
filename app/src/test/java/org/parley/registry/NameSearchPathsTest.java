package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.names.Language;
import org.parley.names.Standard;
import org.parley.names.Transliteration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two ways a name search runs give the same pages (README, "The person list"): candidates ranked in Java by
 * {@link NameRelevance}, and candidates scored by the database from their search words ({@link NameSearch#scores}),
 * which the search takes when the rarest query word has very many rows. Queries are made of the demo registry's
 * commonest names, so that each has many candidates of every kind of match: whole words, keys in Latin letters,
 * beginnings, pieces inside, pieces of patronymics only.
 */
@ParleyTest
class NameSearchPathsTest {

    @Autowired
    PersonRepository persons;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserService users;

    private List<String> commonest(String column, int n) {
        return jdbc.sql("select " + column + " from person where " + column + " is not null group by 1 "
                + "order by count(*) desc, 1 limit " + n).query(String.class).list();
    }

    private List<String> queries() {
        List<String> surnames = commonest("surname", 3);
        List<String> given = commonest("given_name", 3);
        List<String> patronymics = commonest("patronymic", 2);
        List<String> queries = new ArrayList<>();
        queries.addAll(surnames);
        queries.addAll(given);
        queries.add(surnames.get(0) + " " + given.get(0));
        queries.add(given.get(1) + " " + patronymics.get(0));
        queries.add(Transliteration.toLatin(surnames.get(1), Standard.BGN_PCGN, Language.UKRAINIAN).orElseThrow());
        queries.add(Transliteration.toLatin(given.get(0), Standard.CONVENTIONAL, Language.RUSSIAN).orElseThrow());
        queries.add(surnames.get(2).substring(0, 3));
        queries.add(surnames.get(0).substring(1, Math.min(5, surnames.get(0).length())));
        queries.add(patronymics.get(1).substring(0, 4));
        return queries;
    }

    @Test
    void theDatabaseScoresAsNameRelevanceRanks() {
        int compared = 0;
        for (String user : List.of("registrar@party-a", "viewer@party-b", "viewer@intermediary")) {
            Caller caller = TestCallers.of(users, user);
            for (String q : queries()) {
                for (PersonSort sort : List.of(PersonSort.byDefault(true, NameCollation.UKRAINIAN),
                        PersonSort.parse("-name", NameCollation.ROOT).orElseThrow())) {
                    PersonFilter filter = new PersonFilter(q, null, null, null, null, null, null, null, null,
                            Map.of());
                    for (int page : new int[] {0, 2}) {
                        Page<Person> inJava = persons.find(caller, filter, Map.of(), sort, page, 25,
                                Integer.MAX_VALUE);
                        Page<Person> inDatabase = persons.find(caller, filter, Map.of(), sort, page, 25, 0);
                        String what = user + " q=" + q + " sort=" + sort.parameter() + " page " + page;
                        assertThat(inDatabase.total()).as(what).isEqualTo(inJava.total());
                        assertThat(inDatabase.items()).as(what).extracting(Person::id)
                                .containsExactlyElementsOf(inJava.items().stream().map(Person::id).toList());
                        compared += inJava.items().size();
                    }
                }
            }
        }
        assertThat(compared).as("rows compared").isGreaterThan(500);
    }
}
