package org.parley.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parley.api.FieldError;
import org.parley.api.JsonInput;
import org.parley.api.TextCheck;
import org.parley.registry.PartialDate;

/**
 * A minimal stand-in for {@code ListFileReader} (written on another branch), with the shape it will have: rows
 * pasted from a spreadsheet (tab-separated, a header row) or a CSV file become entries with their line numbers,
 * and every problem is a row error naming its line and field. To be removed when the real reader is merged.
 */
final class ListFileStandIn {

    /** What a file or a paste held: the rows read and the rows refused. */
    record ListFile(List<Row> rows, List<RowError> errors) {
    }

    /** A row read, with the line it was on (the header is line 1). */
    record Row(int line, EntryInput entry) {
    }

    /** A problem with a row (line 1: the header; line 0: the file as a whole). */
    record RowError(int line, String field, String reason) {
    }

    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("ref", "ref"),
            Map.entry("personid", "personId"), Map.entry("surname", "surname"), Map.entry("givenname", "givenName"),
            Map.entry("patronymic", "patronymic"), Map.entry("fullname", "fullName"),
            Map.entry("dateofbirth", "dateOfBirth"), Map.entry("servicenumber", "serviceNumber"),
            Map.entry("unit", "unit"), Map.entry("rank", "rank"), Map.entry("note", "note"));

    private ListFileStandIn() {
    }

    static ListFile readPasted(String text) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r", -1)) {
            lines.add(List.of(line.split("\t", -1)));
        }
        return read(lines);
    }

    static ListFile read(byte[] content, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return new ListFile(List.of(), List.of(new RowError(0, "file", "XLSX files are not read yet: save the "
                    + "sheet as CSV (UTF-8), or copy its rows and paste them")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new ListFile(List.of(), List.of(new RowError(0, "file", "is not UTF-8 text: save it as CSV "
                    + "(UTF-8)")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                lines.add(record.toList());
            }
        } catch (IOException | RuntimeException e) {
            return new ListFile(List.of(), List.of(new RowError(0, "file", "is not a CSV file that can be read")));
        }
        return read(lines);
    }

    private static ListFile read(List<List<String>> lines) {
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int header = 0;
        while (header < lines.size() && blank(lines.get(header))) {
            header++;
        }
        if (header == lines.size()) {
            errors.add(new RowError(0, "rows", "there are no rows: copy the header row and the rows below it"));
            return new ListFile(rows, errors);
        }
        Map<Integer, String> columns = new HashMap<>();
        List<String> names = lines.get(header);
        for (int i = 0; i < names.size(); i++) {
            String key = names.get(i).strip().replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
            String field = COLUMNS.get(key);
            if (field != null) {
                columns.put(i, field);
            } else if (!key.isEmpty()) {
                errors.add(new RowError(header + 1, names.get(i).strip(), "is not a column of a list: use ref, "
                        + "personId, surname, givenName, patronymic, fullName, dateOfBirth, serviceNumber, unit, "
                        + "rank, note"));
            }
        }
        for (int n = header + 1; n < lines.size(); n++) {
            List<String> cells = lines.get(n);
            if (blank(cells)) {
                continue;
            }
            int line = n + 1;
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                if (columns.containsKey(i)) {
                    values.put(columns.get(i), cells.get(i));
                }
            }
            JsonInput in = new JsonInput();
            PartialDate born = null;
            String dateText = in.text(values.get("dateOfBirth"), "dateOfBirth", 10, TextCheck.Kind.LINE);
            if (dateText != null) {
                try {
                    born = PartialDate.parse(dateText);
                } catch (IllegalArgumentException bad) {
                    in.error("dateOfBirth", bad.getMessage());
                }
            }
            EntryInput entry = new EntryInput(
                    in.text(values.get("ref"), "ref", ListService.MAX_REF, TextCheck.Kind.LINE),
                    in.text(values.get("personId"), "personId", 100, TextCheck.Kind.LINE),
                    in.text(values.get("surname"), "surname", ListService.MAX_NAME, TextCheck.Kind.NAME),
                    in.text(values.get("givenName"), "givenName", ListService.MAX_NAME, TextCheck.Kind.NAME),
                    in.text(values.get("patronymic"), "patronymic", ListService.MAX_NAME, TextCheck.Kind.NAME),
                    in.text(values.get("fullName"), "fullName", ListService.MAX_NAME, TextCheck.Kind.NAME),
                    born,
                    in.text(values.get("serviceNumber"), "serviceNumber", ListService.MAX_NAME, TextCheck.Kind.LINE),
                    in.text(values.get("unit"), "unit", ListService.MAX_NAME, TextCheck.Kind.LINE),
                    in.text(values.get("rank"), "rank", ListService.MAX_NAME, TextCheck.Kind.LINE),
                    in.text(values.get("note"), "note", ListService.MAX_NOTE, TextCheck.Kind.MULTI_LINE));
            try {
                in.throwIfAny();
                rows.add(new Row(line, entry));
            } catch (org.parley.api.InvalidInputException e) {
                for (FieldError error : e.errors()) {
                    errors.add(new RowError(line, error.field(), error.reason()));
                }
            }
        }
        return new ListFile(rows, errors);
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }
}
