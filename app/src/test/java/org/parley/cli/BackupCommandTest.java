package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ParleyApplication;
import org.parley.audit.AuditTree;
import org.parley.backup.BackupFile;
import org.parley.registry.OrganisationKind;
import org.parley.registry.RegistryService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code parley backup} of an embedded database while its server runs (in this JVM), and {@code parley restore}'s
 * refusals: a missing, foreign, truncated or corrupted file, a non-empty target, a newer schema, no key.
 */
class BackupCommandTest extends CommandLineTest {

    @TempDir
    static Path work;
    static Path backup;
    static Path backupWithKey;

    @BeforeAll
    static void backUpARunningInstance() {
        Path dataDir = work.resolve("source");
        try (ConfigurableApplicationContext running = new SpringApplicationBuilder(ParleyApplication.class)
                .web(WebApplicationType.NONE).run("--parley.data-dir=" + dataDir.toAbsolutePath(),
                        "--parley.audit.checkpoint-job=false")) {
            running.getBean(RegistryService.class).addOrganisation("backup-a", "Сторона A", OrganisationKind.PARTY,
                    "uk");
            running.getBean(AuditTree.class).sign();
            BackupCommandTest test = new BackupCommandTest();
            backup = work.resolve("source.backup");
            assertThat(test.run("backup", "--out", backup.toString(), "--data-dir", dataDir.toString()))
                    .as(test.err.toString()).isZero();
            assertThat(test.out.toString()).contains("The signing key is not in it");
            backupWithKey = work.resolve("source-with-key.backup");
            assertThat(test.run("backup", "--out", backupWithKey.toString(), "--data-dir", dataDir.toString(),
                    "--include-key")).as(test.err.toString()).isZero();
        }
    }

    @AfterAll
    static void noPropertyLeftBehind() {
        System.clearProperty("parley.db.url");
        System.clearProperty("parley.db.user");
    }

    @Test
    void aBackupWithItsKeyRestoresIntoAnEmptyDirectoryAndVerifies() throws IOException {
        Path target = work.resolve("with-key");
        assertThat(run("restore", backupWithKey.toString(), "--data-dir", target.toString())).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Restored").contains("Audit log verified: 1 entries, 1 checkpoints")
                .contains("The restored log extends the backup's checkpoint");
        assertThat(Files.readString(target.resolve("audit-ed25519.key"))).contains("PRIVATE KEY");
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(zip.getEntry("audit-ed25519.key")).as("left out by default").isNull();
        }
    }

    @Test
    void restoresIntoAnEmptyExternalDatabaseAndRefusesItOnceFilled() throws IOException {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            System.setProperty("parley.db.url", external.getJdbcUrl("postgres", "postgres"));
            System.setProperty("parley.db.user", "postgres");
            Path key = work.resolve("external-key/audit-ed25519.key");
            assertThat(run("restore", backupWithKey.toString(), "--key-file", key.toString())).as(err.toString())
                    .isZero();
            assertThat(out.toString()).contains("Audit log verified: 1 entries, 1 checkpoints");
            // the external database backs up to the very same table data
            Path again = work.resolve("external.backup");
            assertThat(run("backup", "--out", again.toString(), "--key-file", key.toString())).as(err.toString())
                    .isZero();
            try (BackupFile first = BackupFile.open(backupWithKey); BackupFile second = BackupFile.open(again)) {
                assertThat(second.manifest().tables()).isEqualTo(first.manifest().tables());
                assertThat(second.manifest().publicKey()).isEqualTo(first.manifest().publicKey());
            }
            assertThat(run("restore", backupWithKey.toString(), "--key-file", key.toString())).isEqualTo(1);
            assertThat(err.toString()).contains("The database of PARLEY_DB_URL is not empty");
        } finally {
            noPropertyLeftBehind();
        }
    }

    @Test
    void refusesANonEmptyDirectoryAndTouchesNothing() throws IOException {
        Path target = Files.createDirectories(work.resolve("busy"));
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThat(run("restore", backupWithKey.toString(), "--data-dir", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is not empty: restore only into an empty or new --data-dir");
        try (var entries = Files.list(target)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void refusesWithoutTheSigningKey() {
        assertThat(run("restore", backup.toString(), "--data-dir", work.resolve("no-key").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("holds no signing key").contains("--key-file");
        assertThat(work.resolve("no-key")).doesNotExist();
    }

    @Test
    void refusesAMissingAForeignAndATruncatedFile() throws IOException {
        assertThat(run("restore", work.resolve("none.backup").toString(), "--data-dir", work.resolve("t1")
                .toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no such file");

        Path text = Files.writeString(work.resolve("notes.backup"), "surname,given name\n");
        assertThat(run("restore", text.toString(), "--data-dir", work.resolve("t2").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("notes.backup is not a Parley backup");

        Path otherZip = rewrite("other.zip", (name, data) -> name.equals("manifest.json") ? null : data);
        assertThat(run("restore", otherZip.toString(), "--data-dir", work.resolve("t3").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("other.zip is not a Parley backup: it has no manifest.json");

        byte[] whole = Files.readAllBytes(backupWithKey);
        Path truncated = Files.write(work.resolve("truncated.backup"), java.util.Arrays.copyOf(whole,
                whole.length / 2));
        assertThat(run("restore", truncated.toString(), "--data-dir", work.resolve("t4").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("truncated.backup is not a Parley backup, or it is truncated");
        assertThat(err.toString().lines()).allMatch(line -> line.startsWith("parley: "));
    }

    @Test
    void refusesABackupOfANewerSchema() throws IOException {
        Path newer = rewrite("newer.backup", (name, data) -> name.equals("manifest.json")
                ? new String(data, StandardCharsets.UTF_8).replaceFirst("\"flywayVersion\" : \"[^\"]+\"",
                        "\"flywayVersion\" : \"999.1\"").getBytes(StandardCharsets.UTF_8) : data);
        assertThat(run("restore", newer.toString(), "--data-dir", work.resolve("t5").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is of schema version 999.1, newer than this Parley's");
        assertThat(work.resolve("t5")).doesNotExist();
    }

    @Test
    void aCorruptedTableIsNamedAndNothingIsLeft() throws IOException {
        // one byte of the organisations' data changed; the zip itself stays valid (its CRC recomputed)
        Path corrupted = rewrite("corrupted.backup", (name, data) -> {
            if (name.equals("tables/organisation.pgcopy")) {
                byte[] changed = data.clone();
                changed[changed.length - 10] ^= 0x01;
                return changed;
            }
            return data;
        });
        Path target = work.resolve("t6");
        assertThat(run("restore", corrupted.toString(), "--data-dir", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Table organisation:");
        try (var entries = Files.list(target)) {
            assertThat(entries).as("a failed restore leaves nothing").isEmpty();
        }
    }

    @Test
    void aCheckpointTheRestoredLogDoesNotExtendUndoesTheRestore() throws IOException {
        Path forged = rewrite("forged.backup", (name, data) -> name.equals("manifest.json")
                ? new String(data, StandardCharsets.UTF_8).replaceFirst("\"treeSize\" : 1,", "\"treeSize\" : 5,")
                        .getBytes(StandardCharsets.UTF_8) : data);
        Path target = work.resolve("t7");
        assertThat(run("restore", forged.toString(), "--data-dir", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("the restored copy does not verify; the restore is undone")
                .contains("kept checkpoint at size 5");
        try (var entries = Files.list(target)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void backupRefusesADirectoryWithoutADatabaseAndAKeyItCannotFind() {
        Path empty = work.resolve("nothing-here");
        assertThat(run("backup", "--out", work.resolve("x.backup").toString(), "--data-dir", empty.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("holds no Parley database");
        assertThat(run("backup", "--out", work.resolve("x.backup").toString(), "--data-dir", empty.toString(),
                "--include-key")).isEqualTo(2);
        assertThat(err.toString()).contains("--include-key needs the key file");
        assertThat(work.resolve("x.backup")).doesNotExist();
    }

    /** A copy of the backup with its entries changed (null drops one). */
    private static Path rewrite(String name, BiFunction<String, byte[], byte[]> change) throws IOException {
        Path copy = work.resolve(name);
        try (ZipFile zip = new ZipFile(backupWithKey.toFile());
                OutputStream file = Files.newOutputStream(copy); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                byte[] data;
                try (InputStream in = zip.getInputStream(entry)) {
                    data = change.apply(entry.getName(), in.readAllBytes());
                }
                if (data != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(data);
                    out.closeEntry();
                }
            }
        }
        return copy;
    }
}
