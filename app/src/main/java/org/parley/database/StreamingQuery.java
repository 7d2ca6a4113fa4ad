package org.parley.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads a large result row by row through a server-side cursor (PostgreSQL needs a transaction and a fetch size
 * for that), so that a million rows never sit in memory at once. Runs on the current transaction's connection.
 */
public final class StreamingQuery {

    private static final int FETCH_SIZE = 10_000;

    private StreamingQuery() {
    }

    public static void forEach(DataSource dataSource, String sql, RowCallbackHandler handler) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a streaming query needs a transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            // binary transfer from the first execution: hashes and times arrive as bytes, not text to parse
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.processRow(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
