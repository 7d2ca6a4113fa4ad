package org.parley.registry;

import java.util.Set;
import org.parley.names.SearchKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code person_name_key}: the name search keys of each person ({@link SearchKeys}). */
@Repository
class NameKeyRepository {

    private final JdbcClient jdbc;

    NameKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces a person's keys with those of the given facts. */
    void store(long personId, PersonInput facts) {
        jdbc.sql("delete from person_name_key where person_id = :id").param("id", personId).update();
        for (String key : keys(facts)) {
            jdbc.sql("insert into person_name_key (person_id, key) values (:id, :key)")
                    .param("id", personId).param("key", key).update();
        }
    }

    /** The keys of a person's facts. */
    static Set<String> keys(PersonInput facts) {
        return SearchKeys.ofPerson(text(facts, PersonField.SURNAME), text(facts, PersonField.GIVEN_NAME),
                text(facts, PersonField.PATRONYMIC));
    }

    private static String text(PersonInput facts, PersonField field) {
        Object value = facts.get(field);
        return value == null ? null : value.toString();
    }
}
