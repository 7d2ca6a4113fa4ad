package org.parley.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a backup file: every table of the application schema streamed with {@code COPY … TO STDOUT (FORMAT binary)}
 * inside one {@code REPEATABLE READ, READ ONLY} transaction, so that all tables are read at the same instant while
 * the server goes on writing — a person, its events and its audit entries are all in the file or none is. The
 * sequences, the schema version and the latest signed checkpoint are read in the same snapshot. Backup reads every
 * feature's tables by its nature; it writes none.
 */
public final class BackupWriter {

    private BackupWriter() {
    }

    /** What the backup carries of the instance's audit key: the public key (if known) and, if asked, the key file. */
    public record KeyMaterial(PublicKey publicKey, Path signingKeyFile) {

        public static KeyMaterial none() {
            return new KeyMaterial(null, null);
        }
    }

    /**
     * Writes the backup of the database behind {@code connection} to {@code out} (first to a neighbouring
     * {@code .partial} file, moved into place when complete, so that {@code out} is never a half-written file).
     */
    public static BackupManifest write(Connection connection, Path out, KeyMaterial key) {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            BackupManifest manifest;
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
                manifest = writeSnapshot(connection, partial, key);
            } finally {
                connection.rollback(); // read only: nothing to keep
                connection.setAutoCommit(true);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new BackupException("The database could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new BackupException("Cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static BackupManifest writeSnapshot(Connection connection, Path file, KeyMaterial key)
            throws SQLException, IOException {
        String createdAt = single(connection, "select to_char(now() at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
        String flywayVersion = single(connection, "select version from flyway_schema_history where success and "
                + "version is not null order by installed_rank desc limit 1");
        List<BackupManifest.Sequence> sequences = sequences(connection);
        BackupManifest.SignedCheckpoint checkpoint = latestCheckpoint(connection, key.publicKey());
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> tables = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            // the fastest level: a million persons' 2.2 GB of COPY data still shrink to 0.39 GB (README, Benchmarks)
            zip.setLevel(Deflater.BEST_SPEED);
            for (String table : SchemaTables.names(connection)) {
                String entry = "tables/" + table + ".pgcopy";
                zip.putNextEntry(new ZipEntry(entry));
                MessageDigest sha256 = sha256();
                long rows = copy.copyOut("copy " + SchemaTables.quote(table) + " to stdout (format binary)",
                        new DigestOutputStream(new KeepOpen(zip), sha256));
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table, entry, rows, HexFormat.of().formatHex(sha256.digest())));
            }
            boolean keyIncluded = key.signingKeyFile() != null;
            if (keyIncluded) {
                zip.putNextEntry(new ZipEntry(BackupManifest.KEY_ENTRY));
                zip.write(Files.readAllBytes(key.signingKeyFile()));
                zip.closeEntry();
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION,
                    parleyVersion(), flywayVersion, createdAt, tables, sequences, checkpoint,
                    key.publicKey() == null ? null : SigningKey.publicKeyPem(key.publicKey()), keyIncluded);
            zip.putNextEntry(new ZipEntry(BackupManifest.MANIFEST_ENTRY));
            zip.write(ManifestJson.write(manifest));
            zip.closeEntry();
            return manifest;
        }
    }

    private static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select sequencename from pg_sequences where schemaname = current_schema() order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (String name : names) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "select last_value, is_called from " + SchemaTables.quote(name))) {
                rs.next();
                sequences.add(new BackupManifest.Sequence(name, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return sequences;
    }

    private static BackupManifest.SignedCheckpoint latestCheckpoint(Connection connection, PublicKey publicKey)
            throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select tree_size, root_hash, signed_at, signature from audit_checkpoint order by tree_size desc "
                        + "limit 1")) {
            if (!rs.next()) {
                return null;
            }
            Checkpoint checkpoint = new Checkpoint(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(),
                    rs.getBytes(4));
            Base64.Encoder base64 = Base64.getEncoder();
            return new BackupManifest.SignedCheckpoint(checkpoint.treeSize(), base64.encodeToString(
                    checkpoint.rootHash()), checkpoint.signedAt().toString(), base64.encodeToString(
                    checkpoint.signature()), publicKey == null ? null : checkpoint.note(publicKey));
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no schema version: is this a Parley database?");
            }
            return rs.getString(1);
        }
    }

    static String parleyVersion() {
        String version = BackupWriter.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }

    /** The zip stream stays open when COPY closes what it wrote to. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
