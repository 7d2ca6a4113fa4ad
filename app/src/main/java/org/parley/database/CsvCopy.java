package org.parley.database;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk inserts with PostgreSQL's {@code COPY … from stdin (format csv)} on the current transaction's connection:
 * rows are gathered as CSV text, then sent in one go (far faster than one insert per row).
 */
public final class CsvCopy {

    private CsvCopy() {
    }

    /**
     * Appends one CSV row for COPY: null is an empty unquoted field, a whole number is written bare, everything else
     * is quoted; a {@code byte[]} is written as bytea's hex form.
     */
    public static void row(StringBuilder rows, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append(',');
            }
            Object value = values[i];
            if (value instanceof byte[] bytes) {
                rows.append("\"\\x").append(java.util.HexFormat.of().formatHex(bytes)).append('"');
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                rows.append(((Number) value).longValue());
            } else if (value != null) {
                // most values hold no quote: appended as they are, without a copy
                String text = value.toString();
                rows.append('"').append(text.indexOf('"') < 0 ? text : text.replace("\"", "\"\"")).append('"');
            }
        }
        rows.append('\n');
    }

    /** Sends the rows with {@code sql}, a {@code copy … from stdin (format csv)} statement. */
    public static void copy(DataSource dataSource, String sql, StringBuilder rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("bulk insert failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
