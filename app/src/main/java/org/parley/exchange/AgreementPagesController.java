package org.parley.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.HtmlPages;
import org.parley.registry.Person;
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
import tools.jackson.databind.JsonNode;
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

    AgreementPagesController(ExchangeService exchanges, AgreementService agreements, ExchangePages pages) {
        this.exchanges = exchanges;
        this.agreements = agreements;
        this.pages = pages;
    }

    /** A person of the agreement, with the facts checked at the handover. */
    record AgreedPerson(Integer priority, String personId, boolean linked, String name, String latin,
            String dateOfBirth, String rank, String serviceNumber, String prisonerNumber, boolean counted) {
    }

    /** What one party releases under the agreement. */
    record AgreedSide(String party, String name, List<AgreedPerson> persons, int released, int counted,
            int outside) {
    }

    /** A signed approval as the document gives it. */
    record SignedApproval(String organisation, String name, boolean witness, String by, String at, String hash,
            String signature, long auditSeq) {
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
        ExchangeListDocument document = ExchangeListDocument.fromJson(agreement.get("exchangeList"));
        List<String> ids = new ArrayList<>();
        document.releases().values().forEach(items -> items.forEach(i -> ids.add(i.personId())));
        Map<String, Person> visible = pages.visibleByPublicId(caller, ids);
        List<AgreedSide> sides = new ArrayList<>();
        for (String party : round.round().parties()) {
            List<AgreedPerson> persons = document.releases().getOrDefault(party, List.of()).stream().map(i ->
                    new AgreedPerson(i.priority(), i.personId(), visible.containsKey(i.personId()),
                            i.identity().name(), i.identity().latin(), i.identity().dateOfBirth(), i.identity().rank(),
                            i.identity().serviceNumber(), i.identity().prisonerNumber(), i.countedInBalance()))
                    .toList();
            ExchangeListDocument.Counts c = document.counts().get(party);
            sides.add(new AgreedSide(party, views.organisation(party), persons, c == null ? persons.size()
                    : c.released(), c == null ? 0 : c.countedInBalance(), c == null ? 0 : c.outsideBalance()));
        }
        List<SignedApproval> approvals = new ArrayList<>();
        for (JsonNode a : agreement.get("approvals")) {
            String organisation = a.get("organisation").asString();
            approvals.add(new SignedApproval(organisation, views.organisation(organisation),
                    ApprovalSignature.WITNESS.equals(a.get("role").asString()), a.get("approvedBy").asString(),
                    ExchangeViews.time(java.time.Instant.parse(a.get("approvedAt").asString())),
                    a.get("versionHash").asString(), a.get("signature").asString(), a.get("auditSeq").asLong()));
        }
        JsonNode roundNode = agreement.get("round");
        model.addAttribute("round", views.head(round));
        model.addAttribute("version", document.version());
        model.addAttribute("versionUrl", ExchangePages.exchangeVersionUrl(id, document.version()));
        model.addAttribute("agreedAt", ExchangeViews.time(java.time.Instant.parse(roundNode.get("agreedAt")
                .asString())));
        model.addAttribute("hash", agreement.get("versionHash").asString());
        model.addAttribute("sides", sides);
        model.addAttribute("approvals", approvals);
        model.addAttribute("publicKey", agreement.get("publicKey").asString());
        model.addAttribute("checkpoint", agreement.get("checkpoint").asString());
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
