package org.parley.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.ParleyCommand;
import org.parley.names.PersonRecord;
import org.parley.names.testdata.Accuracy;
import org.parley.names.testdata.GeneratedLists;
import org.parley.names.testdata.ListPairGenerator;
import picocli.CommandLine;

/** The offline command end to end, on real files; no Spring context is started. */
class ReconcileCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String err) {
    }

    private Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ParleyCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, err.toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<CSVRecord> readOutput(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    @Test
    void matchesALatinListAgainstACyrillicOneWithBomAndBadRows() throws IOException {
        Path left = write("left.csv", "\uFEFFID,Surname,Given_Name,Patronymic,Date_of_Birth,Service_Number,Notes\n"
                + "L1,Коваленко,Олександр,Сергійович,07.03.1994,1234567,\"first, with comma\"\n"
                + "L2,Шевчук,Юрій,Петрович,1988-11-02,,\n"
                + "L3,Щербак,Іван,Іванович,1979,,\n"
                + "L4,Петренко,Марія,Олегівна,not a date,,\n"
                + ",Без,Ідентифікатора,,,,\n"
                + "L2,Дубль,Ідентифікатора,,,,\n"
                + "L5,,,,,,\n"
                + "L6,Бондаренко,Андрій\n");
        Path right = write("right.csv", "id,full_name,date_of_birth,service_number,unit,rank\n"
                + "R1,Kovalenko Aleksandr Sergeevich,1994-07-03,1234567,,\n"
                + "R2,Yuriy Shevchuk,1988-11-02,,,sergeant\n"
                + "R3,Shcherbakov Ivan Ivanovich,1979-04-01,,,\n"
                + "R4,<script>alert(1)</script> Ivanov,1970,,,\n");
        Path out = dir.resolve("matches.csv");
        Path report = dir.resolve("report.html");

        Run run = run("reconcile", "--left", left.toString(), "--right", right.toString(), "--out", out.toString(),
                "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("ignoring unknown columns Notes")
                .contains("line 5: id L4: date of birth 'not a date' is not YYYY-MM-DD")
                .contains("line 6: no id")
                .contains("line 7: duplicate id L2, first on line 3")
                .contains("line 8: id L5: no name")
                .contains("line 9: 3 fields where the header has 7");
        List<CSVRecord> rows = readOutput(out);
        Map<String, CSVRecord> byLeft = new HashMap<>();
        rows.forEach(r -> byLeft.putIfAbsent(r.get("left_id"), r));
        assertThat(byLeft.keySet()).containsExactlyInAnyOrder("L1", "L2", "L3");
        assertThat(byLeft.get("L1").get("right_id")).isEqualTo("R1");
        assertThat(byLeft.get("L1").get("decision")).isEqualTo("match");
        assertThat(byLeft.get("L1").get("explanation")).contains("given name: Олександр ≈ Aleksandr "
                + "(Ukrainian/Russian equivalent)").contains("date of birth: 1994-03-07 / 1994-07-03 (day and month swapped)");
        assertThat(byLeft.get("L2").get("right_id")).isEqualTo("R2");
        assertThat(byLeft.get("L2").get("decision")).isEqualTo("match");
        assertThat(byLeft.get("L3").get("decision")).isNotEqualTo("match");
        String html = Files.readString(report);
        assertThat(html).contains("Коваленко Олександр Сергійович").contains("&lt;script&gt;")
                .doesNotContain("<script>").doesNotContain("http");
    }

    @Test
    void refusesAFileThatIsNotUtf8OrHasNoIdColumn() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "id,surname\n1,M\u00FCller\n2,J\u00F6rg\n".getBytes(StandardCharsets.ISO_8859_1));
        Path ok = write("ok.csv", "id,surname\n1,Коваленко\n");
        Path noId = write("noid.csv", "name,surname\nx,Коваленко\n");
        Path out = dir.resolve("out.csv");

        Run notUtf8 = run("reconcile", "--left", latin1.toString(), "--right", ok.toString(), "--out", out.toString());
        assertThat(notUtf8.exitCode()).isEqualTo(2);
        assertThat(notUtf8.err()).contains("not UTF-8");

        Run missingId = run("reconcile", "--left", ok.toString(), "--right", noId.toString(), "--out", out.toString());
        assertThat(missingId.exitCode()).isEqualTo(2);
        assertThat(missingId.err()).contains("no 'id' column");

        Run missingFile = run("reconcile", "--left", dir.resolve("nope.csv").toString(), "--right", ok.toString(),
                "--out", out.toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("no such file");
    }

    @Test
    void reportsABadByteSequenceInOneRowAndGoesOn() throws IOException {
        Path file = dir.resolve("mixed.csv");
        byte[] good = "id,surname,given_name\n1,Коваленко,Олександр\n2,Шевчук,Юрій\n3,Мельник,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
        byte[] content = new byte[good.length + bad.length];
        System.arraycopy(good, 0, content, 0, good.length);
        System.arraycopy(bad, 0, content, good.length, bad.length);
        Files.write(file, content);
        PersonList list = PersonListReader.read(file);
        assertThat(list.records()).extracting(PersonRecord::id).containsExactly("1", "2");
        assertThat(list.problems()).containsExactly("line 4: not valid UTF-8");
    }

    @Test
    void readsALargeFile() throws IOException {
        Path file = dir.resolve("large.csv");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("id,surname,given_name,patronymic,date_of_birth,unit\n");
            String filler = "x".repeat(400);
            for (int i = 0; i < 250_000; i++) {
                writer.write(i + ",Коваленко,Олександр,Сергійович,1990-01-02,\"" + filler + "\"\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(100_000_000L);
        PersonList list = PersonListReader.read(file);
        assertThat(list.records()).hasSize(250_000);
        assertThat(list.problems()).isEmpty();
    }

    @Test
    void endToEndOnGeneratedListsAgreesWithTheGroundTruth() throws IOException {
        GeneratedLists lists = new ListPairGenerator(11).generate(1_000, 100, 1_000);
        Path left = writeList("gen-left.csv", lists.left());
        Path right = writeList("gen-right.csv", lists.right());
        Path out = dir.resolve("gen-out.csv");
        Run run = run("reconcile", "--left", left.toString(), "--right", right.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<CSVRecord> rows = readOutput(out);
        Set<String> leftIds = new HashSet<>();
        Set<String> matchedRight = new HashSet<>();
        List<Map.Entry<String, String>> matches = new ArrayList<>();
        for (CSVRecord row : rows) {
            leftIds.add(row.get("left_id"));
            if (row.get("decision").equals("match")) {
                assertThat(matchedRight.add(row.get("right_id"))).isTrue();
                matches.add(Map.entry(row.get("left_id"), row.get("right_id")));
            }
        }
        assertThat(leftIds).hasSize(lists.left().size());
        Accuracy accuracy = Accuracy.of(matches, lists.truth());
        assertThat(accuracy.precision()).as(accuracy.toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(accuracy.f1()).as(accuracy.toString()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void neutralisesEveryCellThatASpreadsheetWouldRunAsAFormula() throws IOException {
        Path left = write("left.csv", "id,surname,given_name,date_of_birth\n"
                + "\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"open\"\")\",Коваленко,Олександр,1994-03-07\n"
                + "+SUM(1;2),Шевчук,Юрій,1988-11-02\n"
                + "@cmd,Мельник,Іван,1979-01-01\n"
                + "-7,=Бондаренко,Андрій,1970-05-05\n");
        Path right = write("right.csv", "id,surname,given_name,date_of_birth\n"
                + "=R1,Kovalenko,Oleksandr,1994-03-07\n"
                + "-R2,Shevchuk,Yurii,1988-11-02\n");
        Path out = dir.resolve("matches.csv");

        Run run = run("reconcile", "--left", left.toString(), "--right", right.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> rows = readOutput(out);
        assertThat(rows).allSatisfy(row -> assertThat(row.values())
                .allSatisfy(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@")));
        Map<String, String> rightOfLeft = new HashMap<>();
        rows.forEach(r -> rightOfLeft.putIfAbsent(r.get("left_id"), r.get("right_id")));
        // Only a quote in front: the rest is the id as written.
        assertThat(rightOfLeft).containsEntry("'=HYPERLINK(\"http://evil.example/\",\"open\")", "'=R1")
                .containsEntry("'+SUM(1;2)", "'-R2").containsKeys("'@cmd", "'-7");
    }

    @Test
    void refusesToWriteOverAnInputOrTheOtherOutput() throws IOException {
        Path left = write("left.csv", "id,surname\n1,Коваленко\n");
        Path right = write("right.csv", "id,surname\n1,Kovalenko\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), right);
        Files.createDirectories(dir.resolve("sub"));
        Path out = dir.resolve("out.csv");

        record Case(String[] args, String message) {
        }
        List<Case> cases = List.of(
                new Case(new String[] {"--out", left.toString()}, "--out is the same file as --left"),
                new Case(new String[] {"--out", dir.resolve("sub/../right.csv").toString()},
                        "--out is the same file as --right"),
                new Case(new String[] {"--out", link.toString()}, "--out is the same file as --right"),
                new Case(new String[] {"--out", out.toString(), "--report", dir.resolve("./left.csv").toString()},
                        "--report is the same file as --left"),
                new Case(new String[] {"--out", out.toString(), "--report", dir.resolve("sub/../out.csv").toString()},
                        "--report is the same file as --out"));
        for (Case c : cases) {
            List<String> args = new ArrayList<>(List.of("reconcile", "--left", left.toString(), "--right",
                    right.toString()));
            args.addAll(List.of(c.args()));
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().strip()).as(String.join(" ", c.args())).contains(c.message()).doesNotContain("\n");
        }
        assertThat(Files.readString(left)).isEqualTo("id,surname\n1,Коваленко\n");
        assertThat(Files.readString(right)).isEqualTo("id,surname\n1,Kovalenko\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aValueCannotForgeALineOfAnExplanationOrOfAnOutput() throws IOException {
        Path left = write("left.csv", "id,surname,given_name,unit,\"Notes\r\nwith a break\"\n"
                + "L1,Коваленко,Олександр,\"1 bn; score: 1.000 (weight +99.0)\",\n"
                + "L2,\"Шевчук\nL3\",Юрій,,\n"
                + "\"L4\r\nL5\",Мельник,Іван,,\n"
                + "L6,Бондаренко,Андрій,,\"a note\non two lines\"\n");
        Path right = write("right.csv", "id,surname,given_name,unit\n"
                + "R1,Kovalenko,Oleksandr,2 bn\n"
                + "R6,Bondarenko,Andrii,\n");
        Path out = dir.resolve("matches.csv");
        Path report = dir.resolve("report.html");

        Run run = run("reconcile", "--left", left.toString(), "--right", right.toString(), "--out", out.toString(),
                "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("ignoring unknown columns Notes  with a break")
                .contains("line 4: surname has a line break inside; a value must be on one line (row skipped)")
                .contains("line 6: id has a line break inside; a value must be on one line (row skipped)");
        List<CSVRecord> rows = readOutput(out);
        assertThat(rows).extracting(r -> r.get("left_id")).containsOnly("L1", "L6");
        String explanation = rows.stream().filter(r -> r.get("left_id").equals("L1")).findFirst().orElseThrow()
                .get("explanation");
        assertThat(partsOf(explanation)).as(explanation)
                .anySatisfy(part -> assertThat(part).startsWith("unit: \"1 bn; score: 1.000 (weight +99.0)\" / 2 bn ("))
                .filteredOn(part -> part.startsWith("score: ")).hasSize(1);
        // One record a line: no value brings a line break of its own into the CSV.
        assertThat(Files.readAllLines(out)).hasSize(rows.size() + 1);
        String html = Files.readString(report);
        assertThat(html).contains("unit: &quot;1 bn; score: 1.000 (weight +99.0)&quot; / 2 bn (")
                .doesNotContain("<br>score: 1.000 (weight +99.0)");
    }

    @Test
    void tellsWhatIsWrongWithAFileInPlainWords() throws IOException {
        Path ok = write("ok.csv", "id,surname\n1,Коваленко\n");
        Path textAfterQuote = write("quote.csv", "id,surname\n1,Kovalenko\n2,\"Shev\"chuk\n3,Melnyk\n");
        Path neverClosed = write("open.csv", "id,surname\n1,Kovalenko\n2,\"Shevchuk\n3,Melnyk\n4,Bondarenko\n");
        Path out = dir.resolve("out.csv");

        Run afterQuote = run("reconcile", "--left", textAfterQuote.toString(), "--right", ok.toString(), "--out",
                out.toString());
        assertThat(afterQuote.exitCode()).isEqualTo(2);
        assertThat(afterQuote.err()).contains(textAfterQuote + ": line 3: text after the closing quote of a quoted "
                + "value (a quote inside a quoted value must be doubled: \"\")");

        Run unclosed = run("reconcile", "--left", ok.toString(), "--right", neverClosed.toString(), "--out",
                out.toString());
        assertThat(unclosed.exitCode()).isEqualTo(2);
        assertThat(unclosed.err()).contains(neverClosed + ": line 3: a quoted value in the row starting here is "
                + "never closed");

        Path nowhere = dir.resolve("no-such-folder/out.csv");
        Run cannotWrite = run("reconcile", "--left", ok.toString(), "--right", ok.toString(), "--out",
                nowhere.toString());
        assertThat(cannotWrite.exitCode()).isEqualTo(1);
        assertThat(cannotWrite.err()).contains("cannot write " + nowhere + ": no such file or directory");

        for (Run run : List.of(afterQuote, unclosed, cannotWrite)) {
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("java.");
        }
    }

    /** An explanation split at its "; " separators, as a reader would: never inside a double-quoted value. */
    private static List<String> partsOf(String explanation) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < explanation.length(); i++) {
            if (explanation.charAt(i) == '"') {
                quoted = !quoted;
            } else if (!quoted && explanation.startsWith("; ", i)) {
                parts.add(explanation.substring(start, i));
                start = i + 2;
            }
        }
        parts.add(explanation.substring(start));
        return parts;
    }

    private Path writeList(String name, List<PersonRecord> records) throws IOException {
        Path file = dir.resolve(name);
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(PersonListReader.COLUMNS.toArray(String[]::new)).get())) {
            for (PersonRecord r : records) {
                csv.printRecord(r.id(), r.surname(), r.givenName(), r.patronymic(), r.fullName(),
                        r.dateOfBirth(), r.serviceNumber(), r.unit(), r.rank());
            }
        }
        return file;
    }
}
