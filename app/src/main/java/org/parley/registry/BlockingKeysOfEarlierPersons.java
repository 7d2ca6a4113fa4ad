package org.parley.registry;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.parley.database.CsvCopy;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Migration V17_3_2: the blocking keys ({@link BlockingKeys}) of the persons stored before table
 * {@code person_blocking_key} existed (V17_3_1; keys are written with every change since). Computed in Java, hence a
 * Java migration; the rows go in through COPY (a million persons have about seven million keys), and V17_3_3 builds
 * the table's index once they are in.
 */
@Component
class BlockingKeysOfEarlierPersons extends OnceJavaMigration {

    private static final int BATCH = 10_000;

    BlockingKeysOfEarlierPersons() {
        super("17.3.2", "blocking keys of persons stored before V17_3_1");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement select = connection.createStatement()) {
            // the connection is in a transaction, so the driver fetches in batches instead of all rows at once
            select.setFetchSize(BATCH);
            ResultSet persons = select.executeQuery("select id, holding_party_id, surname, given_name, patronymic, "
                    + "date_of_birth, service_number, unit, rank from person order by id");
            StringBuilder rows = new StringBuilder();
            int pending = 0;
            while (persons.next()) {
                long id = persons.getLong(1);
                long holder = persons.getLong(2);
                for (long key : BlockingKeys.of(persons.getString(3), persons.getString(4), persons.getString(5),
                        persons.getString(6), persons.getString(7), persons.getString(8), persons.getString(9))) {
                    CsvCopy.row(rows, id, holder, key);
                }
                if (++pending == BATCH) {
                    copy.copyIn("copy person_blocking_key (person_id, holding_party_id, key) from stdin (format csv)",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                    pending = 0;
                }
            }
            copy.copyIn("copy person_blocking_key (person_id, holding_party_id, key) from stdin (format csv)",
                    new StringReader(rows.toString()));
        }
    }
}
