package org.parley.audit;

import com.ibm.icu.text.Collator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.RequestUrls;
import org.parley.web.ViewerTimeZone;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit page for auditors ({@code /audit}): the entries they may see with filters, the latest checkpoint and
 * whether entries were appended since, and a button that verifies the whole log (one verification at a time).
 * Actions and record types are shown in words ({@link AuditWords}), times to the second in the reader's time zone
 * ({@link ViewerTimeZone}); a filter that cannot be read shows no entries, only what is wrong with it. Others get
 * 403.
 */
@Controller
@HtmlPages
class AuditPageController {

    private final AuditEntries entries;
    private final AuditTree tree;
    private final AuditVerifier verifier;
    private final VerificationGate gate;
    private final AuditWords words;
    private final MessageSource messages;

    AuditPageController(AuditEntries entries, AuditTree tree, AuditVerifier verifier, VerificationGate gate,
            AuditWords words, MessageSource messages) {
        this.entries = entries;
        this.tree = tree;
        this.verifier = verifier;
        this.gate = gate;
        this.words = words;
        this.messages = messages;
    }

    /** The latest checkpoint as the page shows it. */
    record CheckpointView(long treeSize, String rootHash, String signedAt) {
    }

    /** An entry as the page lists it: codes in words, the time in the reader's zone. */
    record EntryRow(long seq, String at, String actor, String organisation, String actionCode, String action,
            String recordTypeCode, String recordType, String recordId, Integer recordVersion, String stateHash) {
    }

    /** A choice of a filter's drop-down list. */
    record Choice(String value, String label) {
    }

    @GetMapping("/audit")
    String page(@RequestParam Map<String, String> parameters, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        Caller caller = Callers.require();
        AuditEntries.visible(caller, EntryFilter.NONE);
        ZoneId zone = ViewerTimeZone.of(request);
        AuditPageFilter.Result filter = AuditPageFilter.read(parameters, zone,
                (key, arguments) -> messages.getMessage(key, arguments, locale));
        model.addAttribute("filter", parameters);
        model.addAttribute("filterErrors", filter.errors());
        model.addAttribute("zone", zone.getId());
        if (filter.query() == null) {
            // a filter that cannot be read lists nothing, rather than everything
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("entries", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("page", 0);
            model.addAttribute("pages", 1L);
        } else {
            EntryQuery query = filter.query();
            AuditEntries.Page page = entries.find(caller, query.filter(), query.page(), query.size());
            model.addAttribute("entries", page.items().stream().map(listed -> row(caller, listed, zone, locale))
                    .toList());
            model.addAttribute("total", page.total());
            model.addAttribute("page", page.page());
            long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
            model.addAttribute("pages", pages);
            model.addAttribute("previousUrl", page.page() > 0
                    ? RequestUrls.withParameter(request, "page", String.valueOf(page.page() - 1)) : null);
            model.addAttribute("nextUrl", page.page() + 1 < pages
                    ? RequestUrls.withParameter(request, "page", String.valueOf(page.page() + 1)) : null);
        }
        model.addAttribute("organisations", entries.organisations(caller));
        model.addAttribute("actors", entries.actors(caller));
        model.addAttribute("actions", choices(AuditWords.ACTIONS, parameters.get("action"),
                code -> words.action(code, null, locale), locale));
        model.addAttribute("recordTypes", choices(AuditWords.RECORD_TYPES, parameters.get("recordType"),
                code -> words.recordType(code, locale), locale));
        model.addAttribute("partyAuditor", !caller.intermediary());
        model.addAttribute("organisation", caller.organisation());
        model.addAttribute("treeSize", tree.size());
        Optional<Checkpoint> latest = tree.latest();
        model.addAttribute("checkpoint", latest.map(c -> new CheckpointView(c.treeSize(),
                Base64.getEncoder().encodeToString(c.rootHash()), ViewerTimeZone.format(c.signedAt(), zone)))
                .orElse(null));
        model.addAttribute("unsigned", tree.size() - latest.map(Checkpoint::treeSize).orElse(0L));
        return "audit/page";
    }

    private EntryRow row(Caller caller, AuditEntries.Listed listed, ZoneId zone, Locale locale) {
        AuditEntry e = listed.entry();
        Map<String, Object> written = entries.write(caller, listed);
        return new EntryRow(e.seq(), ViewerTimeZone.format(e.at(), zone), e.actor(), e.organisation(), e.action(),
                words.action(e.action(), e.recordType(), locale), e.recordType(), words.recordType(e.recordType(),
                locale), (String) written.get("recordId"), e.recordVersion(), (String) written.get("stateHash"));
    }

    /**
     * The codes of a filter as choices in words, sorted as the reader's language sorts them; a code asked for that
     * is not among them (from an address typed or kept) is a choice too, so the filter shows what it filters by.
     */
    private static List<Choice> choices(List<String> codes, String asked, Function<String, String> label,
            Locale locale) {
        List<String> all = new ArrayList<>(codes);
        if (asked != null && !asked.isBlank() && !all.contains(asked.strip())) {
            all.add(asked.strip());
        }
        Collator collator = Collator.getInstance(locale);
        return all.stream().map(code -> new Choice(code, label.apply(code)))
                .sorted(Comparator.comparing(Choice::label, collator)).toList();
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
