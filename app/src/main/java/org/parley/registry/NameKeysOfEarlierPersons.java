package org.parley.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.parley.names.SearchKeys;
import org.springframework.stereotype.Component;

/**
 * Migration V7: persons stored before name search keys existed (V4 made the table; keys are written with every
 * change since) get their keys. The keys are computed in Java ({@link SearchKeys}), hence a Java migration; as a
 * migration it runs once, in Flyway's transaction, instead of scanning every person on every start.
 */
@Component
class NameKeysOfEarlierPersons extends OnceJavaMigration {

    private static final int BATCH = 1_000;

    NameKeysOfEarlierPersons() {
        super("7", "name keys of persons stored before V4");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into person_name_key (person_id, key) values (?, ?) on conflict do nothing")) {
            // the connection is in a transaction, so the driver fetches in batches instead of all rows at once
            select.setFetchSize(BATCH);
            ResultSet persons = select.executeQuery("select id, surname, given_name, patronymic from person p "
                    + "where not exists (select 1 from person_name_key k where k.person_id = p.id)");
            int pending = 0;
            while (persons.next()) {
                for (String key : SearchKeys.ofPerson(persons.getString(2), persons.getString(3),
                        persons.getString(4))) {
                    insert.setLong(1, persons.getLong(1));
                    insert.setString(2, key);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
