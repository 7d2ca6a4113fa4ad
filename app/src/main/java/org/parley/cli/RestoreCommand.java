package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.parley.audit.AuditKeyException;
import org.parley.audit.AuditVerifier;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import org.parley.audit.Verification;
import org.parley.backup.BackupException;
import org.parley.backup.BackupFile;
import org.parley.backup.BackupManifest;
import org.parley.backup.RestoreLoader;
import org.parley.backup.SchemaVersions;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley restore FILE}: a backup brought back into an empty data directory or an empty external database,
 * then the audit log verified to extend the backup's checkpoint (README "Backup and restore").
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup ('parley backup') into an EMPTY data directory (--data-dir) or an empty "
                + "database (PARLEY_DB_URL): migrate the schema to the backup's version, load every table in one "
                + "transaction checking its row count and SHA-256 against the manifest, set the sequences, then "
                + "verify the audit log ('audit verify') and that it extends the backup's signed checkpoint.",
                "A failed restore leaves nothing: the directory's content (or the database's tables) is removed.",
                "The instance's signing key comes from the backup (if made with --include-key) or --key-file.",
                "Exit code 0 when restored and verified; 1 when refused or failed; 2 for a bad argument."})
public class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "parley-data",
            description = "The new, empty directory of the embedded database (default: ${DEFAULT-VALUE}). Ignored "
                    + "when PARLEY_DB_URL names an external PostgreSQL server.")
    Path dataDir;

    @Option(names = "--key-file", paramLabel = "KEY",
            description = "The instance's audit key file, kept apart from the backup: copied into --data-dir "
                    + "(with an external database: the parley.audit.key-file the server uses).")
    Path keyFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        try (BackupFile backup = BackupFile.open(file)) {
            return restore(commandLine, backup);
        } catch (BackupException | AuditKeyException e) {
            commandLine.getErr().println("parley: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            commandLine.getErr().println("parley: cannot close " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private int restore(CommandLine commandLine, BackupFile backup) {
        BackupManifest manifest = backup.manifest();
        if (SchemaVersions.isNewerThanThisJar(manifest.flywayVersion())) {
            throw new BackupException(file + " is of schema version " + manifest.flywayVersion() + ", newer than this "
                    + "Parley's (" + SchemaVersions.latest() + "): restore it with the Parley that wrote it ("
                    + manifest.parleyVersion() + ") or a later one");
        }
        boolean external = ExternalDatabase.named();
        refuseUnlessEmpty(external);
        List<String> properties = new ArrayList<>(List.of("--spring.flyway.target=" + manifest.flywayVersion(),
                "--parley.audit.checkpoint-job=false"));
        placeKey(backup, external).ifPresent(key -> properties.add("--parley.audit.key-file=" + key.toAbsolutePath()));
        // Two runs: the beans of the first read instance values (the public-id key) before the load replaced them;
        // the second starts on the restored data alone, as 'audit verify' would.
        boolean[] restored = {false};
        int exit = OfflineContext.run(commandLine, dataDir, properties, context -> {
            int code = load(commandLine, backup, context);
            if (code != 0 && external) {
                dropEverything(commandLine, context);
            }
            return code;
        });
        if (exit == 0) {
            exit = OfflineContext.run(commandLine, dataDir, properties, context -> {
                int code = verify(commandLine, manifest, context);
                restored[0] = code == 0;
                if (code != 0 && external) {
                    dropEverything(commandLine, context);
                }
                return code;
            });
        }
        if (!restored[0] && !external) {
            removeContent(commandLine, dataDir);
        }
        return exit;
    }

    private int load(CommandLine commandLine, BackupFile backup, ConfigurableApplicationContext context) {
        BackupManifest manifest = backup.manifest();
        RestoreLoader.Loaded loaded;
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            loaded = RestoreLoader.load(connection, backup);
        } catch (BackupException e) {
            commandLine.getErr().println("parley: " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            commandLine.getErr().println("parley: cannot reach the target database: " + e.getMessage());
            return 1;
        }
        commandLine.getOut().println("Restored " + loaded.tables() + " tables (" + loaded.rows() + " rows) of schema "
                + "version " + manifest.flywayVersion() + " from " + file + " (taken " + manifest.createdAt() + ").");
        return 0;
    }

    private static int verify(CommandLine commandLine, BackupManifest manifest,
            ConfigurableApplicationContext context) {
        Optional<Checkpoint> kept = Optional.ofNullable(manifest.checkpoint()).map(c -> new Checkpoint(c.treeSize(),
                Base64.getDecoder().decode(c.rootHash()), Instant.parse(c.signedAt()),
                Base64.getDecoder().decode(c.signature())));
        Verification verification = context.getBean(AuditVerifier.class).verify(kept);
        if (!verification.ok()) {
            commandLine.getErr().println("parley: the restored copy does not verify; the restore is undone.");
            commandLine.getErr().println(verification.report());
            return 1;
        }
        commandLine.getOut().println(verification.report());
        kept.ifPresent(k -> commandLine.getOut().println("The restored log extends the backup's checkpoint: signed by "
                + "this instance's key, consistent from its " + k.treeSize() + " entries to the "
                + verification.entries() + " restored."));
        return 0;
    }

    private void refuseUnlessEmpty(boolean external) {
        if (external) {
            try (Connection connection = ExternalDatabase.connect()) {
                if (!RestoreLoader.isEmpty(connection)) {
                    throw new BackupException("The database of PARLEY_DB_URL is not empty: restore only into an empty "
                            + "database (create a new one)");
                }
            } catch (SQLException e) {
                throw new BackupException("Cannot reach the database of PARLEY_DB_URL: " + e.getMessage(), e);
            }
            return;
        }
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new BackupException(dataDir + " is a file, not a directory: give a new, empty --data-dir");
        }
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new BackupException(dataDir + " is not empty: restore only into an empty or new "
                            + "--data-dir (nothing was changed)");
                }
            } catch (IOException e) {
                throw new BackupException("Cannot read " + dataDir + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Puts the instance's key where the restored instance reads it: into the new data directory, from the backup or
     * --key-file; the key's public half must be the one the backup names. Returns the key file to use with an
     * external database.
     */
    private Optional<Path> placeKey(BackupFile backup, boolean external) {
        Optional<byte[]> carried = backup.signingKey();
        if (carried.isEmpty() && keyFile == null) {
            if (backup.manifest().checkpoint() != null) {
                throw new BackupException(file + " holds no signing key (it was made without --include-key): give "
                        + "the instance's key file with --key-file, else its checkpoints cannot be verified");
            }
            return Optional.empty();
        }
        if (keyFile != null && !Files.isRegularFile(keyFile)) {
            if (carried.isEmpty()) {
                throw new BackupException("Cannot read the key file " + keyFile + ": no such file");
            }
        }
        Path target = external ? keyFile : dataDir.resolve(BackupCommand.KEY_FILE_NAME);
        if (target == null) {
            throw new BackupException("With PARLEY_DB_URL, give --key-file: where the restored instance's key is "
                    + "(written there from the backup if it does not exist)");
        }
        try {
            if (!Files.isRegularFile(target)) {
                byte[] key = keyFile != null && Files.isRegularFile(keyFile) ? Files.readAllBytes(keyFile)
                        : carried.get();
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.write(target, key);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new BackupException("Cannot write the key file " + target + ": " + e.getMessage(), e);
        }
        String pem = SigningKey.publicKeyPem(SigningKey.loadOrCreate(target).publicKey());
        if (backup.manifest().publicKey() != null && !backup.manifest().publicKey().equals(pem)) {
            if (!external) {
                removeContent(null, dataDir);
            }
            throw new BackupException("The key file is not the one of the instance that made the backup (its public "
                    + "key differs from the manifest's)");
        }
        return Optional.of(target);
    }

    /** Undoes a failed restore on an external database that was empty before: its tables and functions go. */
    private static void dropEverything(CommandLine commandLine, ConfigurableApplicationContext context) {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
                Statement statement = connection.createStatement()) {
            String schema = connection.getSchema();
            statement.execute("drop schema \"" + schema + "\" cascade");
            statement.execute("create schema \"" + schema + "\"");
        } catch (SQLException e) {
            commandLine.getErr().println("parley: the migrated schema could not be removed (" + e.getMessage()
                    + "): drop and create the database again before another restore");
        }
    }

    /** Removes what a failed restore wrote into the data directory, which was empty before. */
    private static void removeContent(CommandLine commandLine, Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(directory)).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            if (commandLine != null) {
                commandLine.getErr().println("parley: " + directory + " could not be emptied (" + e.getMessage()
                        + "): remove it before another restore");
            }
        }
    }
}
