package org.parley.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.parley.names.BirthDate;
import org.parley.names.PersonRecord;

/**
 * Duke 1.2's whole job on the {@code reconcile} scale files ({@link ScaleFiles}), the anchor the command is
 * timed against: read both CSV files, transliterate the names with ICU ({@link Baseline}), index the right list
 * in Duke's default Lucene database, look every left record up in it and compare it with the candidates Lucene
 * returns (Duke's own blocking: an exhaustive comparison of 10,000 × 1,000,000 pairs would take days), two
 * threads, the comparators and probabilities of {@link DukeBaseline}. Writes the one-to-one matches at Duke's
 * best threshold of the accuracy run (0.95) in {@code reconcile}'s output columns, for {@code ScaleFiles check}.
 *
 * <pre>
 * /usr/bin/time -v java -cp bench/target/parley-bench.jar org.parley.bench.DukeScaleRun DIR/left.csv \
 *     DIR/right.csv DIR/duke.csv
 * java -cp bench/target/parley-bench.jar org.parley.bench.ScaleFiles check DIR/truth.csv DIR/duke.csv
 * </pre>
 */
public final class DukeScaleRun {

    /** Duke's best threshold in the accuracy run (README, "Benchmarks"). */
    private static final double THRESHOLD = 0.95;

    private DukeScaleRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DukeScaleRun LEFT.csv RIGHT.csv OUT.csv");
            System.exit(2);
        }
        long started = System.nanoTime();
        List<PersonRecord> left = read(Path.of(args[0]));
        List<PersonRecord> right = read(Path.of(args[1]));
        System.err.printf("read %,d + %,d records in %.1f s%n", left.size(), right.size(), seconds(started));
        Map<String, Baseline.Best> best = DukeBaseline.linkIndexed(left, right,
                () -> System.err.printf("transliterated and indexed in %.1f s%n", seconds(started)));
        System.err.printf("linked in %.1f s%n", seconds(started));
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader("left_id", "right_id", "score", "decision").get())) {
            for (Map.Entry<String, String> match : Baseline.matches(best, THRESHOLD)) {
                csv.printRecord(match.getKey(), match.getValue(), Baseline.format(best.get(match.getKey()).score()),
                        "match");
            }
        }
        System.err.printf("done in %.1f s%n", seconds(started));
    }

    private static List<PersonRecord> read(Path file) throws IOException {
        List<PersonRecord> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String date = value(row.get("date_of_birth"));
                records.add(new PersonRecord(row.get("id"), value(row.get("surname")), value(row.get("given_name")),
                        value(row.get("patronymic")), value(row.get("full_name")),
                        date == null ? null : BirthDate.parse(date), value(row.get("service_number")),
                        value(row.get("unit")), value(row.get("rank"))));
            }
        }
        return records;
    }

    private static String value(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
