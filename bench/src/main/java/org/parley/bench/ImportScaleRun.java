package org.parley.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;

/**
 * The import of a large CSV file end to end ({@code parley import}, a child JVM with {@code -Xmx1g} under
 * {@code /usr/bin/time -v}) side by side with a raw {@code COPY} of the same file into a table of text columns, both on
 * one PostgreSQL server started here (embedded, port 18601 or {@code -Dport=N}; the raw table in schema {@code raw}), in one run. The file's names are the demo world's,
 * drawn with its weights (app/src/main/resources/demo: frequent Ukrainian and Russian surnames and given names, so
 * names repeat as in real lists).
 *
 * <pre>
 * ./mvnw -B -DskipTests package
 * java -cp bench/target/parley-bench.jar org.parley.bench.ImportScaleRun /tmp/import-bench 1000000 app/target/parley.jar
 * </pre>
 *
 * Prints rows per second of both, their ratio, the import's last line and peak memory (max RSS), and then the same
 * file imported again (every row unchanged). With {@code -Djfr=PREFIX} each import is profiled (Flight Recorder,
 * {@code PREFIX-N.jfr}).
 */
public final class ImportScaleRun {

    static final int PORT = Integer.getInteger("port", 18601);
    private static final String[] COLUMNS = {"surname", "given_name", "patronymic", "sex", "date_of_birth",
        "place_of_birth", "rank", "rank_group", "unit", "service_number", "capture_date", "capture_place",
        "internment_place", "prisoner_number"};

    private ImportScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/import-bench");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path jar = Path.of(args.length > 2 ? args[2] : "app/target/parley.jar");
        Path demo = Path.of(args.length > 3 ? args[3] : "app/src/main/resources/demo");
        Files.createDirectories(dir);
        Path file = dir.resolve("persons-" + rows + ".csv");
        if (!Files.exists(file)) {
            write(file, rows, demo);
        }
        System.out.printf("file: %s, %,d rows, %,d bytes%n", file, rows, Files.size(file));
        Path data = dir.resolve("pg");
        delete(data);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(data)
                .setCleanDataDirectory(true).start()) {
            double copySeconds = rawCopy(postgres, file);
            System.out.printf("raw COPY: %.1f s, %,.0f rows/s%n", copySeconds, rows / copySeconds);
            String url = "jdbc:postgresql://localhost:" + PORT + "/postgres";
            parley(jar, url, dir, "organisation", "add", "party-a", "--name", "Party A", "--kind", "PARTY");
            parley(jar, url, dir, "organisation", "add", "party-b", "--name", "Party B", "--kind", "PARTY");
            Result first = parley(jar, url, dir, "import", file.toString(), "--holding-party", "party-a",
                    "--power-of-origin", "party-b");
            System.out.printf("import: %.1f s, %,.0f rows/s (%.1f %% of raw COPY), max RSS %,d MB, exit %d: %s%n",
                    first.seconds, rows / first.seconds, 100 * copySeconds / first.seconds, first.maxRssKb / 1024,
                    first.exit, first.lastLine);
            Result second = parley(jar, url, dir, "import", file.toString(), "--holding-party", "party-a",
                    "--power-of-origin", "party-b");
            System.out.printf("import again (nothing changes): %.1f s, %,.0f rows/s, max RSS %,d MB, exit %d: %s%n",
                    second.seconds, rows / second.seconds, second.maxRssKb / 1024, second.exit, second.lastLine);
        }
    }

    /** A raw COPY of the file into a table of text columns (a new table each time). */
    private static double rawCopy(EmbeddedPostgres postgres, Path file) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                InputStream in = Files.newInputStream(file)) {
            statement.execute("create schema if not exists raw");
            statement.execute("drop table if exists raw.raw_import");
            statement.execute("create table raw.raw_import (" + String.join(" text, ", COLUMNS) + " text)");
            long start = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy raw.raw_import from stdin (format csv, header true)", in);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    private record Result(double seconds, long maxRssKb, int exit, String lastLine) {
    }

    /** Runs the jar's command line with the external database, under /usr/bin/time -v. */
    private static Result parley(Path jar, String url, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "java", "-Xmx1g"));
        int run = RUNS.incrementAndGet();
        if (System.getProperty("jfr") != null && args[0].equals("import")) { // -Djfr=PREFIX: profile each import
            command.add("-XX:StartFlightRecording=filename=" + System.getProperty("jfr") + "-" + run
                    + ".jfr,settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out-" + run + ".txt");
        Path err = dir.resolve("err-" + run + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PARLEY_DB_URL", url);
        builder.environment().put("PARLEY_DB_USER", "postgres");
        builder.environment().put("PARLEY_DB_PASSWORD", "postgres");
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(out);
        long rss = Files.readAllLines(err).stream().filter(l -> l.contains("Maximum resident set size"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        if (exit != 0) {
            System.out.println(String.join("\n", Files.readAllLines(err).subList(0,
                    Math.min(20, Files.readAllLines(err).size()))));
        }
        return new Result(seconds, rss, exit, lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }

    /** Writes the file: names by the demo world's weights, a unique prisoner number per row. */
    static void write(Path file, int rows, Path demo) throws IOException {
        Weighted surnames = Weighted.read(demo.resolve("surnames.csv"), "uk_m", "weight");
        Weighted givenNames = Weighted.read(demo.resolve("given-names.csv"), "uk", "weight_uk");
        Weighted patronymics = Weighted.read(demo.resolve("given-names.csv"), "patronymic_uk_m", "weight_uk");
        Random random = new Random(2026);
        String[] ranks = {"солдат", "старший солдат", "молодший сержант", "сержант", "лейтенант", "капітан"};
        String[] groups = {"ENLISTED", "ENLISTED", "NCO", "NCO", "OFFICER", "OFFICER"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord((Object[]) COLUMNS);
            LocalDate firstCapture = LocalDate.of(2022, 2, 24);
            for (int i = 0; i < rows; i++) {
                int rank = random.nextInt(ranks.length);
                LocalDate born = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
                csv.printRecord(surnames.next(random), givenNames.next(random), patronymics.next(random), "MALE",
                        random.nextInt(10) == 0 ? String.valueOf(born.getYear())
                                : String.format("%02d.%02d.%d", born.getDayOfMonth(), born.getMonthValue(), born.getYear()),
                        "м. Суми", ranks[rank], groups[rank], "в/ч А" + (1000 + random.nextInt(400)),
                        "SN-" + (100_000 + random.nextInt(900_000)),
                        firstCapture.plusDays(random.nextInt(1000)).toString(), "Донецька обл.",
                        "Табір " + (1 + random.nextInt(30)), "PA-" + i);
            }
        }
    }

    /** Values of one column of a demo names file, drawn by their weights. */
    private record Weighted(List<String> values, long[] cumulative) {
        static Weighted read(Path file, String column, String weightColumn) throws IOException {
            List<String> values = new ArrayList<>();
            List<Long> weights = new ArrayList<>();
            String text = Files.readString(file).lines().filter(l -> !l.startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\n");
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().get().parse(new java.io.StringReader(text))) {
                if (record.isMapped("origin") && !record.get("origin").equals("uk")
                        || record.isMapped("sex") && !record.get("sex").equals("M")) {
                    continue;
                }
                values.add(record.get(column));
                weights.add(Long.parseLong(record.get(weightColumn)));
            }
            long[] cumulative = new long[weights.size()];
            long sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            return new Weighted(values, cumulative);
        }

        String next(Random random) {
            long pick = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
            int index = java.util.Arrays.binarySearch(cumulative, pick + 1);
            return values.get(index >= 0 ? index : -index - 1);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
