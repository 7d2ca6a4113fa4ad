package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.parley.audit.AuditKeyException;
import org.parley.audit.SigningKey;
import org.parley.backup.BackupException;
import org.parley.backup.BackupManifest;
import org.parley.backup.BackupWriter;
import org.parley.database.DatabaseStartupException;
import org.parley.database.RunningEmbeddedServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley backup --out FILE}: a consistent snapshot of the whole database, taken while the server runs
 * (README "Backup and restore"; the file's layout in docs/backup/format.md).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a backup of the whole database to FILE: one consistent snapshot (a repeatable-read "
                + "transaction) of every table, the schema version, the sequences and the latest signed audit "
                + "checkpoint. Safe while the server runs: a running embedded server on --data-dir is reached on "
                + "its own port; otherwise the database is opened (embedded, or PARLEY_DB_URL).",
                "The instance's private signing key is left out unless --include-key is given: keep the key file "
                        + "apart from the backups.",
                "Exit code 0 when written; 1 when the database cannot be read or FILE cannot be written; 2 for a bad "
                        + "argument."})
public class BackupCommand implements Callable<Integer> {

    static final String KEY_FILE_NAME = "audit-ed25519.key";

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the backup.")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "parley-data",
            description = "Directory of the embedded database (default: ${DEFAULT-VALUE}). Ignored when "
                    + "PARLEY_DB_URL names an external PostgreSQL server.")
    Path dataDir;

    @Option(names = "--key-file", paramLabel = "KEY",
            description = "The instance's audit key file (default: " + KEY_FILE_NAME + " in --data-dir): its public "
                    + "key goes into the manifest, so that the checkpoint is written as a signed note.")
    Path keyFile;

    @Option(names = "--include-key", description = "Also put the private signing key into the backup (a secret: "
            + "whoever has the file can then sign checkpoints as this instance).")
    boolean includeKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        boolean external = ExternalDatabase.named();
        Path key = keyFile != null ? keyFile : external ? null : dataDir.resolve(KEY_FILE_NAME);
        if (includeKey && (key == null || !Files.isRegularFile(key))) {
            throw new CommandLine.ParameterException(commandLine, "--include-key needs the key file: "
                    + (key == null ? "give it with --key-file" : "there is no " + key));
        }
        if (!external && !Files.exists(dataDir.resolve("postgres").resolve("postgresql.conf"))) {
            commandLine.getErr().println("parley: " + dataDir + " holds no Parley database (no " + dataDir.resolve(
                    "postgres") + "); give the --data-dir of the instance, or PARLEY_DB_URL");
            return 1;
        }
        BackupWriter.KeyMaterial keys;
        try {
            keys = keyMaterial(key);
        } catch (AuditKeyException e) {
            commandLine.getErr().println("parley: " + e.getMessage());
            return 1;
        }
        Optional<String> running;
        try {
            running = external ? Optional.empty() : RunningEmbeddedServer.jdbcUrl(dataDir);
        } catch (DatabaseStartupException e) {
            commandLine.getErr().println("parley: " + e.getMessage());
            return 1;
        }
        if (running.isPresent()) {
            try (Connection connection = DriverManager.getConnection(running.get(), "postgres", "")) {
                return write(commandLine, connection, keys);
            } catch (SQLException e) {
                commandLine.getErr().println("parley: cannot reach the running server of " + dataDir + " at "
                        + running.get() + ": " + e.getMessage());
                return 1;
            }
        }
        return OfflineContext.run(commandLine, dataDir, context -> {
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                return write(commandLine, connection, keys);
            } catch (SQLException e) {
                commandLine.getErr().println("parley: cannot read the database: " + e.getMessage());
                return 1;
            }
        });
    }

    private BackupWriter.KeyMaterial keyMaterial(Path key) {
        if (key == null || !Files.isRegularFile(key)) {
            return BackupWriter.KeyMaterial.none();
        }
        PublicKey publicKey = SigningKey.loadOrCreate(key).publicKey();
        return new BackupWriter.KeyMaterial(publicKey, includeKey ? key : null);
    }

    private int write(CommandLine commandLine, Connection connection, BackupWriter.KeyMaterial keys) {
        BackupManifest manifest;
        try {
            manifest = BackupWriter.write(connection, out, keys);
        } catch (BackupException e) {
            commandLine.getErr().println("parley: " + e.getMessage());
            return 1;
        }
        long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
        long bytes;
        try {
            bytes = Files.size(out);
        } catch (java.io.IOException e) {
            bytes = -1;
        }
        commandLine.getOut().println("Wrote the backup of " + manifest.tables().size() + " tables (" + rows
                + " rows, schema version " + manifest.flywayVersion() + ", " + (manifest.checkpoint() == null
                ? "no signed checkpoint yet" : "checkpoint at size " + manifest.checkpoint().treeSize()) + ") to "
                + out + " (" + bytes + " bytes). " + (manifest.signingKeyIncluded()
                ? "It holds the private signing key: keep it as secret as the key file."
                : "The signing key is not in it: keep " + KEY_FILE_NAME + " safe apart from it."));
        return 0;
    }
}
