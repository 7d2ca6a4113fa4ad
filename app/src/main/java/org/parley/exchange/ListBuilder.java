package org.parley.exchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.api.TextCheck;
import org.parley.exchange.ListFile.Row;
import org.parley.exchange.ListFile.RowError;
import org.parley.registry.PartialDate;

/**
 * Makes a {@link ListFile} of the rows a reader finds, whatever the format: maps the header to the columns,
 * checks every value of every row, finds duplicate refs and person ids, counts the entries against the limit.
 */
final class ListBuilder {

    /** Thrown by {@link #row} at the entry past {@link ListFileReader#MAX_ENTRIES}: the reader stops there. */
    static final class TooManyEntries extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyEntries() {
            super(null, null, false, false);
        }
    }

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})\\.(\\d{4})");
    /** Longest part of a value that an error message repeats. */
    private static final int MAX_ECHO = 60;

    private final boolean lettersForColumns;
    private final int maxEntries;
    /** The column of the file (0-based) each known column is in; set by {@link #header}. */
    private final Map<ListColumn, Integer> columns = new EnumMap<>(ListColumn.class);
    private int headerWidth;
    /** Columns with no name in the header: whether any row has a value there. */
    private final Set<Integer> namelessWithValues = new LinkedHashSet<>();
    private boolean[] nameless = new boolean[0];
    private final List<String> unknown = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, Integer> lineOfRef = new HashMap<>();
    private final Map<String, Integer> lineOfPersonId = new HashMap<>();
    /** One instance of each value of the columns whose values repeat (given names, ranks…), for 50,000 rows. */
    private final Map<String, String> repeated = new HashMap<>();
    private int entries;

    /**
     * @param lettersForColumns whether to name a column by its letter (a sheet) rather than its number (text)
     */
    ListBuilder(boolean lettersForColumns, int maxEntries) {
        this.lettersForColumns = lettersForColumns;
        this.maxEntries = maxEntries;
    }

    /**
     * Maps the header row. Returns false when the file cannot be a list (no name column and no person_id): then
     * {@link #result()} holds that one error, and the reader reads no further.
     */
    boolean header(int line, List<String> names) {
        headerWidth = names.size();
        nameless = new boolean[headerWidth];
        Map<ListColumn, String> written = new EnumMap<>(ListColumn.class);
        Integer idColumn = null;
        String idWritten = null;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i);
            if (ListColumn.key(name).isEmpty()) {
                nameless[i] = true;
                continue;
            }
            ListColumn column = ListColumn.of(name);
            if (column == null && ListColumn.key(name).equals(ListColumn.ID_KEY) && idColumn == null) {
                idColumn = i;
                idWritten = name;
                continue;
            }
            if (column == null) {
                unknown.add(shown(name));
            } else if (columns.containsKey(column)) {
                errors.add(new RowError(line, column.documented(), "two columns are " + column.documented()
                        + ": " + quoted(written.get(column)) + " and " + quoted(name) + "; keep one"));
            } else {
                columns.put(column, i);
                written.put(column, name);
            }
        }
        if (idColumn != null) {
            if (columns.containsKey(ListColumn.REF)) {
                unknown.add(shown(idWritten));
            } else {
                columns.put(ListColumn.REF, idColumn);
            }
        }
        if (!columns.containsKey(ListColumn.PERSON_ID) && ListColumn.NAMES.stream().noneMatch(columns::containsKey)) {
            List<String> found = new ArrayList<>();
            names.stream().filter(n -> n != null && !n.isBlank()).limit(12).forEach(n -> found.add(quoted(n)));
            errors.clear();
            errors.add(new RowError(line, null, "the header row has no column for a name or a person_id: the first"
                    + " row must name the columns, e.g. surname, given_name, patronymic, full_name, person_id"
                    + (found.isEmpty() ? "" : " (found: " + String.join(", ", found) + ")")));
            return false;
        }
        return true;
    }

    /**
     * Reads one row after the header.
     *
     * @param cells the values by column (0-based); null or a shorter array for cells that are empty
     * @param problems why a cell has no usable value (a sheet's error cell), by column; null when none has
     * @param strictWidth whether values past the header's last column are an error of the row (text files, where
     *     they mean an unquoted separator inside a value) rather than a column without a name (a sheet)
     * @throws TooManyEntries at the entry past the limit
     */
    void row(int line, String[] cells, String[] problems, boolean strictWidth) {
        boolean blank = true;
        for (int at : columns.values()) {
            if (!isBlank(cell(cells, at)) || cell(problems, at) != null) {
                blank = false;
                break;
            }
        }
        int beyond = 0;
        for (int i = 0; i < cells.length; i++) {
            if ((i >= headerWidth || nameless[i]) && !isBlank(cells[i])) {
                if (i >= headerWidth) {
                    beyond = Math.max(beyond, i + 1);
                }
                if (!strictWidth || i < headerWidth) {
                    namelessWithValues.add(i);
                }
            }
        }
        if (blank) {
            return;
        }
        if (++entries > maxEntries) {
            throw new TooManyEntries();
        }
        if (strictWidth && beyond > 0) {
            errors.add(new RowError(line, null, beyond + " values where the header has " + headerWidth
                    + " columns (a value holding the separator must be in double quotes)"));
            return;
        }
        int errorsBefore = errors.size();
        Map<ListColumn, String> values = new EnumMap<>(ListColumn.class);
        boolean nameOrIdRefused = false;
        for (Map.Entry<ListColumn, Integer> entry : columns.entrySet()) {
            ListColumn column = entry.getKey();
            String cell = cell(cells, entry.getValue());
            String problem = cell(problems, entry.getValue());
            if (problem == null && cell != null) {
                TextCheck.Result checked = check(cell, column);
                problem = checked.problem();
                // The same instance when nothing was tidied: a workbook's shared strings stay shared.
                cell = cell.equals(checked.text()) ? cell : checked.text();
            }
            if (problem != null) {
                errors.add(new RowError(line, column.documented(), problem));
                nameOrIdRefused |= column == ListColumn.PERSON_ID || ListColumn.NAMES.contains(column);
            } else if (cell != null && !cell.isEmpty()) {
                values.put(column, column.repetitive() ? repeated.computeIfAbsent(cell, c -> c) : cell);
            }
        }
        PartialDate dateOfBirth = null;
        String date = values.get(ListColumn.DATE_OF_BIRTH);
        if (date != null) {
            dateOfBirth = date(date);
            if (dateOfBirth == null) {
                errors.add(new RowError(line, ListColumn.DATE_OF_BIRTH.documented(), quoted(date)
                        + (looksLikeDate(date) ? " is not a date"
                                : " is not a date: write DD.MM.YYYY, MM.YYYY, YYYY, YYYY-MM-DD or YYYY-MM")));
            }
        }
        String personId = values.get(ListColumn.PERSON_ID);
        boolean named = ListColumn.NAMES.stream().map(values::get)
                .anyMatch(name -> name != null && name.codePoints().anyMatch(Character::isLetter));
        if (personId == null && !named && !nameOrIdRefused) {
            errors.add(new RowError(line, null, "no person_id and no name: a row needs a person_id, or a surname, "
                    + "given_name, patronymic or full_name"));
        }
        String ref = values.get(ListColumn.REF);
        if (ref != null) {
            Integer first = lineOfRef.putIfAbsent(ref, line);
            if (first != null) {
                errors.add(new RowError(line, ListColumn.REF.documented(), quoted(ref) + " already on line " + first));
            }
        }
        if (personId != null) {
            Integer first = lineOfPersonId.putIfAbsent(personId, line);
            if (first != null) {
                errors.add(new RowError(line, ListColumn.PERSON_ID.documented(), quoted(personId)
                        + " already on line " + first));
            }
        }
        if (errors.size() == errorsBefore) {
            rows.add(new Row(line, new EntryInput(ref, personId, values.get(ListColumn.SURNAME),
                    values.get(ListColumn.GIVEN_NAME), values.get(ListColumn.PATRONYMIC),
                    values.get(ListColumn.FULL_NAME), dateOfBirth, values.get(ListColumn.SERVICE_NUMBER),
                    values.get(ListColumn.UNIT), values.get(ListColumn.RANK), values.get(ListColumn.NOTE))));
        }
    }

    /** An error that stops the reading at a line (a quote out of place): the rows before it stay. */
    void stop(int line, String reason) {
        errors.add(new RowError(line, null, reason));
    }

    ListFile result() {
        List<String> columnsShown = new ArrayList<>(unknown);
        namelessWithValues.stream().sorted()
                .forEach(i -> columnsShown.add("column " + columnName(i) + " (no name)"));
        return new ListFile(rows, errors, columnsShown);
    }

    /** A file that cannot be read at all: only this error. */
    static ListFile refused(String reason) {
        return new ListFile(List.of(), List.of(RowError.ofFile(reason)), List.of());
    }

    /** A value checked and tidied by {@link TextCheck}, and held to the column's length. */
    private static TextCheck.Result check(String cell, ListColumn column) {
        if (cell.length() > ListFileReader.MAX_CELL_LENGTH) {
            return new TextCheck.Result(null, "is longer than " + column.maxLength + " characters");
        }
        TextCheck.Result checked = TextCheck.check(cell, column.kind);
        if (checked.problem() == null
                && checked.text().codePointCount(0, checked.text().length()) > column.maxLength) {
            return new TextCheck.Result(null, "is longer than " + column.maxLength + " characters");
        }
        return checked;
    }

    /**
     * YYYY, YYYY-MM, YYYY-MM-DD ({@link PartialDate#parse}), and as typed in Ukraine and Russia DD.MM.YYYY and
     * MM.YYYY (day and month of one or two digits); null when the text is none of these or no real date.
     */
    static PartialDate date(String text) {
        Matcher dayMonthYear = DAY_MONTH_YEAR.matcher(text);
        Matcher monthYear = MONTH_YEAR.matcher(text);
        try {
            if (dayMonthYear.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(dayMonthYear.group(3)),
                        Integer.parseInt(dayMonthYear.group(2)), Integer.parseInt(dayMonthYear.group(1)));
                return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            }
            if (monthYear.matches()) {
                int month = Integer.parseInt(monthYear.group(1));
                return month < 1 || month > 12 ? null
                        : new PartialDate(Integer.parseInt(monthYear.group(2)), month, null);
            }
            return PartialDate.parse(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether a value not taken for a date is written as one (then it is a date that does not exist). */
    private static boolean looksLikeDate(String text) {
        return DAY_MONTH_YEAR.matcher(text).matches() || MONTH_YEAR.matcher(text).matches()
                || text.matches("\\d{4}-\\d{2}(-\\d{2})?");
    }

    private static String cell(String[] cells, int at) {
        return cells == null || at >= cells.length ? null : cells[at];
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private String columnName(int index) {
        if (!lettersForColumns) {
            return Integer.toString(index + 1);
        }
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** A value in double quotes for a message, cut short when long, on one line. */
    static String quoted(String value) {
        String shown = shown(value);
        return "\"" + shown + "\"";
    }

    /**
     * A header or value for a message: on one line and in its own direction (control characters, line breaks and
     * bidirectional controls made U+FFFD), cut short when long.
     */
    static String shown(String value) {
        String stripped = value.strip();
        StringBuilder out = new StringBuilder(Math.min(stripped.length(), MAX_ECHO + 1));
        int count = 0;
        for (int i = 0; i < stripped.length(); ) {
            int cp = stripped.codePointAt(i);
            i += Character.charCount(cp);
            if (++count > MAX_ECHO) {
                out.append('…');
                break;
            }
            int type = Character.getType(cp);
            boolean hidden = type == Character.CONTROL || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
            out.appendCodePoint(hidden ? 0xFFFD : cp);
        }
        return out.toString();
    }
}
