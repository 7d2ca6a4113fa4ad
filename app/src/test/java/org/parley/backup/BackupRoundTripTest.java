package org.parley.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ParleyTest;
import org.parley.api.Caller;
import org.parley.api.Role;
import org.parley.audit.AuditTree;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import org.parley.cli.ParleyCommand;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RegistryService;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/**
 * Backup of the shared test database (demo world and more) while another thread registers persons through the
 * service, then {@code parley restore} into a new data directory: every table's data checked, the audit log verified
 * and proved to extend the backup's checkpoint, and each person either there with its event, state and audit entry,
 * or not there at all.
 */
@ParleyTest
class BackupRoundTripTest {

    private static final Path TEST_KEY = Path.of("target/test-audit-ed25519.key");
    private static final Caller REGISTRAR = new Caller(1, "registrar@party-a", "party-a", false,
            Set.of(Role.REGISTRAR));

    @Autowired
    DataSource dataSource;
    @Autowired
    RegistryService registry;
    @Autowired
    AuditTree tree;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aBackupTakenWhileWritingRestoresWholePersonsAndExtendsItsCheckpoint(@TempDir Path work) throws Exception {
        String surname = "Резервна-" + UUID.randomUUID().toString().substring(0, 8);
        create(surname + "-0");
        Checkpoint signed = tree.sign();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger started = new AtomicInteger(1);
        AtomicInteger committed = new AtomicInteger(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                create(surname + "-" + started.getAndIncrement());
                committed.incrementAndGet();
            }
        });
        Path file = work.resolve("parley.backup");
        BackupManifest manifest;
        try (Connection connection = dataSource.getConnection()) {
            while (committed.get() < 5) {
                Thread.onSpinWait(); // the writer is under way before the snapshot is taken
            }
            manifest = BackupWriter.write(connection, file, new BackupWriter.KeyMaterial(
                    SigningKey.loadOrCreate(TEST_KEY).publicKey(), null));
        } finally {
            stop.set(true);
            writer.join();
        }
        int afterBackup = started.get();
        create(surname + "-after");

        assertThat(manifest.checkpoint().treeSize()).isGreaterThanOrEqualTo(signed.treeSize());
        assertThat(manifest.checkpoint().note()).startsWith("parley-audit\n");
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name).contains("person", "audit_entry",
                "person_event").doesNotContain("flyway_schema_history");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry(BackupManifest.KEY_ENTRY)).as("the private key stays out").isNull();
            assertThat(new String(zip.getInputStream(zip.getEntry(BackupManifest.MANIFEST_ENTRY)).readAllBytes()))
                    .doesNotContain("PRIVATE KEY");
        }

        Path restored = work.resolve("restored");
        assertThat(run("restore", file.toString(), "--data-dir", restored.toString(), "--key-file",
                TEST_KEY.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Audit log verified").contains("The restored log extends the backup's checkpoint");
        assertThat(Files.getPosixFilePermissions(restored.resolve("audit-ed25519.key")))
                .hasSize(2); // rw------- : owner read and write only

        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(restored.resolve("postgres").toFile()).setCleanDataDirectory(false).start();
                Connection copy = server.getPostgresDatabase().getConnection()) {
            long persons = count(copy, "select count(*) from person where surname like '" + surname + "-%'");
            assertThat(persons).isBetween(5L, (long) afterBackup);
            assertThat(count(copy, "select count(*) from person where surname = '" + surname + "-after'")).isZero();
            // each restored person whole: its CAPTURED event and its audit entry (its name keys: audit verify)
            assertThat(count(copy, "select count(*) from person_event e join person p on p.id = e.person_id "
                    + "where p.surname like '" + surname + "-%'")).isEqualTo(persons);
            assertThat(count(copy, "select count(*) from audit_entry a join person p on a.record_type = 'person' "
                    + "and a.record_id = p.id::text where p.surname like '" + surname + "-%'"))
                    .isEqualTo(persons);
            for (BackupManifest.Table table : manifest.tables()) {
                assertThat(count(copy, "select count(*) from \"" + table.name() + "\"")).as(table.name())
                        .isEqualTo(table.rows());
            }
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                try (Statement statement = copy.createStatement(); ResultSet rs = statement.executeQuery(
                        "select last_value from \"" + sequence.name() + "\"")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(sequence.name()).isEqualTo(sequence.lastValue());
                }
            }
        }

        // the restored copy backs up again to the same table data
        Path again = work.resolve("again.backup");
        out.getBuffer().setLength(0);
        assertThat(run("backup", "--out", again.toString(), "--data-dir", restored.toString())).as(err.toString())
                .isZero();
        try (BackupFile second = BackupFile.open(again)) {
            assertThat(second.manifest().tables()).isEqualTo(manifest.tables());
            assertThat(second.manifest().checkpoint()).isEqualTo(manifest.checkpoint());
        }
    }

    private void create(String surname) {
        registry.create(REGISTRAR, new PersonInput(Map.of(PersonField.SURNAME, surname, PersonField.HOLDING_PARTY,
                "party-a", PersonField.CAPTURE_DATE, LocalDate.of(2024, 3, 1)), Map.of()));
    }

    private int run(String... args) {
        CommandLine commandLine = ParleyCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
