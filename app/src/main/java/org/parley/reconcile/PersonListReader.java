package org.parley.reconcile;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parley.names.BirthDate;
import org.parley.names.PersonRecord;

/**
 * Reads a list of persons from a CSV file: UTF-8 with or without a byte order mark, RFC 4180 quoting, a header
 * row whose names are matched case-insensitively. Columns: {@code id} (required), {@code surname},
 * {@code given_name}, {@code patronymic}, {@code full_name} (parts in any order), {@code date_of_birth}
 * (YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY), {@code service_number}, {@code unit}, {@code rank}; a row needs an
 * id and some name. Other columns are reported and ignored. A bad row (a value of these columns with a line
 * break is one) is reported with its line number and skipped; a file that is not UTF-8, has no id column or has
 * a quote out of place cannot be read at all.
 */
public final class PersonListReader {

    static final List<String> COLUMNS = List.of("id", "surname", "given_name", "patronymic", "full_name",
            "date_of_birth", "service_number", "unit", "rank");

    private static final char REPLACEMENT = '\uFFFD';

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private PersonListReader() {
    }

    public static PersonList read(Path file) {
        return read(file, record -> record, record -> { });
    }

    /**
     * Reads a list, each record kept (in order, as soon as it is known to be kept) prepared by {@code prepare} and
     * told to {@code kept}. A file without any quote character is read in pieces on all cores, {@code prepare}
     * running there too ({@link UnquotedRows}); any other, row after row by commons-csv.
     */
    public static <T> PersonList read(Path file, Function<PersonRecord, T> prepare, Consumer<T> kept) {
        try {
            byte[] bytes = Files.size(file) <= WHOLE_FILE_LIMIT ? Files.readAllBytes(file) : null;
            if (bytes != null && UnquotedRows.applies(bytes)) {
                return UnquotedRows.read(file, bytes, prepare, kept);
            }
            InputStream input = bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(input,
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), 1 << 16);
                    CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
                return read(file, parser, prepare, kept);
            }
        } catch (NoSuchFileException e) {
            throw new InputFileException(file + ": no such file");
        } catch (IOException e) {
            throw new InputFileException(file + ": cannot be read: " + IoFailure.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new InputFileException(file + ": cannot be read: " + IoFailure.describe(e), e);
        }
    }

    private static <T> PersonList read(Path file, CSVParser parser, Function<PersonRecord, T> prepare,
            Consumer<T> kept) {
        Iterator<CSVRecord> rows = parser.iterator();
        long line = 1; // where the row being read starts
        try {
            if (!rows.hasNext()) {
                throw new InputFileException(file + ": the file is empty; a header row with an 'id' column is needed");
            }
            Header header = Header.of(file, rows.next().values());
            List<PersonRecord> records = new PackedRecords();
            List<String> problems = new ArrayList<>();
            FirstLines lineOfId = new FirstLines();
            line = parser.getCurrentLineNumber() + 1;
            int encodingErrors = 0;
            while (rows.hasNext()) {
                String[] row = rows.next().values();
                long next = parser.getCurrentLineNumber() + 1;
                try {
                    if (hasReplacement(row)) {
                        encodingErrors++;
                    }
                    PersonRecord record = header.record(row);
                    long first = lineOfId.putIfAbsent(record.id(), line, records);
                    if (first >= 0) {
                        throw new IllegalArgumentException(duplicate(record, first));
                    }
                    records.add(record);
                    kept.accept(prepare.apply(record));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
                line = next;
            }
            return list(file, records, problems, header, encodingErrors);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e;
            }
            // In the middle of a line, the parser counts it already (as the library's own messages do).
            throw new InputFileException(file + ": " + syntaxError(e.getCause(), line, parser.getCurrentLineNumber()),
                    e);
        }
    }

    /** Files up to this size are read whole (then a file without quotes is read in pieces). */
    private static final long WHOLE_FILE_LIMIT = 1L << 30;

    static String duplicate(PersonRecord record, long firstLine) {
        return "duplicate id " + record.id() + ", first on line " + firstLine;
    }

    /** The list read, unless most rows were not UTF-8: then the file as a whole is not. */
    static PersonList list(Path file, List<PersonRecord> records, List<String> problems, Header header,
            int encodingErrors) {
        if (encodingErrors > 0 && encodingErrors * 2 > records.size() + problems.size()) {
            throw new InputFileException(file + ": not UTF-8 text (" + encodingErrors
                    + " rows with invalid bytes); save it as UTF-8 (CSV UTF-8) and try again");
        }
        return new PersonList(records, problems, header.unknown());
    }

    /** The header row: where each Parley column is, and the names of the others. */
    record Header(int size, int[] columns, List<String> unknown) {

        static Header of(Path file, String[] names) {
            if (String.join(",", names).indexOf(REPLACEMENT) >= 0) {
                throw new InputFileException(file + ": not UTF-8 text; save it as UTF-8 (CSV UTF-8) and try again");
            }
            int[] columns = new int[COLUMNS.size()];
            Arrays.fill(columns, -1);
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                int column = COLUMNS.indexOf(name);
                if (column >= 0) {
                    if (columns[column] < 0) {
                        columns[column] = i;
                    }
                } else {
                    unknown.add(oneLine(names[i].replace("\uFEFF", "").strip()));
                }
            }
            if (columns[ID] < 0) {
                throw new InputFileException(file + ": no 'id' column in the header row ("
                        + oneLine(String.join(",", names)) + ")");
            }
            return new Header(names.length, columns, unknown);
        }

        /**
         * The record of a data row.
         *
         * @throws IllegalArgumentException saying why the row is not one
         */
        PersonRecord record(String[] row) {
            if (hasReplacement(row)) {
                throw new IllegalArgumentException("not valid UTF-8");
            }
            if (row.length != size) {
                throw new IllegalArgumentException(row.length + " fields where the header has " + size);
            }
            for (int column = 0; column < columns.length; column++) {
                if (columns[column] >= 0 && hasLineBreak(row[columns[column]])) {
                    throw new IllegalArgumentException(COLUMNS.get(column)
                            + " has a line break inside; a value must be on one line");
                }
            }
            String id = value(row, ID);
            if (id == null) {
                throw new IllegalArgumentException("no id");
            }
            String date = value(row, DATE_OF_BIRTH);
            BirthDate dateOfBirth;
            try {
                dateOfBirth = date == null ? null : BirthDate.parse(date);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("id " + id + ": " + e.getMessage(), e);
            }
            String surname = value(row, SURNAME);
            String givenName = value(row, GIVEN_NAME);
            String patronymic = value(row, PATRONYMIC);
            String fullName = value(row, FULL_NAME);
            // The name people read (PersonRecord#displayName) is the parts, or when none is given the full name.
            boolean hasName = surname != null || givenName != null || patronymic != null
                    ? hasLetter(surname) || hasLetter(givenName) || hasLetter(patronymic) : hasLetter(fullName);
            if (!hasName) {
                throw new IllegalArgumentException("id " + id + ": no name (surname, given_name, patronymic or "
                        + "full_name)");
            }
            return new PersonRecord(id, surname, givenName, patronymic, fullName, dateOfBirth,
                    value(row, SERVICE_NUMBER), value(row, UNIT), value(row, RANK));
        }

        /** Per field, whether its values repeat from row to row (names, dates of birth, units, ranks). */
        boolean[] repeatingValues() {
            boolean[] repeating = new boolean[size];
            for (int column : new int[] {SURNAME, GIVEN_NAME, PATRONYMIC, DATE_OF_BIRTH, UNIT, RANK}) {
                if (columns[column] >= 0) {
                    repeating[columns[column]] = true;
                }
            }
            return repeating;
        }

        private String value(String[] row, int column) {
            int at = columns[column];
            if (at < 0) {
                return null;
            }
            String value = row[at].strip();
            return value.isEmpty() ? null : value;
        }
    }

    private static final int ID = 0;
    private static final int SURNAME = 1;
    private static final int GIVEN_NAME = 2;
    private static final int PATRONYMIC = 3;
    private static final int FULL_NAME = 4;
    private static final int DATE_OF_BIRTH = 5;
    private static final int SERVICE_NUMBER = 6;
    private static final int UNIT = 7;
    private static final int RANK = 8;

    private static boolean hasLetter(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isLetter(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * A quoting error in plain words (commons-csv's own message names its exception class). The parser cannot
     * go on after one, so it stops the file.
     */
    private static String syntaxError(IOException error, long rowStart, long current) {
        String message = String.valueOf(error.getMessage());
        if (message.contains("EOF")) {
            return "line " + rowStart + ": a quoted value in the row starting here is never closed: the file ends "
                    + "inside it (a quote inside a quoted value must be doubled: \"\")";
        }
        if (message.contains("between encapsulated token and delimiter")) {
            return "line " + current + ": text after the closing quote of a quoted value (a quote inside a quoted "
                    + "value must be doubled: \"\")";
        }
        return "line " + current + ": not valid CSV (RFC 4180)";
    }

    static boolean hasReplacement(String[] row) {
        for (String value : row) {
            if (value.indexOf(REPLACEMENT) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line of each id read so far, for the message about a duplicate, in little memory (a right list has a
     * million ids): open addressing over the ids' 64-bit hashes, with the record's position to compare the ids
     * themselves when two hashes are equal.
     */
    static final class FirstLines {
        private long[] hashes = new long[1 << 12];
        private int[] positions = new int[hashes.length];
        private long[] lines = new long[hashes.length];
        private int count;

        /**
         * The line {@code id} was first read on; or -1, remembering that it is on {@code line} and will be the
         * next of {@code records}.
         */
        long putIfAbsent(String id, long line, List<PersonRecord> records) {
            long hash = hash(id);
            int mask = hashes.length - 1;
            int slot = (int) (hash ^ hash >>> 32) & mask;
            while (hashes[slot] != 0) {
                if (hashes[slot] == hash && records.get(positions[slot]).id().equals(id)) {
                    return lines[slot];
                }
                slot = (slot + 1) & mask;
            }
            hashes[slot] = hash;
            positions[slot] = records.size();
            lines[slot] = line;
            if (++count * 2 > hashes.length) {
                grow();
            }
            return -1;
        }

        private void grow() {
            long[] oldHashes = hashes;
            int[] oldPositions = positions;
            long[] oldLines = lines;
            hashes = new long[oldHashes.length * 2];
            positions = new int[hashes.length];
            lines = new long[hashes.length];
            int mask = hashes.length - 1;
            for (int i = 0; i < oldHashes.length; i++) {
                if (oldHashes[i] != 0) {
                    int slot = (int) (oldHashes[i] ^ oldHashes[i] >>> 32) & mask;
                    while (hashes[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    hashes[slot] = oldHashes[i];
                    positions[slot] = oldPositions[i];
                    lines[slot] = oldLines[i];
                }
            }
        }

        /** FNV-1a, 64 bits, never 0 (which marks a free slot). */
        private static long hash(String id) {
            long hash = 0xcbf29ce484222325L;
            for (int i = 0; i < id.length(); i++) {
                hash ^= id.charAt(i);
                hash *= 0x100000001b3L;
            }
            return hash == 0 ? 1 : hash;
        }
    }

    /** Whether a value holds a line break: its row is refused, as the value could forge lines of the outputs. */
    static boolean hasLineBreak(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isLineBreak(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A header name for a message, its line breaks made spaces. */
    private static String oneLine(String value) {
        StringBuilder line = new StringBuilder(value.length());
        value.chars().forEach(c -> line.append(isLineBreak((char) c) ? ' ' : (char) c));
        return line.toString();
    }

    /**
     * What starts a new line in a text file or on a terminal: LF, CR, vertical tab, form feed, NEL, line and
     * paragraph separators.
     */
    static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }
}
