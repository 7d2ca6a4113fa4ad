package org.parley.registry;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.Context;
import org.parley.database.CsvCopy;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * Migration V17_1_2: the search words of every person stored before the name search read them (V17_1_1 made the
 * tables; they are written with every change since). Computed in Java ({@link SearchWords}), hence a Java migration,
 * and sent by COPY, since a registry may hold millions of persons.
 */
@Component
class SearchWordsOfEarlierPersons extends OnceJavaMigration {

    private static final int BATCH = 10_000;

    SearchWordsOfEarlierPersons() {
        super("17.1.2", "search words of persons stored before V17_1_1");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        TreeSet<String> names = new TreeSet<>();
        StringBuilder rows = new StringBuilder();
        long last = 0;
        boolean more = true;
        // in batches by id, so that neither the persons nor their rows are all in memory at once
        try (PreparedStatement select = connection.prepareStatement("select id, surname, given_name, patronymic, "
                + "service_number, prisoner_number from person where id > ? order by id limit " + BATCH)) {
            while (more) {
                select.setLong(1, last);
                more = false;
                try (ResultSet persons = select.executeQuery()) {
                    while (persons.next()) {
                        more = true;
                        last = persons.getLong(1);
                        for (SearchWords.Word word : SearchWords.of(persons.getString(2), persons.getString(3),
                                persons.getString(4), persons.getString(5), persons.getString(6))) {
                            CsvCopy.row(rows, last, word.part().code(), word.written(), word.text());
                            if (word.nameAsWritten()) {
                                names.add(word.text());
                            }
                        }
                    }
                }
                send(copy, "person_search_word (person_id, part, written, word)", rows);
            }
        }
        names.forEach(name -> CsvCopy.row(rows, name));
        send(copy, "name_word (word)", rows);
    }

    private static void send(CopyManager copy, String table, StringBuilder rows) throws Exception {
        if (!rows.isEmpty()) {
            copy.copyIn("copy " + table + " from stdin (format csv)", new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }
}
