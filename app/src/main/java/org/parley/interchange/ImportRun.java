package org.parley.interchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.registry.EventImportRow;
import org.parley.registry.PersonImport;
import org.parley.registry.PersonImportCounts;
import org.parley.registry.PersonImportRefusal;
import org.parley.registry.PersonImportRow;
import org.parley.registry.PersonImportStaging;

/**
 * One import, run inside its transaction: streams the persons' rows into the registry's staging table, reads the
 * events, and merges unless rows were rejected and the options do not skip them. Rows are never all held: only
 * the problems found, and the events (a second sheet or file, usually far smaller).
 */
final class ImportRun {

    /** How many warnings an import keeps (a warning does not stop it). */
    static final int MAX_WARNINGS = 10_000;
    private static final int PROGRESS_EVERY = 5_000;

    private final PersonImport registry;
    private final Caller caller;
    private final ImportOptions options;
    private final Set<String> parties;
    private final ImportProgress progress;
    private final List<ImportProblem> rejected = new ArrayList<>();
    private final List<ImportProblem> warnings = new ArrayList<>();
    private final Set<Long> rejectedPersonLines = new HashSet<>();
    private final Set<Long> rejectedEventLines = new HashSet<>();
    private final List<EventImportRow> events = new ArrayList<>();
    private PersonImportStaging staging;
    private ImportFile in;
    private long rowsRead;

    ImportRun(PersonImport registry, Caller caller, ImportOptions options, ImportProgress progress) {
        this.registry = registry;
        this.caller = caller;
        this.options = options;
        this.parties = registry.partyCodes();
        this.progress = progress;
    }

    /** Runs the import; answers its result, or a refusal when rows were rejected (the caller then rolls back). */
    ImportResult run(Path file, Path eventsFile) {
        in = ImportFile.open(file, options.encoding());
        ImportSheet sheet = new ImportSheet(this::isPersonHeader, this::persons);
        in.readPersons(sheet);
        if (!sheet.finish()) {
            throw new ImportFileException("the file has no rows");
        }
        progress.update(rowsRead, in.bytesRead(), in.size());
        progress.step("checking the rows against the registry");
        for (PersonImportRefusal refusal : staging.check()) {
            reject(rejectedPersonLines, refusal.line(), refusal.field(), refusal.value(), refusal.reason());
        }
        if (eventsFile != null) {
            ImportFile eventsIn = ImportFile.open(eventsFile, options.encoding());
            ImportSheet eventSheet = new ImportSheet(row -> ImportColumns.recognised(row, true) >= 2, this::events);
            eventsIn.readPersons(eventSheet);
            eventSheet.finish();
        } else if (in.hasEventSheet()) {
            ImportSheet eventSheet = new ImportSheet(row -> ImportColumns.recognised(row, true) >= 2, this::events);
            in.readEventSheet(eventSheet);
            eventSheet.finish();
        }
        if (!rejected.isEmpty() && !options.skipBadRows()) {
            return refused();
        }
        progress.step("storing the persons");
        PersonImportCounts counts = staging.merge(progress::step);
        long eventsAdded = 0;
        if (!events.isEmpty()) {
            progress.step("storing the events");
            PersonImport.EventImportResult added = registry.addEvents(caller, options.holdingParty(), events);
            for (PersonImportRefusal refusal : added.refused()) {
                reject(rejectedEventLines, refusal.line(), "events." + refusal.field(), refusal.value(),
                        refusal.reason());
            }
            if (!added.refused().isEmpty() && !options.skipBadRows()) {
                return refused();
            }
            eventsAdded = added.added();
        }
        return new ImportResult(false, null, counts.created(), counts.updated(), counts.unchanged(), eventsAdded,
                rejectedRows(), sorted(rejected), warnings);
    }

    private ImportResult refused() {
        long rows = rejectedRows();
        return new ImportResult(true, rows + (rows == 1 ? " row was" : " rows were") + " rejected, so nothing was "
                + "stored; correct them, or import the others with --skip-bad-rows (API: skipBadRows=true)", 0, 0, 0, 0,
                rows, sorted(rejected), warnings);
    }

    private long rejectedRows() {
        return rejectedPersonLines.size() + rejectedEventLines.size();
    }

    private static List<ImportProblem> sorted(List<ImportProblem> problems) {
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing((ImportProblem p) -> p.field() != null
                && p.field().startsWith("events.")).thenComparingLong(ImportProblem::line));
        return sorted;
    }

    private boolean isPersonHeader(List<String> row) {
        if (options.columns() == null) {
            return ImportColumns.recognised(row, false) >= 2;
        }
        List<String> cells = row.stream().map(ImportColumns::normalise).toList();
        return options.columns().keySet().stream().map(ImportColumns::normalise).allMatch(cells::contains);
    }

    private ImportRowSink persons(long headerLine, List<String> header) {
        ImportMapping mapping = options.columns() == null ? ImportColumns.guess(header)
                : ImportColumns.fromColumns(header, options.columns(), false);
        requireNamingColumn(headerLine, mapping);
        ImportPersonRows rows = new ImportPersonRows(mapping, options.holdingParty(), options.powerOfOrigin(), parties);
        staging = registry.stage(caller, options.holdingParty(), rows.given());
        return (line, cells) -> {
            ImportPersonRows.Row row = rows.read(line, cells);
            if (row != null) {
                rowsRead++;
                if (!row.problems().isEmpty()) {
                    row.problems().forEach(p -> reject(rejectedPersonLines, p.line(), p.field(), p.value(), p.reason()));
                } else {
                    staging.add(new PersonImportRow(line, row.facts()));
                }
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.addAll(row.warnings());
                }
                if (rowsRead % PROGRESS_EVERY == 0) {
                    progress.update(rowsRead, in.bytesRead(), in.size());
                }
            }
            return true;
        };
    }

    /** The header must name the person: a file whose columns say nothing of who is meant cannot be imported. */
    static void requireNamingColumn(long headerLine, ImportMapping mapping) {
        if (!mapping.maps("surname") && !mapping.maps("prisoner_number")) {
            throw new ImportFileException("line " + headerLine + ": no column is the surname or the prisoner number "
                    + "(e.g. surname, Прізвище, Фамилия, prisoner_number); the columns are "
                    + String.join(", ", mapping.header().stream().map(h -> "\"" + h + "\"").toList())
                    + (mapping.fields().isEmpty() ? "" : ", read as " + mapping.asColumns()));
        }
    }

    private ImportRowSink events(long headerLine, List<String> header) {
        ImportEventRows rows = new ImportEventRows(ImportColumns.guessEvents(header));
        return (line, cells) -> {
            ImportEventRows.Row row = rows.read(line, cells);
            if (row != null) {
                if (row.event() != null) {
                    events.add(row.event());
                } else {
                    row.problems().forEach(p -> reject(rejectedEventLines, p.line(), "events." + p.field(), p.value(),
                            p.reason()));
                }
            }
            return true;
        };
    }

    private void reject(Set<Long> lines, long line, String field, String value, String reason) {
        lines.add(line);
        rejected.add(new ImportProblem(line, field, value, reason));
    }

    /** The values of a row as the preview shows them, by field. */
    static Map<String, Object> values(org.parley.registry.PersonInput facts) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        if (facts != null) {
            facts.values().forEach((field, value) -> values.put(ImportColumns.snake(field),
                    value instanceof Enum<?> e ? e.name() : value));
        }
        return values;
    }
}
