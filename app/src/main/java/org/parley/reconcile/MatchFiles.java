package org.parley.reconcile;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parley.api.FormulaNeutraliser;
import org.parley.names.Explanation;
import org.parley.names.Linkage;
import org.parley.names.PersonRecord;
import org.parley.names.PreparedPerson;

/**
 * Writes a reconciliation's result: {@code left_id,right_id,score,decision,explanation} (UTF-8, RFC 4180). Every
 * cell goes through {@link FormulaNeutraliser}, so an id or name written {@code =HYPERLINK(…)} stays text in a
 * spreadsheet. The explanation's lines are joined by {@code "; "}; values inside them are quoted when they could
 * pass for that separator or for the explanation's own text (see {@link Explanation}).
 */
public final class MatchFiles {

    static final String[] HEADER = {"left_id", "right_id", "score", "decision", "explanation"};

    private MatchFiles() {
    }

    public static void writeCsv(List<Row> rows, Path out) throws IOException {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Row row : rows) {
                csv.printRecord(Stream.of(row.left().id(), row.right() == null ? "" : row.right().id(), row.score(),
                        row.decision(), row.explanation().toString()).map(FormulaNeutraliser::neutralise));
            }
        }
    }

    /** One output row with its records and explanation. */
    public record Row(PersonRecord left, PersonRecord right, String score, String decision, Explanation explanation) {
    }

    /** The output rows with their explanations, in the order of the links. */
    public static List<Row> rows(Reconciliation result) {
        return result.links().parallelStream().map(link -> row(result, link)).toList();
    }

    private static Row row(Reconciliation result, Linkage.Link link) {
        PersonRecord left = result.left().records().get(link.left());
        if (link.decision() == Linkage.Decision.NONE) {
            return new Row(left, null, "", "none",
                    new Explanation(List.of("no candidate above the review threshold")));
        }
        PersonRecord right = result.right().records().get(link.right());
        Explanation explanation = Explanation.of(PreparedPerson.of(left), PreparedPerson.of(right), link.score());
        return new Row(left, right, String.format(Locale.ROOT, "%.3f", link.score().probability()),
                link.decision().name().toLowerCase(Locale.ROOT), explanation);
    }
}
