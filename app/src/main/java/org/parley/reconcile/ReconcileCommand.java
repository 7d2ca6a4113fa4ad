package org.parley.reconcile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.names.Linkage;
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
        try {
            PersonList leftList = read(left, err);
            PersonList rightList = read(right, err);
            Reconciliation result = Reconciliation.run(leftList, rightList, thresholds, err);
            List<MatchFiles.Row> rows = MatchFiles.rows(result);
            MatchFiles.writeCsv(rows, out);
            if (report != null) {
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
            err.println("parley reconcile: cannot write the output: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static PersonList read(Path file, PrintWriter err) {
        err.println("reading " + file);
        long started = System.nanoTime();
        PersonList list = PersonListReader.read(file);
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
