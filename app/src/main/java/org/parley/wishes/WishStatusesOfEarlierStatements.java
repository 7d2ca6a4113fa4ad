package org.parley.wishes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.parley.registry.OnceJavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 14.2.2: the stored wish status (table {@code wish_status}, made by V14_2_1) of every person whose
 * statements were recorded before it, derived in Java ({@link WishDerivation}) as every statement recorded since
 * stores it.
 */
@Component
class WishStatusesOfEarlierStatements extends OnceJavaMigration {

    private static final int BATCH = 1_000;

    WishStatusesOfEarlierStatements() {
        super("14.2.2", "wish statuses of statements recorded before V14_2_1");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into wish_status (person_id, status) values (?, ?)")) {
            // the connection is in a transaction, so the driver fetches in batches instead of all rows at once
            select.setFetchSize(BATCH);
            ResultSet rows = select.executeQuery(StatementRepository.select() + "order by person_id, taken_on, id");
            List<org.parley.wishes.Statement> ofPerson = new ArrayList<>();
            int pending = 0;
            while (true) {
                boolean more = rows.next();
                org.parley.wishes.Statement next = more ? StatementRepository.map(rows, 0) : null;
                if (!ofPerson.isEmpty() && (next == null || next.personId() != ofPerson.get(0).personId())) {
                    insert.setLong(1, ofPerson.get(0).personId());
                    insert.setString(2, WishDerivation.derive(ofPerson).status().name());
                    insert.addBatch();
                    ofPerson.clear();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (next == null) {
                    break;
                }
                ofPerson.add(next);
            }
            insert.executeBatch();
        }
    }
}
