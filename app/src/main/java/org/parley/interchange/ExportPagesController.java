package org.parley.interchange;

import org.parley.print.PrintedDocuments;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.registry.NameCollation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The downloads the person list and the person page link to, under the pages' session: the same files as the API's
 * export and capture cards, in the reader's language and alphabetical order.
 */
@Controller
@HtmlPages
class ExportPagesController {

    private final ExportService exports;
    private final CaptureCardService cards;

    ExportPagesController(ExportService exports, CaptureCardService cards) {
        this.exports = exports;
        this.cards = cards;
    }

    @GetMapping("/persons/export")
    void export(@RequestParam Map<String, String> parameters, Locale locale, HttpServletResponse response)
            throws IOException {
        ExportController.send(exports, exports.read(parameters, NameCollation.of(locale)), response);
    }

    @GetMapping("/persons/{id}/capture-card.pdf")
    ResponseEntity<byte[]> card(@PathVariable String id, Locale locale) {
        return PrintedDocuments.pdf(cards.card(Callers.require(), id, locale), "capture-card-" + id + ".pdf");
    }

    @GetMapping("/persons/capture-cards.pdf")
    ResponseEntity<byte[]> cards(@RequestParam Map<String, String> parameters, Locale locale) {
        return PrintedDocuments.pdf(cards.cards(Callers.require(), parameters, NameCollation.of(locale), locale),
                "capture-cards.pdf");
    }
}
