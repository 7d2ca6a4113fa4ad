package org.parley.interchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.parley.api.Callers;
import org.parley.registry.NameCollation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/persons/export}: a whole person list as a file. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Detained persons and their lifecycle")
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/persons/export")
    @Operation(summary = "Export a person list", description = "format=csv|xlsx|json|pfif and the filters and sort of "
            + "GET /api/v1/persons (not page or size: the file holds every page): exactly the persons that list gives "
            + "the caller, with the facts the caller may read. CSV is UTF-8 with a byte order mark, cells that a "
            + "spreadsheet would run as formulas prefixed with '; JSON is {\"items\": [...], \"total\": N}; PFIF is "
            + "People Finder Interchange Format 1.4. Each export is an audit entry.")
    void export(@Parameter(hidden = true) @RequestParam Map<String, String> parameters, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        send(exports, exports.read(parameters, collation(request)), response);
    }

    /** The reader's alphabetical order, from Accept-Language; the root order for a client that names none. */
    static NameCollation collation(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? NameCollation.ROOT
                : NameCollation.of(request.getLocale());
    }

    /** Puts the export on record, then streams it as an attachment. */
    static void send(ExportService exports, ExportService.ExportRequest asked, HttpServletResponse response)
            throws IOException {
        ExportService.Export export = exports.begin(Callers.require(), asked);
        response.setContentType(asked.format().mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(export.filename(LocalDate.now(ZoneOffset.UTC))).build().toString());
        response.setHeader("X-Total-Count", Long.toString(export.count()));
        exports.write(export, response.getOutputStream());
    }
}
