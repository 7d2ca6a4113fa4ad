package org.parley.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.parley.names.SearchKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the tables a name search reads: {@code person_name_key} (the name search keys of each person, {@link
 * SearchKeys}, which matching and tracing read too), {@code person_search_word} (the words the list's search looks
 * up, {@link SearchWords}), {@code person_name_pair} (its surname's keys paired with
 * the given name's and the patronymic's, {@link SearchWords#pairs}), {@code name_spelling} (every surname and given
 * name as written, under their pairs) and {@code name_word} (every name word as written).
 */
@Repository
class NameKeyRepository {

    private final JdbcClient jdbc;

    NameKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces a person's keys, search words and name pairs with those of the given facts; adds new spellings. */
    void store(long personId, PersonInput facts) {
        NamePartKeys partKeys = new NamePartKeys(); // each name part keyed once for the keys and the words
        jdbc.sql("delete from person_name_key where person_id = :id").param("id", personId).update();
        jdbc.sql("insert into person_name_key (person_id, key) select :id, unnest(:keys::text[])")
                .param("id", personId).param("keys", keys(facts, partKeys).toArray(String[]::new)).update();
        Set<SearchWords.Word> words = SearchWords.of(facts, partKeys);
        jdbc.sql("delete from person_search_word where person_id = :id").param("id", personId).update();
        jdbc.sql("insert into person_search_word (person_id, part, written, word) "
                        + "select :id, unnest(:parts::smallint[]), unnest(:written::boolean[]), unnest(:words::text[])")
                .param("id", personId)
                .param("parts", words.stream().map(w -> w.part().code()).toArray(Short[]::new))
                .param("written", words.stream().map(SearchWords.Word::written).toArray(Boolean[]::new))
                .param("words", words.stream().map(SearchWords.Word::text).toArray(String[]::new)).update();
        Set<String> pairs = SearchWords.pairs(words);
        jdbc.sql("delete from person_name_pair where person_id = :id").param("id", personId).update();
        jdbc.sql("insert into person_name_pair (person_id, pair) select :id, unnest(:pairs::text[])")
                .param("id", personId).param("pairs", pairs.toArray(String[]::new)).update();
        String surname = text(facts, PersonField.SURNAME);
        String givenName = text(facts, PersonField.GIVEN_NAME);
        if (surname != null && givenName != null) {
            jdbc.sql("insert into name_spelling (pair, surname, given_name) select unnest(:pairs::text[]), :surname, "
                            + ":givenName on conflict do nothing")
                    .param("pairs", pairs.stream().filter(SearchWords::givenNamePair).sorted().toArray(String[]::new))
                    .param("surname", surname).param("givenName", givenName).update();
        }
        // in one order, so that two registrations adding the same new words cannot deadlock
        List<String> names = words.stream().filter(SearchWords.Word::nameAsWritten)
                .map(SearchWords.Word::text).distinct().sorted().toList();
        jdbc.sql("insert into name_word (word) select unnest(:words::text[]) on conflict do nothing")
                .param("words", names.toArray(String[]::new)).update();
    }

    /** The keys of a person's facts. */
    static Set<String> keys(PersonInput facts) {
        return keys(facts, NamePartKeys.UNREMEMBERED);
    }

    /**
     * The keys of a person's facts, those of each name part given by {@code partKeys}: the same as {@link
     * SearchKeys#ofPerson} of the three parts, which keys each part on its own.
     */
    static Set<String> keys(PersonInput facts, Function<String, Set<String>> partKeys) {
        Set<String> keys = new LinkedHashSet<>();
        for (PersonField part : List.of(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.PATRONYMIC)) {
            String text = text(facts, part);
            if (text != null) {
                keys.addAll(partKeys.apply(text));
            }
        }
        return keys;
    }

    private static String text(PersonInput facts, PersonField field) {
        Object value = facts.get(field);
        return value == null ? null : value.toString();
    }
}
