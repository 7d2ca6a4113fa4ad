package org.parley.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The external PostgreSQL server named by PARLEY_DB_URL (or the property parley.db.url), if any. */
final class ExternalDatabase {

    private ExternalDatabase() {
    }

    static boolean named() {
        return !setting("PARLEY_DB_URL", "parley.db.url").isBlank();
    }

    /** A plain connection to it, before any migration runs. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(setting("PARLEY_DB_URL", "parley.db.url"),
                setting("PARLEY_DB_USER", "parley.db.user"), setting("PARLEY_DB_PASSWORD", "parley.db.password"));
    }

    private static String setting(String variable, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null ? "" : value;
    }
}
