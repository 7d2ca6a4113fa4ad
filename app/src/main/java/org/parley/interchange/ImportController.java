package org.parley.interchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.api.Callers;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** REST API of imports of persons and events from CSV and Excel files (see {@link ImportService}). */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Import")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import persons (and events) from a CSV or XLSX file, in the background",
            description = "Multipart form: `file` (CSV or XLSX, at most 10 MB; larger files with the command line "
                    + "`import`), `holdingParty` (the caller's party: only its registrars import), optional "
                    + "`powerOfOrigin` (for rows without one), `mapping` (JSON `{\"columns\": {\"header\": "
                    + "\"field\"}}`, as text or a file; without it the columns are guessed from the header), "
                    + "`skipBadRows` (true: import the good rows; else a file with a rejected row stores nothing), "
                    + "`encoding` (of a CSV file, when it is not detected), `events` (a second file of events: "
                    + "prisoner_number, type, occurred_on, place, note). Answers 202 with the import's id; "
                    + "`GET /api/v1/imports/{id}` tells its state.")
    ResponseEntity<ObjectNode> start(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "events", required = false) MultipartFile events,
            @RequestParam(name = "holdingParty", required = false) String holdingParty,
            @RequestParam(name = "powerOfOrigin", required = false) String powerOfOrigin,
            @RequestParam(name = "skipBadRows", required = false) String skipBadRows,
            @RequestParam(name = "encoding", required = false) String encoding, HttpServletRequest request) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is required: the CSV or XLSX file to import");
        }
        boolean skip = switch (skipBadRows == null ? "false" : skipBadRows.strip()) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new InvalidInputException("skipBadRows", "must be true or false");
        };
        Map<String, String> columns = mapping(request);
        ImportOptions options = new ImportOptions(blankToNull(holdingParty), blankToNull(powerOfOrigin), columns, skip,
                blankToNull(encoding));
        Path saved = save(file);
        Path savedEvents = events == null || events.isEmpty() ? null : save(events);
        ImportJob job;
        try {
            job = imports.start(Callers.require(), saved, file.getOriginalFilename(), savedEvents, options);
        } catch (RuntimeException e) {
            delete(saved);
            delete(savedEvents);
            throw e;
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/imports/" + job.id()))
                .body(write(job));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's state, counts, progress and first 100 rejected rows (its organisation only)")
    ObjectNode status(@PathVariable String id) {
        return write(imports.status(Callers.require(), uuid(id)));
    }

    @GetMapping(path = "/{id}/rejected.csv", produces = "text/csv")
    @Operation(summary = "The report of an import's rejected rows: line, field, value, reason (CSV, UTF-8)")
    ResponseEntity<String> rejected(@PathVariable String id) {
        StringBuilder csv = new StringBuilder();
        imports.writeRejected(Callers.require(), uuid(id), csv);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-rejected.csv\"")
                .body(csv.toString());
    }

    private Map<String, String> mapping(HttpServletRequest request) {
        String text = null;
        try {
            if (request instanceof MultipartHttpServletRequest multipart && multipart.getFile("mapping") != null) {
                text = new String(multipart.getFile("mapping").getBytes(), StandardCharsets.UTF_8);
            } else {
                text = request.getParameter("mapping");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return imports.readMapping(text);
        } catch (ImportFileException e) {
            throw new InvalidInputException("mapping", e.getMessage().replaceFirst("^mapping: ", ""));
        }
    }

    /** The job id of a path; 404, like any unknown job, when it is not one. */
    static UUID uuid(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equals(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // not an id: not found, like any other
        }
        throw NotFoundException.of(ImportService.RECORD, id);
    }

    /** An upload saved to a temporary file, which the import service owns from then on. */
    static Path save(MultipartFile file) {
        try {
            Path saved = Files.createTempFile("parley-import-", ".upload");
            file.transferTo(saved);
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file; the system cleans it up
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static ObjectNode write(ImportJob job) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", job.id().toString());
        node.put("state", job.state().name());
        node.put("fileName", job.fileName());
        node.put("holdingParty", job.holdingParty());
        node.put("createdBy", job.createdBy());
        node.put("message", job.message());
        ObjectNode counts = node.putObject("counts");
        counts.put("new", job.counts().created());
        counts.put("updated", job.counts().updated());
        counts.put("unchanged", job.counts().unchanged());
        counts.put("rejected", job.counts().rejected());
        ObjectNode progress = node.putObject("progress");
        progress.put("rowsRead", job.progress().rowsRead());
        progress.put("totalBytes", job.progress().totalBytes());
        progress.put("bytesRead", job.progress().bytesRead());
        problems(node, "rejected", job.rejected());
        problems(node, "warnings", job.warnings());
        node.put("createdAt", job.createdAt().toString());
        node.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        ObjectNode links = node.putObject("links");
        links.put("self", "/api/v1/imports/" + job.id());
        links.put("rejected", "/api/v1/imports/" + job.id() + "/rejected.csv");
        return node;
    }

    private static void problems(ObjectNode node, String name, List<ImportProblem> problems) {
        var array = node.putArray(name);
        for (ImportProblem p : problems) {
            ObjectNode item = array.addObject();
            item.put("line", p.line());
            item.put("field", p.field());
            item.put("value", p.value());
            item.put("reason", p.reason());
        }
    }
}
