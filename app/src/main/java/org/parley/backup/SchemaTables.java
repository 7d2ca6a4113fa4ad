package org.parley.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of the application schema: all but Flyway's own history, which the migrations write, and the web
 * sessions (V17_4_1), which a restore must not bring back to life.
 */
final class SchemaTables {

    static final String FLYWAY_HISTORY = "flyway_schema_history";
    static final List<String> WEB_SESSIONS = List.of("spring_session", "spring_session_attributes");

    private SchemaTables() {
    }

    static List<String> names(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> '"
                        + FLYWAY_HISTORY + "' order by 1")) {
            while (rs.next()) {
                if (!WEB_SESSIONS.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /**
     * The tables in an order in which each is loaded after those its foreign keys point to (a key to its own table
     * is checked at the end of the COPY statement, so needs no order).
     */
    static List<String> loadOrder(Connection connection, List<String> tables) throws SQLException {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        tables.forEach(t -> references.put(t, new LinkedHashSet<>()));
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c "
                        + "join pg_namespace n on n.oid = c.connamespace "
                        + "where c.contype = 'f' and n.nspname = current_schema()")) {
            while (rs.next()) {
                String from = unquote(rs.getString(1));
                String to = unquote(rs.getString(2));
                if (references.containsKey(from) && !from.equals(to)) {
                    references.get(from).add(to);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : tables) {
            visit(table, references, visiting, order);
        }
        return order;
    }

    private static void visit(String table, Map<String, Set<String>> references, Set<String> visiting,
            List<String> order) {
        if (order.contains(table) || !references.containsKey(table)) {
            return;
        }
        if (!visiting.add(table)) {
            throw new BackupException("The foreign keys of table " + table + " form a cycle: cannot choose a load "
                    + "order");
        }
        for (String referenced : references.get(table)) {
            visit(referenced, references, visiting, order);
        }
        visiting.remove(table);
        order.add(table);
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String unquote(String regclass) {
        return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"")
                : regclass;
    }
}
