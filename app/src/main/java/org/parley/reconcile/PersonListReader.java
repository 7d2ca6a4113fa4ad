package org.parley.reconcile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), 1 << 16);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            return read(file, parser);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file + ": no such file");
        } catch (IOException e) {
            throw new InputFileException(file + ": cannot be read: " + IoFailure.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new InputFileException(file + ": cannot be read: " + IoFailure.describe(e), e);
        }
    }

    private static PersonList read(Path file, CSVParser parser) {
        Iterator<CSVRecord> rows = parser.iterator();
        long line = 1; // where the row being read starts
        try {
            if (!rows.hasNext()) {
                throw new InputFileException(file + ": the file is empty; a header row with an 'id' column is needed");
            }
            CSVRecord header = rows.next();
            if (String.join(",", header.values()).indexOf(REPLACEMENT) >= 0) {
                throw new InputFileException(file + ": not UTF-8 text; save it as UTF-8 (CSV UTF-8) and try again");
            }
            Map<String, Integer> columns = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                if (COLUMNS.contains(name)) {
                    columns.putIfAbsent(name, i);
                } else {
                    unknown.add(oneLine(header.get(i).replace("\uFEFF", "").strip()));
                }
            }
            if (!columns.containsKey("id")) {
                throw new InputFileException(file + ": no 'id' column in the header row ("
                        + oneLine(String.join(",", header.values())) + ")");
            }
            List<PersonRecord> records = new PackedRecords();
            List<String> problems = new ArrayList<>();
            FirstLines lineOfId = new FirstLines();
            line = parser.getCurrentLineNumber() + 1;
            int encodingErrors = 0;
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                long next = parser.getCurrentLineNumber() + 1;
                try {
                    if (hasReplacement(row)) {
                        encodingErrors++;
                        throw new IllegalArgumentException("not valid UTF-8");
                    }
                    if (row.size() != header.size()) {
                        throw new IllegalArgumentException(row.size() + " fields where the header has "
                                + header.size());
                    }
                    PersonRecord record = record(row, columns);
                    long first = lineOfId.putIfAbsent(record.id(), line, records);
                    if (first >= 0) {
                        throw new IllegalArgumentException("duplicate id " + record.id() + ", first on line " + first);
                    }
                    records.add(record);
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
                line = next;
            }
            if (encodingErrors > 0 && encodingErrors * 2 > records.size() + problems.size()) {
                throw new InputFileException(file + ": not UTF-8 text (" + encodingErrors
                        + " rows with invalid bytes); save it as UTF-8 (CSV UTF-8) and try again");
            }
            return new PersonList(records, problems, unknown);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e;
            }
            // In the middle of a line, the parser counts it already (as the library's own messages do).
            throw new InputFileException(file + ": " + syntaxError(e.getCause(), line, parser.getCurrentLineNumber()),
                    e);
        }
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

    private static PersonRecord record(CSVRecord row, Map<String, Integer> columns) {
        columns.forEach((name, at) -> {
            if (at < row.size() && hasLineBreak(row.get(at))) {
                throw new IllegalArgumentException(name + " has a line break inside; a value must be on one line");
            }
        });
        String id = value(row, columns, "id");
        if (id == null) {
            throw new IllegalArgumentException("no id");
        }
        String date = value(row, columns, "date_of_birth");
        BirthDate dateOfBirth;
        try {
            dateOfBirth = date == null ? null : BirthDate.parse(date);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id " + id + ": " + e.getMessage(), e);
        }
        PersonRecord record = new PersonRecord(id, value(row, columns, "surname"), value(row, columns, "given_name"),
                value(row, columns, "patronymic"), value(row, columns, "full_name"), dateOfBirth,
                value(row, columns, "service_number"), value(row, columns, "unit"), value(row, columns, "rank"));
        if (record.displayName().codePoints().noneMatch(Character::isLetter)) {
            throw new IllegalArgumentException("id " + id + ": no name (surname, given_name, patronymic or full_name)");
        }
        return record;
    }

    private static String value(CSVRecord row, Map<String, Integer> columns, String name) {
        Integer at = columns.get(name);
        if (at == null || at >= row.size()) {
            return null;
        }
        String value = row.get(at).strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean hasReplacement(CSVRecord row) {
        for (String value : row.values()) {
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
    private static final class FirstLines {
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
    private static boolean hasLineBreak(String value) {
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
    private static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }
}
