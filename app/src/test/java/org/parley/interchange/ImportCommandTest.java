package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ParleyApplication;
import org.parley.cli.ParleyCommand;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/** {@code parley import} on an embedded database of its own: its last line, its exit codes, and a killed import. */
class ImportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = ParleyCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String lastLine() {
        List<String> lines = out.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private void parties(String dir) {
        assertThat(run("organisation", "add", "party-a", "--name", "Party A", "--kind", "PARTY", "--data-dir", dir))
                .as(err.toString()).isZero();
        assertThat(run("organisation", "add", "party-b", "--name", "Party B", "--kind", "PARTY", "--data-dir", dir))
                .as(err.toString()).isZero();
    }

    @Test
    void theLastLineSaysWhatWasDoneAndARefusedFileExitsWithOne(@TempDir Path dataDir) {
        String dir = dataDir.toString();
        parties(dir);
        String file = ImportFixtures.file("persons-uk-semicolon-bom.csv").toString();
        assertThat(run("import", file, "--holding-party", "party-a", "--power-of-origin", "party-b", "--data-dir", dir))
                .as(err.toString()).isZero();
        assertThat(lastLine()).isEqualTo("imported 3 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(err.toString()).contains("warning: line 4, surname: \"Бондаренкo\" has Latin letters");
        assertThat(run("import", file, "--holding-party", "party-a", "--power-of-origin", "party-b", "--data-dir", dir))
                .isZero();
        assertThat(lastLine()).isEqualTo("imported 0 new, 0 updated, 3 unchanged, 0 rejected");

        String bad = ImportFixtures.file("persons-bad.csv").toString();
        assertThat(run("import", bad, "--holding-party", "party-a", "--data-dir", dir)).isEqualTo(1);
        assertThat(lastLine()).isEqualTo("imported 0 new, 0 updated, 0 unchanged, 4 rejected");
        assertThat(err.toString()).contains("rejected: line 3, date_of_birth: \"31.02.1990\" is not a date")
                .contains("4 rows were rejected, so nothing was stored");
        assertThat(run("import", bad, "--holding-party", "party-a", "--skip-bad-rows", "--data-dir", dir)).isZero();
        assertThat(lastLine()).isEqualTo("imported 2 new, 0 updated, 0 unchanged, 4 rejected");

        String mapping = ImportFixtures.file("mapping.json").toString();
        assertThat(run("import", ImportFixtures.file("persons-mapped.csv").toString(), "--mapping", mapping,
                "--holding-party", "party-b", "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(lastLine()).isEqualTo("imported 1 new, 0 updated, 0 unchanged, 0 rejected");

        assertThat(run("import", file, "--holding-party", "party-c", "--data-dir", dir)).isEqualTo(1);
        assertThat(err.toString()).contains("holdingParty: 'party-c' is not a known party");
        assertThat(run("import", "no-such-file.csv", "--holding-party", "party-a", "--data-dir", dir)).isEqualTo(2);

        assertThat(run("audit", "verify", "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Audit log verified: 8 entries");
    }

    @Test
    void anImportKilledHalfWayLeavesNothing(@TempDir Path dataDir, @TempDir Path files) throws Exception {
        String dir = dataDir.toString();
        parties(dir);
        Path file = files.resolve("large.csv");
        try (Writer csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            csv.write("surname,given_name,date_of_birth,prisoner_number\n");
            for (int i = 0; i < 300_000; i++) {
                csv.write("Вбитий,Імпорт," + (1950 + i % 50) + ",KILL-" + i + "\n");
            }
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParleyCommand.class.getName(), "import", file.toString(),
                "--holding-party", "party-a", "--data-dir", dir).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean halfWay = false;
        try (BufferedReader progress = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = progress.readLine(); line != null; line = progress.readLine()) {
                if (line.startsWith("read ") && line.replaceAll("\\D", "").length() >= 6) { // 100,000 rows or more
                    halfWay = true;
                    child.destroyForcibly(); // kill -9: no shutdown hook, no rollback by the JVM
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(halfWay).as("the import was killed while it read rows").isTrue();

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ParleyApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run("--parley.data-dir=" + dir)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from person_event").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from person_name_key").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single())
                    .as("the two organisations' entries only").isEqualTo(2);
        }
        assertThat(run("audit", "verify", "--data-dir", dir)).as(err.toString()).isZero();
    }
}
