package org.parley.exchange;

import org.parley.print.PrintedDocuments;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.HtmlPages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agreement of a round: the agreed exchange-list version with both release lists in both scripts, its counts
 * and hash, the approvals with their signatures, the instance's public key and the audit checkpoint that covers
 * them — as a page, and as the same JSON document the API answers, to download with the page's session and check
 * offline. Before the agreement the page says there is none yet (409, as the API).
 */
@Controller
@HtmlPages
class AgreementPagesController {

    private final ExchangeService exchanges;
    private final AgreementService agreements;
    private final ExchangePages pages;
    private final ExchangeDocuments documents;

    AgreementPagesController(ExchangeService exchanges, AgreementService agreements, ExchangePages pages,
            ExchangeDocuments documents) {
        this.exchanges = exchanges;
        this.agreements = agreements;
        this.pages = pages;
        this.documents = documents;
    }

    @GetMapping("/exchanges/{id}/agreement")
    String agreement(@PathVariable String id, Locale locale, Model model, HttpServletResponse response) {
        Caller caller = Callers.require();
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        ObjectNode agreement;
        try {
            agreement = agreements.agreement(caller, id);
        } catch (ConflictException e) {
            return notYet(model, response, views, round, HttpStatus.CONFLICT, "agreement.notYet.title",
                    "agreement.notYet.text");
        }
        model.addAllAttributes(documents.agreementModel(caller, round, agreement, views));
        model.addAttribute("versionUrl", ExchangePages.exchangeVersionUrl(id, (Integer) model.getAttribute("version")));
        model.addAttribute("pdfUrl", ExchangePages.agreementUrl(id) + ".pdf");
        model.addAttribute("jsonUrl", ExchangePages.agreementUrl(id) + ".json");
        model.addAttribute("handoverUrl", ExchangePages.handoverUrl(id));
        return "exchange/agreement";
    }

    /**
     * The agreement document as the API answers it ({@code GET /api/v1/exchanges/{id}/agreement}), with the page's
     * session instead of a token, as a file to keep: {@code parley audit verify-document FILE} checks it offline.
     * Before the agreement, the page that says so.
     */
    @GetMapping(path = "/exchanges/{id}/agreement.json")
    @ResponseBody
    ResponseEntity<ObjectNode> agreementJson(@PathVariable String id) {
        Caller caller = Callers.require();
        Round round = exchanges.round(caller, id);
        if (round.agreedVersion() == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(ExchangePages.agreementUrl(id)))
                    .build();
        }
        ObjectNode agreement = agreements.agreement(caller, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("agreement-" + id + "-v" + round.agreedVersion() + ".json").build().toString())
                .body(agreement);
    }

    /** The agreement for print (A4, both scripts, hash and signatures); before the agreement, the page that says so. */
    @GetMapping(path = "/exchanges/{id}/agreement.pdf")
    ResponseEntity<byte[]> agreementPdf(@PathVariable String id, Locale locale) {
        Caller caller = Callers.require();
        Round round = exchanges.round(caller, id);
        if (round.agreedVersion() == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(ExchangePages.agreementUrl(id)))
                    .build();
        }
        return PrintedDocuments.pdf(documents.agreementPdf(caller, id, locale),
                "agreement-" + id + "-v" + round.agreedVersion() + ".pdf");
    }

    /** The page of a document a round does not have yet (an agreement, a report), with the answer's status. */
    static String notYet(Model model, HttpServletResponse response, ExchangeViews views,
            ExchangeService.RoundView round, HttpStatus status, String titleKey, String textKey) {
        response.setStatus(status.value());
        model.addAttribute("round", views.head(round));
        model.addAttribute("heading", views.msg(titleKey));
        model.addAttribute("text", views.msg(textKey, views.label("roundState", round.round().state())));
        model.addAttribute("roundUrl", ExchangePages.roundUrl(round.publicId()));
        return "exchange/not-yet";
    }
}
