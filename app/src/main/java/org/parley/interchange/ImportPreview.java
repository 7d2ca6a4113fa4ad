package org.parley.interchange;

import java.util.List;
import java.util.Map;

/**
 * What a file holds before anything is stored: what it is ("CSV, UTF-8, separated by ';'"), the header's line, the
 * mapping (guessed, or the one given), the first rows as read with their values and problems, and whether it carries
 * an events sheet.
 */
public record ImportPreview(String format, long headerLine, ImportMapping mapping, List<Row> rows,
        boolean hasEventSheet) {

    /** A row: its cells as written, the values read (by field), its problems and warnings. */
    public record Row(long line, List<String> cells, Map<String, Object> values, List<ImportProblem> problems,
            List<ImportProblem> warnings) {
    }
}
