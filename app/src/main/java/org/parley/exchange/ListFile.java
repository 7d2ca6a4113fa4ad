package org.parley.exchange;

import java.util.List;

/**
 * A list of persons as {@link ListFileReader} read it from a file or from pasted rows: the good rows, every error
 * found, and the columns it did not know. A file with errors still gives its good rows, so that a page can show
 * both; a list must not be stored while {@link #errors()} is not empty.
 *
 * @param rows the rows that passed every check, in file order
 * @param errors what is wrong, in file order; a file that cannot be read at all has just one error, of line 0,
 *     and no rows
 * @param unknownColumns the header names (as written) of the columns that were ignored, and "column E (no name)"
 *     for a column without a header that holds values
 */
public record ListFile(List<Row> rows, List<RowError> errors, List<String> unknownColumns) {

    public ListFile {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        unknownColumns = List.copyOf(unknownColumns);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * One entry of the list.
     *
     * @param line where the row starts: the line of a CSV file or of the pasted text (1 is the first), the row
     *     number of an XLSX sheet
     */
    public record Row(int line, EntryInput entry) implements java.io.Serializable {
    }

    /**
     * Something wrong with a row, one of its values, or the whole file.
     *
     * @param line as in {@link Row#line()}; 0 for the file as a whole (it could not be read at all)
     * @param field the column: its name as documented ({@code date_of_birth}), not as the header wrote it; null for
     *     the row as a whole
     * @param reason in plain words, fit to show to the person who sent the file
     */
    public record RowError(int line, String field, String reason) {

        static RowError ofFile(String reason) {
            return new RowError(0, null, reason);
        }

        /** Whether the file could not be read at all (nothing else was read). */
        public boolean wholeFile() {
            return line == 0;
        }

        /** {@code line 17, date_of_birth: "31.02.1990" is not a date}; {@code line 4: …}; or the reason alone. */
        public String describe() {
            if (line == 0) {
                return reason;
            }
            return "line " + line + (field == null ? "" : ", " + field) + ": " + reason;
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
