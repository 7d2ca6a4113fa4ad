package org.parley.interchange;

import org.parley.print.PrintedDocuments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.parley.api.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Capture cards (GC III Annex IV B) as PDF, in the language of the Accept-Language (English, Ukrainian, Russian). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Detained persons and their lifecycle")
class CaptureCardController {

    private final CaptureCardService cards;

    CaptureCardController(CaptureCardService cards) {
        this.cards = cards;
    }

    @GetMapping(path = "/persons/{id}/capture-card.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A person's capture card", description = "The capture card of GC III Art. 70 after the "
            + "model of Annex IV B, as PDF; 404 for a person the caller may not read. An audit entry.")
    ResponseEntity<byte[]> card(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return PrintedDocuments.pdf(cards.card(Callers.require(), id, PrintedDocuments.language(language)),
                "capture-card-" + id + ".pdf");
    }

    @GetMapping(path = "/persons/capture-cards.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The capture cards of a person list", description = "The filters and sort of GET "
            + "/api/v1/persons; one card a page, at most " + CaptureCardService.MAX_CARDS + " (400 beyond). An audit "
            + "entry.")
    ResponseEntity<byte[]> cards(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            HttpServletRequest request) {
        return PrintedDocuments.pdf(cards.cards(Callers.require(), parameters, ExportController.collation(request),
                PrintedDocuments.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))), "capture-cards.pdf");
    }
}
