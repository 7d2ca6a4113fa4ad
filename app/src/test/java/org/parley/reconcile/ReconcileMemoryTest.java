package org.parley.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.ParleyCommand;

/**
 * The worst case for memory: 2,000 × 2,000 records with one and the same name, so that every left record fits
 * every right record equally (four million candidate pairs). The command runs in a JVM of its own with a 128 MB
 * heap and must complete, with a warning naming how many records were affected. This proves that memory grows
 * with the records, not the pairs: before the candidates kept per left record were bounded, the same run held
 * all four million scored pairs and died with an OutOfMemoryError stack trace even at 512 MB.
 */
class ReconcileMemoryTest {

    private static final int RECORDS = 2_000;

    @TempDir
    Path dir;

    @Test
    void identicalNamesOnBothSidesCompleteInASmallHeap() throws IOException, InterruptedException {
        Path left = list("left.csv", "L");
        Path right = list("right.csv", "R");
        Path out = dir.resolve("out.csv");
        Path log = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ParleyCommand.class.getName(), "reconcile", "--left", left.toString(), "--right", right.toString(),
                "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }

        String output = Files.readString(log);
        assertThat(process.isAlive()).as(output).isFalse();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("warning: 2,000 left records each have more than 10 candidates")
                .doesNotContain("OutOfMemoryError");
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        // All equally good, so none is a match: each left record lists its first three candidates for review.
        assertThat(rows).hasSize(RECORDS * 3).extracting(r -> r.get("decision")).containsOnly("review");
    }

    private Path list(String name, String prefix) throws IOException {
        Path file = dir.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("id,surname,given_name,patronymic,date_of_birth\n");
            for (int i = 0; i < RECORDS; i++) {
                writer.write(prefix + i + ",Коваленко,Олександр,Сергійович,1990-01-02\n");
            }
        }
        return file;
    }
}
