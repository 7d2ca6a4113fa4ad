package org.parley.interchange;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parley.api.Caller;
import org.parley.api.FormulaNeutraliser;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.Role;
import org.parley.registry.PersonImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports persons (and their lifecycle events) from CSV and Excel files: what the command line, the API and the
 * import page use. {@link #preview} reads the first rows without storing anything; {@link #run} imports a file at
 * once (the command line); {@link #start} imports it in the background (the API, the page) and {@link #status} tells
 * how far it got. Every import is one transaction: a file with rejected rows stores nothing unless the options skip
 * them, and a stopped import leaves nothing behind.
 */
@Service
public class ImportService {

    /** Rejected rows and warnings a job's status carries (the report has them all). */
    public static final int STATUS_PROBLEMS = 100;
    /** Rows a preview reads. */
    public static final int PREVIEW_ROWS = 20;
    static final String RECORD = "import";

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final long PROGRESS_INTERVAL_MS = 1_000;

    private final PersonImport registry;
    private final ImportJobRepository jobs;
    private final TransactionTemplate transaction;
    private final TransactionTemplate apart;
    private final JsonMapper json;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "parley-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportService(PersonImport registry, ImportJobRepository jobs, PlatformTransactionManager transactions,
            JsonMapper json) {
        this.registry = registry;
        this.jobs = jobs;
        this.transaction = new TransactionTemplate(transactions);
        this.apart = new TransactionTemplate(transactions);
        apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    /** The caller of an import from the command line: the operator, as a registrar of the holding party. */
    public static Caller operator(String holdingParty) {
        return new Caller(0, "operator", holdingParty, false, Set.of(Role.REGISTRAR));
    }

    /**
     * The mapping of a mapping file: {@code {"columns": {"header as in the file": "field", …}}}.
     *
     * @throws ImportFileException saying what is wrong with it
     */
    public Map<String, String> readMapping(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new ImportFileException("mapping: not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode columns = root == null ? null : root.get("columns");
        if (columns == null || !columns.isObject()) {
            throw new ImportFileException("mapping: write {\"columns\": {\"header as in the file\": \"field\", …}}");
        }
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : columns.properties()) {
            if (!entry.getValue().isString()) {
                throw new ImportFileException("mapping: \"" + entry.getKey() + "\" must map to a field's name");
            }
            mapping.put(entry.getKey(), entry.getValue().asString());
        }
        return mapping;
    }

    /**
     * Reads the header and the first {@value #PREVIEW_ROWS} rows as an import would, storing nothing: the format
     * found, the mapping (guessed, or the options' columns) and each row's values and problems.
     *
     * @throws ImportFileException when the file cannot be read, saying why
     * @throws org.parley.api.ForbiddenException unless the caller is a registrar of the holding party
     */
    public ImportPreview preview(Caller caller, Path file, ImportOptions options) {
        checkOptions(caller, options);
        ImportFile in = ImportFile.open(file, options.encoding());
        Set<String> parties = registry.partyCodes();
        List<ImportPreview.Row> rows = new ArrayList<>();
        ImportMapping[] mapping = new ImportMapping[1];
        long[] headerLine = new long[1];
        ImportSheet sheet = new ImportSheet(row -> options.columns() == null ? ImportColumns.recognised(row, false) >= 2
                : options.columns().keySet().stream().map(ImportColumns::normalise)
                        .allMatch(h -> row.stream().map(ImportColumns::normalise).toList().contains(h)),
                (line, header) -> {
                    headerLine[0] = line;
                    mapping[0] = options.columns() == null ? ImportColumns.guess(header)
                            : ImportColumns.fromColumns(header, options.columns(), false);
                    ImportPersonRows reader = new ImportPersonRows(mapping[0], options.holdingParty(),
                            options.powerOfOrigin(), parties);
                    return (l, cells) -> {
                        ImportPersonRows.Row row = reader.read(l, cells);
                        if (row != null) {
                            rows.add(new ImportPreview.Row(l, cells, ImportRun.values(row.facts()), row.problems(),
                                    row.warnings()));
                        }
                        return rows.size() < PREVIEW_ROWS;
                    };
                });
        in.readPersons(sheet);
        if (!sheet.finish()) {
            throw new ImportFileException("the file has no rows");
        }
        return new ImportPreview(in.describe(), headerLine[0], mapping[0], rows, in.hasEventSheet());
    }

    /**
     * Imports a file now, in one transaction (the command line).
     *
     * @param eventsFile a second file of events, or null (a workbook may carry them in its second sheet)
     * @return what was done; {@link ImportResult#refused()} when nothing was stored, with the reason
     * @throws org.parley.api.ForbiddenException unless the caller is a registrar of the holding party
     * @throws InvalidInputException for options that are not right (an unknown party)
     */
    public ImportResult run(Caller caller, Path file, Path eventsFile, ImportOptions options, ImportProgress progress) {
        checkOptions(caller, options);
        try {
            return transaction.execute(status -> {
                ImportResult result = new ImportRun(registry, caller, options, progress).run(file, eventsFile);
                if (result.refused()) {
                    status.setRollbackOnly();
                }
                return result;
            });
        } catch (ImportFileException e) {
            return new ImportResult(true, e.getMessage(), 0, 0, 0, 0, 0, List.of(), List.of());
        }
    }

    /**
     * Starts an import in the background; imports run one after the other. The service takes over the files (and
     * deletes them when the import ends).
     *
     * @return the job, QUEUED
     */
    public ImportJob start(Caller caller, Path file, String fileName, Path eventsFile, ImportOptions options) {
        checkOptions(caller, options);
        UUID id = UUID.randomUUID();
        long size;
        try {
            size = Files.size(file) + (eventsFile == null ? 0 : Files.size(eventsFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.insert(id, caller.organisation(), caller.username(), fileName, options.holdingParty(),
                options.skipBadRows(), size);
        runner.submit(() -> runJob(id, caller, file, eventsFile, options));
        return jobs.find(id, STATUS_PROBLEMS).orElseThrow();
    }

    /**
     * An import as its organisation sees it, with the first {@value #STATUS_PROBLEMS} rejected rows and warnings.
     *
     * @throws NotFoundException for an import of another organisation, as for one that does not exist
     */
    public ImportJob status(Caller caller, UUID id) {
        requireVisible(caller, id);
        return jobs.find(id, STATUS_PROBLEMS).orElseThrow();
    }

    /** Writes the report of an import's rejected rows as CSV: line, field, value, reason (values neutralised). */
    public void writeRejected(Caller caller, UUID id, Appendable out) {
        requireVisible(caller, id);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("line", "field", "value", "reason");
            jobs.eachRejected(id, p -> {
                try {
                    csv.printRecord(p.line(), p.field(), FormulaNeutraliser.neutralise(p.value()), p.reason());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a stopped server left unfinished failed: nothing of them was stored. */
    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        int failed = jobs.failAbandoned();
        if (failed > 0) {
            LOG.warn("{} import(s) were still running when the server stopped; marked FAILED", failed);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void requireVisible(Caller caller, UUID id) {
        String organisation = jobs.organisation(id).orElse(null);
        if (organisation == null || !organisation.equals(caller.organisation()) || !caller.readsRecords()) {
            throw NotFoundException.of(RECORD, id);
        }
    }

    private void checkOptions(Caller caller, ImportOptions options) {
        if (options.holdingParty() == null || options.holdingParty().isBlank()) {
            throw new InvalidInputException("holdingParty", "is required: the code of the party holding the persons");
        }
        Set<String> parties = registry.partyCodes();
        if (!parties.contains(options.holdingParty())) {
            throw new InvalidInputException("holdingParty", "'" + options.holdingParty() + "' is not a known party");
        }
        registry.requireImporter(caller, options.holdingParty());
        if (options.powerOfOrigin() != null && (!parties.contains(options.powerOfOrigin())
                || options.powerOfOrigin().equals(options.holdingParty()))) {
            throw new InvalidInputException("powerOfOrigin", "'" + options.powerOfOrigin()
                    + "' is not another known party");
        }
    }

    private void runJob(UUID id, Caller caller, Path file, Path eventsFile, ImportOptions options) {
        long[] last = {0, 0};
        try {
            apart.executeWithoutResult(s -> jobs.running(id));
            ImportResult result = run(caller, file, eventsFile, options, (rows, bytes, total) -> {
                last[0] = rows;
                long now = System.currentTimeMillis();
                if (now - last[1] >= PROGRESS_INTERVAL_MS) {
                    last[1] = now;
                    apart.executeWithoutResult(s -> jobs.progress(id, rows, Math.max(bytes, 0)));
                }
            });
            apart.executeWithoutResult(s -> jobs.finish(id, result.refused() ? ImportJob.State.REFUSED
                    : ImportJob.State.DONE, result.message(), result, last[0]));
        } catch (RuntimeException e) {
            LOG.error("import {} failed", id, e);
            apart.executeWithoutResult(s -> jobs.finish(id, ImportJob.State.FAILED,
                    "the import failed on the server: nothing of it was stored", null, last[0]));
        } finally {
            try {
                Files.deleteIfExists(file);
                if (eventsFile != null) {
                    Files.deleteIfExists(eventsFile);
                }
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", file, e.getMessage());
            }
        }
    }
}
