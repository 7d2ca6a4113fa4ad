package org.parley.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.RequestUrls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit page for auditors ({@code /audit}): the entries they may see with filters, the latest checkpoint and
 * whether entries were appended since, and a button that verifies the whole log (one verification at a time).
 * Others get 403.
 */
@Controller
@HtmlPages
class AuditPageController {

    private final AuditEntries entries;
    private final AuditTree tree;
    private final AuditVerifier verifier;
    private final VerificationGate gate;

    AuditPageController(AuditEntries entries, AuditTree tree, AuditVerifier verifier, VerificationGate gate) {
        this.entries = entries;
        this.tree = tree;
        this.verifier = verifier;
        this.gate = gate;
    }

    /** The latest checkpoint as the page shows it. */
    record CheckpointView(long treeSize, String rootHash, String signedAt) {
    }

    @GetMapping("/audit")
    String page(@RequestParam Map<String, String> parameters, HttpServletRequest request, Model model) {
        Caller caller = Callers.require();
        AuditEntries.visible(caller, EntryFilter.NONE);
        EntryQuery query;
        try {
            query = EntryQuery.read(parameters, Set.of("lang"));
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", e.getMessage());
            query = new EntryQuery(EntryFilter.NONE, 0, 50);
        }
        AuditEntries.Page page = entries.find(caller, query.filter(), query.page(), query.size());
        model.addAttribute("filter", parameters);
        model.addAttribute("entries", page.items().stream().map(listed -> entries.write(caller, listed)).toList());
        model.addAttribute("total", page.total());
        model.addAttribute("page", page.page());
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        model.addAttribute("pages", pages);
        model.addAttribute("previousUrl", page.page() > 0
                ? RequestUrls.withParameter(request, "page", String.valueOf(page.page() - 1)) : null);
        model.addAttribute("nextUrl", page.page() + 1 < pages
                ? RequestUrls.withParameter(request, "page", String.valueOf(page.page() + 1)) : null);
        model.addAttribute("partyAuditor", !caller.intermediary());
        model.addAttribute("organisation", caller.organisation());
        model.addAttribute("treeSize", tree.size());
        Optional<Checkpoint> latest = tree.latest();
        model.addAttribute("checkpoint", latest.map(c -> new CheckpointView(c.treeSize(),
                Base64.getEncoder().encodeToString(c.rootHash()), c.signedAt().toString())).orElse(null));
        model.addAttribute("unsigned", tree.size() - latest.map(Checkpoint::treeSize).orElse(0L));
        return "audit/page";
    }

    @PostMapping("/audit/verify")
    String verify(RedirectAttributes redirect) {
        AuditEntries.visible(Callers.require(), EntryFilter.NONE);
        gate.tryVerify(() -> verifier.verify(Optional.empty())).ifPresentOrElse(
                result -> redirect.addFlashAttribute("verification", result),
                () -> redirect.addFlashAttribute("verificationBusy", true));
        return "redirect:/audit";
    }
}
