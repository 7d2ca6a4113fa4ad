package org.parley.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.parley.database.DeferredIndexes;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Loads a backup into a database migrated to the backup's schema version, in one transaction: every table emptied
 * of what the migrations may have put there, loaded with {@code COPY … FROM STDIN (FORMAT binary)} in the order of
 * its foreign keys (secondary indexes and foreign keys dropped before and built once after, {@link DeferredIndexes}),
 * its row count and SHA-256 checked against the manifest, the sequences set. Any failure rolls all of it back.
 */
public final class RestoreLoader {

    private RestoreLoader() {
    }

    /** The figures of a completed load. */
    public record Loaded(int tables, long rows) {
    }

    public static Loaded load(Connection connection, BackupFile backup) {
        BackupManifest manifest = backup.manifest();
        try {
            connection.setAutoCommit(false);
            try {
                Loaded loaded = loadAll(connection, backup, manifest);
                connection.commit();
                return loaded;
            } catch (RuntimeException | SQLException | IOException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BackupException("The restore failed and was rolled back: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("The restore failed and was rolled back: " + e.getMessage(), e);
        }
    }

    private static Loaded loadAll(Connection connection, BackupFile backup, BackupManifest manifest)
            throws SQLException, IOException {
        String schemaVersion = latestVersion(connection);
        if (!manifest.flywayVersion().equals(schemaVersion)) {
            throw new BackupException("The target database is at schema version " + schemaVersion + ", the backup at "
                    + manifest.flywayVersion());
        }
        List<String> present = SchemaTables.names(connection);
        Set<String> listed = manifest.tables().stream().map(BackupManifest.Table::name)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!listed.equals(new TreeSet<>(present))) {
            throw new BackupException("The backup's tables " + listed + " are not those of schema version "
                    + schemaVersion + ": " + new TreeSet<>(present));
        }
        try (Statement statement = connection.createStatement()) {
            // the migrations may have written rows (row triggers do not fire on truncate)
            statement.execute("truncate " + present.stream().map(SchemaTables::quote).collect(Collectors.joining(
                    ", ")));
        }
        Map<String, BackupManifest.Table> byName = new HashMap<>();
        manifest.tables().forEach(t -> byName.put(t.name(), t));
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<String> order = SchemaTables.loadOrder(connection, present);
        // secondary indexes and foreign keys built once over the loaded rows, in this same transaction
        DeferredIndexes deferred = DeferredIndexes.drop(JdbcClient.create(new SingleConnectionDataSource(connection,
                true)), order);
        long rows = 0;
        for (String name : order) {
            rows += loadTable(copy, backup, byName.get(name));
        }
        deferred.restore(step -> { });
        try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                setval.setString(1, SchemaTables.quote(sequence.name()));
                setval.setLong(2, sequence.lastValue());
                setval.setBoolean(3, sequence.isCalled());
                setval.executeQuery().close();
            }
        } catch (SQLException e) {
            throw new BackupException("The sequences cannot be set: " + e.getMessage(), e);
        }
        return new Loaded(present.size(), rows);
    }

    private static long loadTable(CopyManager copy, BackupFile backup, BackupManifest.Table table) {
        MessageDigest sha256 = BackupWriter.sha256();
        long rows;
        try (InputStream in = new DigestInputStream(backup.table(table), sha256)) {
            rows = copy.copyIn("copy " + SchemaTables.quote(table.name()) + " from stdin (format binary)", in);
        } catch (IOException | SQLException e) {
            throw new BackupException("Table " + table.name() + ": its entry " + table.entry() + " is damaged or "
                    + "truncated (" + e.getMessage() + ")", e);
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        if (rows != table.rows() || !hash.equals(table.sha256())) {
            throw new BackupException("Table " + table.name() + ": the data does not match the manifest (" + rows
                    + " rows, SHA-256 " + hash + "; the manifest says " + table.rows() + " rows, SHA-256 "
                    + table.sha256() + ")");
        }
        return rows;
    }

    static String latestVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select version from flyway_schema_history where success and version is not null "
                        + "order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Whether the database's current schema holds no table at all (the only kind of database restored into). */
    public static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S')")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }
}
