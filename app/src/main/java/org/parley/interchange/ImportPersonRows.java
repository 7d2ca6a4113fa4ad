package org.parley.interchange;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;

/**
 * Reads the persons' rows of a file by its mapping: each mapped cell becomes its field's value
 * ({@link ImportCells}), every problem is named with its line and field. The holding party is the import's; a
 * power of origin given for the import fills the rows that have none.
 */
final class ImportPersonRows {

    /** One row: its facts (null when refused), its problems and warnings. */
    record Row(long line, List<String> cells, PersonInput facts, List<ImportProblem> problems,
            List<ImportProblem> warnings) {
    }

    private final ImportMapping mapping;
    private final String holdingParty;
    private final String powerOfOrigin;
    private final Set<String> parties;

    ImportPersonRows(ImportMapping mapping, String holdingParty, String powerOfOrigin, Set<String> parties) {
        this.mapping = mapping;
        this.holdingParty = holdingParty;
        this.powerOfOrigin = powerOfOrigin;
        this.parties = parties;
    }

    /** The facts the file gives: its mapped columns, and the power of origin when given for all rows. */
    Set<PersonField> given() {
        Set<PersonField> given = EnumSet.noneOf(PersonField.class);
        mapping.fields().values().forEach(name -> given.add(ImportColumns.field(name)));
        if (powerOfOrigin != null) {
            given.add(PersonField.POWER_OF_ORIGIN);
        }
        return given;
    }

    /** The row, or null when it is blank in every mapped column (an empty row). */
    Row read(long line, List<String> cells) {
        Map<PersonField, Object> values = new EnumMap<>(PersonField.class);
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        boolean blank = true;
        for (Map.Entry<Integer, String> column : mapping.fields().entrySet()) {
            String text = column.getKey() < cells.size() ? cells.get(column.getKey()) : "";
            if (text == null || text.isBlank()) {
                continue;
            }
            blank = false;
            String name = column.getValue();
            PersonField field = ImportColumns.field(name);
            ImportCells.Cell cell = ImportCells.person(field, text);
            if (!cell.ok()) {
                problems.add(new ImportProblem(line, name, text, cell.problem()));
                continue;
            }
            if (cell.warning() != null) {
                warnings.add(new ImportProblem(line, name, text, cell.warning()));
            }
            if (cell.value() != null) {
                values.put(field, cell.value());
            }
        }
        if (blank) {
            return null;
        }
        Object holding = values.get(PersonField.HOLDING_PARTY);
        if (holding != null && !holding.equals(holdingParty)) {
            problems.add(new ImportProblem(line, "holding_party", holding.toString(),
                    "is not the party this import is for (" + holdingParty + ")"));
        }
        values.put(PersonField.HOLDING_PARTY, holdingParty);
        if (powerOfOrigin != null) {
            values.putIfAbsent(PersonField.POWER_OF_ORIGIN, powerOfOrigin);
        }
        Object origin = values.get(PersonField.POWER_OF_ORIGIN);
        if (origin != null && (!parties.contains(origin) || origin.equals(holdingParty))) {
            problems.add(new ImportProblem(line, "power_of_origin", origin.toString(), origin.equals(holdingParty)
                    ? "is the holding party itself" : "is not a known party's code"));
        }
        return new Row(line, cells, problems.isEmpty() ? new PersonInput(values, Map.of()) : null, problems, warnings);
    }
}
