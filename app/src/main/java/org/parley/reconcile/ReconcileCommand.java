package org.parley.reconcile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.parley.names.CompactPersons;
import org.parley.names.Linkage;
import org.parley.names.PersonRecord;
import org.parley.names.PreparedPerson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley reconcile --left L.csv --right R.csv --out M.csv [--threshold T] [--report R.html]}: links two
 * person lists offline. No database, no server, no Spring: plain code over the {@code names} library.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Match the persons of two CSV lists across scripts and spellings, offline.",
                "Input columns (header, any case): id, surname, given_name, patronymic, full_name, date_of_birth, "
                        + "service_number, unit, rank. Output: left_id,right_id,score,decision,explanation."})
public class ReconcileCommand implements Callable<Integer> {

    @Option(names = "--left", required = true, paramLabel = "L.csv", description = "The list to find.")
    Path left;

    @Option(names = "--right", required = true, paramLabel = "R.csv", description = "The list to search in.")
    Path right;

    @Option(names = "--out", required = true, paramLabel = "M.csv", description = "Where to write the matches.")
    Path out;

    @Option(names = "--threshold", paramLabel = "T", description = "Match probability from which a pair is a "
            + "match (default: ${DEFAULT-VALUE}); pairs from 0.20 up are listed for review.",
            defaultValue = "0.70")
    double threshold;

    @Option(names = "--report", paramLabel = "R.html", description = "Also write a readable HTML report.")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!(threshold > 0 && threshold <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threshold must be above 0 and at most 1, not " + threshold);
        }
        Linkage.Thresholds thresholds = new Linkage.Thresholds(threshold,
                Math.min(threshold, Linkage.Thresholds.DEFAULT.review()));
        Path writing = out;
        try (HeapTrim trim = HeapTrim.start()) {
            refuseOutputOverAnotherFile();
            List<PreparedPerson> preparedLeft = new ArrayList<>();
            PersonList leftList = read(left, err, PreparedPerson::of, preparedLeft::add);
            // The right list is prepared for linking as it is read, and indexed under the keys the left one seeks.
            CompactPersons.Builder preparedRight = new CompactPersons.Builder();
            PersonList rightList = read(right, err, CompactPersons.Entry::of, preparedRight::add);
            Reconciliation result = Reconciliation.run(leftList, preparedLeft, rightList,
                    preparedRight.buildFor(preparedLeft), thresholds, err);
            List<MatchFiles.Row> rows = MatchFiles.rows(result);
            MatchFiles.writeCsv(rows, out);
            if (report != null) {
                writing = report;
                HtmlReport.write(result, rows, left, right, report);
            }
            err.printf("%,d matches, %,d left records to review, %,d without a candidate; written to %s%n",
                    result.count(Linkage.Decision.MATCH), result.count(Linkage.Decision.REVIEW),
                    result.count(Linkage.Decision.NONE), out);
            err.flush();
            return 0;
        } catch (InputFileException e) {
            err.println("parley reconcile: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("parley reconcile: cannot write " + writing + ": " + IoFailure.describe(e));
            err.flush();
            return 1;
        }
    }

    /** --out and --report must be files of their own: a slip of the keyboard must not overwrite a list. */
    private void refuseOutputOverAnotherFile() throws IOException {
        Map<String, Path> others = new LinkedHashMap<>();
        others.put("--left", left);
        others.put("--right", right);
        refuseOver("--out", out, others);
        if (report != null) {
            others.put("--out", out);
            refuseOver("--report", report, others);
        }
    }

    private void refuseOver(String option, Path output, Map<String, Path> others) throws IOException {
        for (Map.Entry<String, Path> other : others.entrySet()) {
            if (sameFile(output, other.getValue())) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " is the same file as "
                        + other.getKey() + " (" + realPath(output) + "); choose another file to write");
            }
        }
    }

    /** Whether two paths name one file: the same real path, or (hard links) the same existing file. */
    private static boolean sameFile(Path a, Path b) throws IOException {
        return realPath(a).equals(realPath(b)) || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }

    /** The path with symbolic links resolved as far as the file, or else its folder, exists; normalised. */
    private static Path realPath(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        Path folder = absolute.getParent();
        return folder != null && Files.exists(folder) ? folder.toRealPath().resolve(absolute.getFileName())
                : absolute.normalize();
    }

    private static <T> PersonList read(Path file, PrintWriter err, Function<PersonRecord, T> prepare,
            Consumer<T> kept) {
        err.println("reading " + file);
        long started = System.nanoTime();
        PersonList list = PersonListReader.read(file, prepare, kept);
        if (!list.unknownColumns().isEmpty()) {
            err.println(file + ": ignoring unknown columns " + String.join(", ", list.unknownColumns()));
        }
        list.problems().forEach(problem -> err.println(file + ": " + problem + " (row skipped)"));
        err.printf("%s: %,d persons read, %,d bad rows skipped (%.1f s)%n", file, list.records().size(),
                list.problems().size(), (System.nanoTime() - started) / 1e9);
        err.flush();
        return list;
    }
}
