package org.parley.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the header of a sheet as its rows stream by, then hands on the rows below it. The header is the first row
 * (among the first {@value #LOOK_AHEAD} that are not blank) in which at least two cells name a known field, or all the
 * headers a mapping file gives; so a title above the table — often a merged cell across it — is passed over. Failing
 * that, the first row that is not blank is the header.
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
        if (isHeader.apply(cells)) {
            return start(line, cells, List.of(), List.of());
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
        if (rows == null && !buffered.isEmpty()) {
            fallBack();
        }
        return rows != null;
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
