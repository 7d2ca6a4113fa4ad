package org.parley.wishes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements already in the table, each person's derived ({@link WishDerivation}) and stored in batches: the
 * work of the migrations that store derived wishes for statements recorded before them.
 */
final class EarlierStatements {

    private static final int BATCH = 1_000;

    /** Sets the parameters of the storing statement for one person's derived wish. */
    interface Binder {
        void bind(PreparedStatement store, long personId, DerivedWish wish) throws SQLException;
    }

    private EarlierStatements() {
    }

    /** Runs {@code storeSql} once for every person with statements, bound by {@code binder}. */
    static void storeDerived(Connection connection, String storeSql, Binder binder) throws SQLException {
        try (java.sql.Statement select = connection.createStatement();
                PreparedStatement store = connection.prepareStatement(storeSql)) {
            // the connection is in a transaction, so the driver fetches in batches instead of all rows at once
            select.setFetchSize(BATCH);
            ResultSet rows = select.executeQuery(StatementRepository.select() + "order by person_id, taken_on, id");
            List<Statement> ofPerson = new ArrayList<>();
            int pending = 0;
            while (true) {
                boolean more = rows.next();
                Statement next = more ? StatementRepository.map(rows, 0) : null;
                if (!ofPerson.isEmpty() && (next == null || next.personId() != ofPerson.get(0).personId())) {
                    binder.bind(store, ofPerson.get(0).personId(), WishDerivation.derive(ofPerson));
                    store.addBatch();
                    ofPerson.clear();
                    if (++pending == BATCH) {
                        store.executeBatch();
                        pending = 0;
                    }
                }
                if (next == null) {
                    break;
                }
                ofPerson.add(next);
            }
            store.executeBatch();
        }
    }
}
