package org.parley.interchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.api.TextCheck;
import org.parley.registry.EventImportRow;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;

/**
 * Reads the events' rows (a workbook's second sheet, or a second file): {@code prisoner_number}, {@code type} (an
 * event type's name: INTERNED, TRANSFERRED, HOSPITALISED, NOTIFIED, EXCHANGED…), {@code occurred_on}, {@code place},
 * {@code note}. The lifecycle rules are the registry's, checked when the events are stored.
 */
final class ImportEventRows {

    /** One row: the event (null when refused) and its problems. */
    record Row(EventImportRow event, List<ImportProblem> problems) {
    }

    private final ImportMapping mapping;

    ImportEventRows(ImportMapping mapping) {
        if (!mapping.maps("prisoner_number") || !mapping.maps("type")) {
            throw new ImportFileException("events: the header must name the columns prisoner_number and type "
                    + "(and occurred_on, place, note); it has " + String.join(", ", mapping.header()));
        }
        this.mapping = mapping;
    }

    /** The row, or null when it is blank. */
    Row read(long line, List<String> cells) {
        String number = null;
        EventType type = null;
        LocalDate occurred = null;
        String place = null;
        String note = null;
        List<ImportProblem> problems = new ArrayList<>();
        boolean blank = true;
        for (Map.Entry<Integer, String> column : mapping.fields().entrySet()) {
            String text = column.getKey() < cells.size() ? cells.get(column.getKey()) : "";
            if (text == null || text.isBlank()) {
                continue;
            }
            blank = false;
            String field = column.getValue();
            ImportCells.Cell cell = switch (field) {
                case "occurred_on" -> ImportCells.date(text.strip());
                case "type" -> type(text.strip());
                case "note" -> ImportCells.text(text, TextCheck.Kind.MULTI_LINE, 4000, false);
                default -> ImportCells.text(text, TextCheck.Kind.LINE, 500, false);
            };
            if (!cell.ok()) {
                problems.add(new ImportProblem(line, field, text, cell.problem()));
                continue;
            }
            switch (field) {
                case "prisoner_number" -> number = (String) cell.value();
                case "type" -> type = (EventType) cell.value();
                case "occurred_on" -> occurred = (LocalDate) cell.value();
                case "place" -> place = (String) cell.value();
                default -> note = (String) cell.value();
            }
        }
        if (blank) {
            return null;
        }
        if (number == null && problems.stream().noneMatch(p -> p.field().equals("prisoner_number"))) {
            problems.add(new ImportProblem(line, "prisoner_number", null, "is required: it names the person"));
        }
        if (type == null && problems.stream().noneMatch(p -> p.field().equals("type"))) {
            problems.add(new ImportProblem(line, "type", null, "is required"));
        }
        return problems.isEmpty()
                ? new Row(new EventImportRow(line, number, new EventInput(type, occurred, place, note, null)), problems)
                : new Row(null, problems);
    }

    private static ImportCells.Cell type(String text) {
        String name = text.toUpperCase(Locale.ROOT).replace(' ', '_');
        for (EventType type : EventType.values()) {
            if (type.name().equals(name)) {
                return new ImportCells.Cell(type, null, null);
            }
        }
        return new ImportCells.Cell(null, "is not an event type (INTERNED, TRANSFERRED, HOSPITALISED, NOTIFIED, "
                + "EXCHANGED, REPATRIATED, RELEASED, ESCAPED, DIED, REMAINED, CAPTURED)", null);
    }
}
