package org.parley.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the header of a sheet as its rows stream by, then hands on the rows below it. The header is the first row
 * (among the first {@value #LOOK_AHEAD} that are not blank) in which at least two cells name a known field, or all the
 * headers a mapping file gives; so a title above the table — often a merged cell across it — is passed over. Failing
 * that, the first row that is not blank is the header. A header of two rows — group titles merged over several
 * columns above the columns' own names, with titles merged down over both rows ("Дата народження" over two rows
 * beside "ПІБ" over "Прізвище | Ім'я | По батькові") — is read as one: when the row below a header is a header too,
 * its names are taken, and the row above fills the cells it leaves blank (a merged cell's text is in its first row).
 */
final class ImportSheet implements ImportRowSink {

    /** What to do with the rows once the header is known. */
    interface Body {
        /** The header was found; answers the sink of the rows below it. */
        ImportRowSink header(long line, List<String> header);
    }

    static final int LOOK_AHEAD = 10;

    private final Function<List<String>, Boolean> isHeader;
    private final Body body;
    private final List<long[]> bufferedLines = new ArrayList<>();
    private final List<List<String>> buffered = new ArrayList<>();
    private ImportRowSink rows;
    /** A header found, held until the next row says whether the header has a second row. */
    private long pendingLine;
    private List<String> pending;

    ImportSheet(Function<List<String>, Boolean> isHeader, Body body) {
        this.isHeader = isHeader;
        this.body = body;
    }

    @Override
    public boolean row(long line, List<String> cells) {
        if (rows != null) {
            return rows.row(line, cells);
        }
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return true;
        }
        if (pending != null) {
            List<String> held = pending;
            pending = null;
            if (isHeader.apply(cells)) {
                return start(line, merged(held, cells), List.of(), List.of());
            }
            return start(pendingLine, held, List.of(new long[] {line}), List.of(cells));
        }
        if (isHeader.apply(cells)) {
            pendingLine = line;
            pending = cells;
            return true;
        }
        bufferedLines.add(new long[] {line});
        buffered.add(cells);
        if (buffered.size() == LOOK_AHEAD) {
            return fallBack();
        }
        return true;
    }

    /** At the end of the sheet: a sheet shorter than the look-ahead still has its header. */
    boolean finish() {
        if (rows == null && pending != null) {
            start(pendingLine, pending, List.of(), List.of());
        }
        if (rows == null && !buffered.isEmpty()) {
            fallBack();
        }
        return rows != null;
    }

    /** The lower row's names, the upper row's where the lower has none. */
    private static List<String> merged(List<String> upper, List<String> lower) {
        List<String> header = new ArrayList<>();
        for (int i = 0; i < Math.max(upper.size(), lower.size()); i++) {
            String below = i < lower.size() ? lower.get(i) : "";
            header.add(below != null && !below.isBlank() ? below : i < upper.size() ? upper.get(i) : "");
        }
        return header;
    }

    private boolean fallBack() {
        List<long[]> lines = new ArrayList<>(bufferedLines.subList(1, bufferedLines.size()));
        List<List<String>> cells = new ArrayList<>(buffered.subList(1, buffered.size()));
        return start(bufferedLines.get(0)[0], buffered.get(0), lines, cells);
    }

    private boolean start(long line, List<String> header, List<long[]> lines, List<List<String>> cells) {
        rows = body.header(line, header);
        bufferedLines.clear();
        buffered.clear();
        for (int i = 0; i < cells.size(); i++) {
            if (!rows.row(lines.get(i)[0], cells.get(i))) {
                return false;
            }
        }
        return true;
    }
}
