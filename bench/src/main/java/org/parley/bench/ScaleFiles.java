package org.parley.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.parley.names.PersonRecord;
import org.parley.names.testdata.Accuracy;
import org.parley.names.testdata.GeneratedLists;
import org.parley.names.testdata.ListPairGenerator;

/**
 * Input files for the {@code reconcile} scale run, and the check of its output against the ground truth.
 *
 * <pre>
 * java -cp bench/target/parley-bench.jar org.parley.bench.ScaleFiles write DIR [left] [right] [uniform|skewed]
 *     writes DIR/left.csv (default 10,000 persons), DIR/right.csv (default 1,000,000) and DIR/truth.csv; with
 *     skewed, names are as concentrated as in real rosters (see ListPairGenerator.Frequencies)
 * java -cp bench/target/parley-bench.jar org.parley.bench.ScaleFiles check DIR/truth.csv M.csv
 *     prints precision, recall and F1 of the match rows of M.csv
 * </pre>
 */
public final class ScaleFiles {

    private static final String[] COLUMNS = {"id", "surname", "given_name", "patronymic", "full_name",
            "date_of_birth", "service_number", "unit", "rank"};

    private ScaleFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("write")) {
            int left = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
            int right = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
            ListPairGenerator.Frequencies frequencies = args.length > 4
                    ? ListPairGenerator.Frequencies.valueOf(args[4].toUpperCase(java.util.Locale.ROOT))
                    : ListPairGenerator.Frequencies.UNIFORM;
            write(Path.of(args[1]), left, right, frequencies);
        } else if (args.length == 3 && args[0].equals("check")) {
            check(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: ScaleFiles write DIR [left] [right] [uniform|skewed] | ScaleFiles check TRUTH.csv M.csv");
            System.exit(2);
        }
    }

    private static void write(Path dir, int left, int right, ListPairGenerator.Frequencies frequencies)
            throws IOException {
        Files.createDirectories(dir);
        int pairs = left * 9 / 10;
        GeneratedLists lists = new ListPairGenerator(1_000_000L + right, frequencies).generate(pairs, left - pairs, 0);
        List<PersonRecord> rightList = new ArrayList<>(lists.right().stream().map(r -> withId("R" + r.id(), r)).toList());
        new ListPairGenerator(7, frequencies).cleanPersons(Math.max(0, right - rightList.size()))
                .forEach(r -> rightList.add(withId("F" + r.id(), r)));
        java.util.Collections.shuffle(rightList, new java.util.Random(right));
        writeList(dir.resolve("left.csv"), lists.left().stream().map(r -> withId("L" + r.id(), r)).toList());
        writeList(dir.resolve("right.csv"), rightList);
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader("left_id", "right_id").get())) {
            for (Map.Entry<String, String> pair : lists.truth().entrySet()) {
                csv.printRecord("L" + pair.getKey(), "R" + pair.getValue());
            }
        }
        System.out.printf("wrote %s: %,d left, %,d right, %,d true pairs%n", dir, left, right, lists.truth().size());
    }

    /** Ids get a prefix per source (L, R, F for filler): each generator numbers its persons from 1. */
    private static PersonRecord withId(String id, PersonRecord r) {
        return new PersonRecord(id, r.surname(), r.givenName(), r.patronymic(), r.fullName(), r.dateOfBirth(),
                r.serviceNumber(), r.unit(), r.rank());
    }

    private static void writeList(Path file, List<PersonRecord> records) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            for (PersonRecord r : records) {
                csv.printRecord(r.id(), r.surname(), r.givenName(), r.patronymic(), r.fullName(), r.dateOfBirth(),
                        r.serviceNumber(), r.unit(), r.rank());
            }
        }
    }

    private static void check(Path truthFile, Path matchFile) throws IOException {
        Map<String, String> truth = new HashMap<>();
        for (CSVRecord row : read(truthFile)) {
            truth.put(row.get("left_id"), row.get("right_id"));
        }
        List<Map.Entry<String, String>> matches = new ArrayList<>();
        for (CSVRecord row : read(matchFile)) {
            if (row.get("decision").equals("match")) {
                matches.add(Map.entry(row.get("left_id"), row.get("right_id")));
            }
        }
        System.out.println(Accuracy.of(matches, truth));
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
