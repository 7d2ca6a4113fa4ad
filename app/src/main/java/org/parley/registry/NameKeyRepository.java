package org.parley.registry;

import java.util.ArrayList;
import java.util.List;
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

    /** Persons stored before keys existed (migration V4) get theirs: called once at start. */
    int fillMissing() {
        record Names(long id, String surname, String givenName, String patronymic) {
        }
        List<Names> missing = jdbc.sql("select id, surname, given_name, patronymic from person p where not exists "
                        + "(select 1 from person_name_key k where k.person_id = p.id)")
                .query((rs, row) -> new Names(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        List<Object[]> rows = new ArrayList<>();
        for (Names names : missing) {
            SearchKeys.ofPerson(names.surname(), names.givenName(), names.patronymic())
                    .forEach(key -> rows.add(new Object[] {names.id(), key}));
        }
        for (Object[] row : rows) {
            jdbc.sql("insert into person_name_key (person_id, key) values (?, ?) on conflict do nothing")
                    .params(row).update();
        }
        return missing.size();
    }

    private static String text(PersonInput facts, PersonField field) {
        Object value = facts.get(field);
        return value == null ? null : value.toString();
    }
}
