package org.parley.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.PublicIds;
import org.parley.registry.PersonFigures;
import org.parley.registry.PersonFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/figures} and the records each figure counts (JSON, or CSV). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Figures", description = "Figures with provenance, and frozen reports of them")
class FiguresController {

    static final int MAX_SIZE = 1000;

    private final FiguresService figures;
    private final FigureFilters filters;
    private final PublicIds publicIds;
    private final JsonMapper json;

    FiguresController(FiguresService figures, FigureFilters filters, PublicIds publicIds, JsonMapper json) {
        this.figures = figures;
        this.filters = filters;
        this.publicIds = publicIds;
        this.json = json;
    }

    @GetMapping(path = "/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The figures of the caller's view", description = "Each {id, title, value, breakdown, "
            + "definition, asOf: {treeSize, rootHash}, records}; a party gets held, nationals-held, wishes and "
            + "exchanged, the intermediary in-custody, wishes and exchanged. Takes the filters of GET /api/v1/persons "
            + "(not q or sort). Only records the caller may see are counted: value is the total of records.")
    Map<String, Object> all(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        Caller caller = Callers.require();
        FiguresService.requireReader(caller);
        JsonInput in = new JsonInput();
        PersonFilter filter = filters.read(parameters, List.of(), in);
        in.throwIfAny();
        List<Figure> all = figures.all(caller, filter);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("figures", all);
        answer.put("asOf", all.isEmpty() ? figures.inSnapshot(figures::asOf) : all.get(0).asOf());
        return answer;
    }

    @GetMapping(path = "/figures/{id}/records", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "The records a figure counts", description = "{items: [{recordType, id}], total, page, "
            + "size} (page from 0, size up to 1000), with the figure's filters; CSV (recordType,id: every record, "
            + "no pages) with Accept: text/csv or format=csv. total equals the figure's value.")
    void records(@PathVariable String id, @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        Caller caller = Callers.require();
        FigureCatalog.Entry entry = figures.entry(caller, id);
        JsonInput in = new JsonInput();
        PersonFilter filter = filters.read(parameters, List.of("page", "size", "format"), in);
        int page = in.intParameter(parameters.get("page"), "page", 0, 1_000_000, 0);
        int size = in.intParameter(parameters.get("size"), "size", 1, MAX_SIZE, 100);
        String format = parameters.getOrDefault("format", "");
        if (!format.isEmpty() && !format.equals("csv") && !format.equals("json")) {
            in.error("format", "'" + format + "' is not a format: use csv or json");
        }
        in.throwIfAny();
        boolean csv = format.equals("csv") || format.isEmpty() && accept != null && accept.contains("text/csv")
                && !accept.contains("application/json");
        if (csv) {
            List<Long> ids = figures.inSnapshot(() -> figures.ids(caller, entry, filter, 0, -1));
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"figure-" + id + ".csv\"");
            response.setHeader("X-Total-Count", Long.toString(ids.size()));
            writeCsv(ids, response.getWriter());
            return;
        }
        Map<String, Object> answer = figures.inSnapshot(() -> {
            long total = figures.count(caller, entry, filter);
            List<Map<String, String>> items = figures.ids(caller, entry, filter, (long) page * size, size).stream()
                    .map(this::item).toList();
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("items", items);
            map.put("total", total);
            map.put("page", page);
            map.put("size", size);
            return map;
        });
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(answer));
    }

    private Map<String, String> item(long personId) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("recordType", PersonFigures.recordType());
        item.put("id", publicIds.of(PublicIds.Kind.PERSON, personId));
        return item;
    }

    private void writeCsv(List<Long> ids, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("recordType", "id").get())) {
            for (long personId : ids) {
                csv.printRecord(PersonFigures.recordType(), publicIds.of(PublicIds.Kind.PERSON, personId));
            }
        }
    }
}
