package org.parley.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.names.PersonRecord;
import org.postgresql.PGConnection;

/**
 * PostgreSQL {@code pg_trgm}: the right list's names, ICU-transliterated ({@link Baseline}) and passed through
 * {@code unaccent}, in a table with a trigram GIN index; each left name finds its most similar right name with
 * {@code %} and {@code similarity()}, in one lateral join. Runs on an embedded PostgreSQL.
 */
final class TrigramBaseline {

    private TrigramBaseline() {
    }

    static Map<String, Baseline.Best> link(List<PersonRecord> left, List<PersonRecord> right)
            throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Connection db = postgres.getPostgresDatabase().getConnection();
                Statement sql = db.createStatement()) {
            sql.execute("create extension pg_trgm");
            sql.execute("create extension unaccent");
            sql.execute("create table right_list (id text primary key, name text not null)");
            sql.execute("create table left_list (id text primary key, name text not null)");
            copy(db, "right_list", right);
            copy(db, "left_list", left);
            long started = System.nanoTime();
            sql.execute("update right_list set name = unaccent(name)");
            sql.execute("update left_list set name = unaccent(name)");
            sql.execute("create index on right_list using gin (name gin_trgm_ops)");
            sql.execute("analyze");
            sql.execute("set pg_trgm.similarity_threshold = 0.4");
            Map<String, Baseline.Best> best = new HashMap<>();
            try (ResultSet rs = sql.executeQuery("select l.id, r.id, r.sim from left_list l cross join lateral "
                    + "(select id, similarity(name, l.name) as sim from right_list where name % l.name "
                    + "order by name <-> l.name limit 1) r")) {
                while (rs.next()) {
                    best.put(rs.getString(1), new Baseline.Best(rs.getString(2), rs.getDouble(3)));
                }
            }
            System.out.printf("  pg_trgm query time: %.1f s%n", (System.nanoTime() - started) / 1e9);
            return best;
        }
    }

    private static void copy(Connection db, String table, List<PersonRecord> records) throws SQLException, IOException {
        StringBuilder rows = new StringBuilder();
        for (PersonRecord r : records) {
            rows.append(r.id()).append('\t').append(Baseline.fullName(r).replace("\\", "")).append('\n');
        }
        db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin",
                new StringReader(rows.toString()));
    }
}
