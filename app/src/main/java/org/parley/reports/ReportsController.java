package org.parley.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.TextCheck;
import org.parley.print.PdfRenderer;
import org.parley.registry.PersonFilter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/reports}: freeze figures; {@code GET /api/v1/reports/{id}} and its PDF. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Figures", description = "Figures with provenance, and frozen reports of them")
class ReportsController {

    private static final Set<String> MEMBERS = Set.of("figures", "filters", "title");

    private final ReportService reports;
    private final FigureFilters filters;
    private final PdfRenderer pdf;

    ReportsController(ReportService reports, FigureFilters filters, PdfRenderer pdf) {
        this.reports = reports;
        this.filters = filters;
        this.pdf = pdf;
    }

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Freeze figures as a signed report", description = "{\"figures\": [ids of the caller's "
            + "figures], \"filters\": {the filters of GET /api/v1/figures}, \"title\"} → the report document (201): "
            + "values, definitions, every record counted with its status, the audit log's size and root, a signed "
            + "checkpoint with the consistency proof to it, author, Ed25519 signature. An audit entry. Readable by "
            + "the author's organisation.")
    ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
        Caller caller = Callers.require();
        FiguresService.requireReader(caller);
        JsonInput in = new JsonInput();
        in.onlyMembers(body, MEMBERS);
        String title = in.required(in.text(body.path("title"), "title", ReportService.MAX_TITLE,
                TextCheck.Kind.LINE), "title");
        List<String> figureIds = new ArrayList<>();
        JsonNode figures = body.path("figures");
        if (!figures.isArray()) {
            in.error("figures", "is required: a list of figure ids");
        } else {
            for (int i = 0; i < figures.size(); i++) {
                if (!figures.get(i).isString()) {
                    in.error("figures[" + i + "]", "must be a figure id (text)");
                } else {
                    figureIds.add(figures.get(i).asString());
                }
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode given = body.path("filters");
        if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
            in.error("filters", "must be an object of filter names and values");
        } else if (given.isObject()) {
            for (Map.Entry<String, JsonNode> e : given.properties()) {
                if (!e.getValue().isString()) {
                    in.error("filters." + e.getKey(), "must be text");
                } else {
                    values.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        PersonFilter filter = filters.read(values, List.of(), in);
        in.throwIfAny();
        ReportService.Stored stored = reports.create(caller, title, figureIds, filter, values);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/v1/reports/" + stored.id())
                .body(reports.parse(stored));
    }

    @GetMapping(path = "/reports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A frozen report", description = "The signed document as stored; verify it with 'parley "
            + "audit verify-document FILE'. 404 unless the caller's organisation made it.")
    ResponseEntity<String> get(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(reports.get(Callers.require(), id).document());
    }

    @GetMapping(path = "/reports/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A frozen report as PDF", description = "Its figures, definitions, breakdowns and the "
            + "checkpoint, for reading; the JSON document is what verifies.")
    ResponseEntity<byte[]> pdf(@PathVariable String id, Locale locale) {
        ReportService.Stored stored = reports.get(Callers.require(), id);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", ReportView.of(reports.parse(stored)));
        byte[] bytes = pdf.render("reports/report-print", model, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("report-" + id + ".pdf").build().toString()).body(bytes);
    }
}
