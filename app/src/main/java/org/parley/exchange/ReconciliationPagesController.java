package org.parley.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.registry.Person;
import org.parley.web.PageNumbers;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reconciliation page of a request list's version: each requested entry with the person found, the holder's
 * decisions and, for those who read the whole reconciliation, the candidates and scores; and the form by which the
 * holder's negotiator decides on an entry (htmx swaps the decided entry in place). The services decide what the
 * reader may see and refuse a decision to those whose role does not allow it (403).
 */
@Controller
@HtmlPages
class ReconciliationPagesController {

    static final int ITEMS_PAGE = 50;

    private final ExchangeService exchanges;
    private final ListService lists;
    private final ReconciliationService reconciliations;
    private final MessageSource messages;
    private final ExchangePages pages;

    ReconciliationPagesController(ExchangeService exchanges, ListService lists,
            ReconciliationService reconciliations, MessageSource messages, ExchangePages pages) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.reconciliations = reconciliations;
        this.messages = messages;
        this.pages = pages;
    }

    /** A person an ambiguous entry might be, with the score and the button that picks them. */
    record CandidateView(ExchangeViews.Record person, String score, List<String> explanation) {
    }

    /** One requested entry on the reconciliation page. */
    record ItemView(int position, String ref, ExchangeViews.Record requested, String outcome, String outcomeCode,
            String confirmation, String confirmationCode, ExchangeViews.Record person, String score,
            List<String> explanation, String reason, List<CandidateView> candidates, boolean decides,
            String error) {
    }

    /** A filter choice with its count. */
    record FilterLink(String value, String label, long count, String url, boolean current) {
    }

    @GetMapping("/exchanges/{id}/lists/{party}/request/versions/{n}/reconciliation")
    String reconciliation(@PathVariable String id, @PathVariable String party, @PathVariable String n,
            @RequestParam Map<String, String> parameters, Locale locale, Model model) {
        Caller caller = Callers.require();
        int number = ExchangePages.number(n);
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        ReconciliationService.View view = reconciliations.view(caller, id, party, number);
        List<ListVersion> versions = lists.versions(caller, id, party, ListKind.REQUEST);
        boolean decides = decides(caller, round.round(), party, number, versions);
        String outcome = choice(parameters.get("outcome"), view.counts().keySet());
        String confirmation = choice(parameters.get("confirmation"), Set.of("PENDING", "CONFIRMED", "REJECTED"));
        List<Integer> positions = new ArrayList<>();
        List<ReconciliationService.Item> filtered = new ArrayList<>();
        for (int i = 0; i < view.items().size(); i++) {
            ReconciliationService.Item item = view.items().get(i);
            String itemOutcome = item.outcome() == null ? "PENDING" : item.outcome().name();
            if ((outcome == null || outcome.equals(itemOutcome))
                    && (confirmation == null || confirmation.equals(item.confirmation().name()))) {
                filtered.add(item);
                positions.add(i + 1);
            }
        }
        int page = PageNumbers.of(parameters.get("page"));
        int from = Math.min(filtered.size(), (page - 1) * ITEMS_PAGE);
        int to = Math.min(filtered.size(), from + ITEMS_PAGE);
        List<ReconciliationService.Item> shown = filtered.subList(from, to);
        Map<Long, Person> persons = pages.persons(caller, personKeys(shown, view.full()));
        List<ItemView> items = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            items.add(itemView(positions.get(from + i), shown.get(i), view.full(), decides, persons, views, null,
                    party));
        }
        String base = ExchangePages.versionUrl(id, party, ListKind.REQUEST, number) + "/reconciliation";
        Map<String, Long> confirmations = new LinkedHashMap<>();
        for (Confirmation c : Confirmation.values()) {
            confirmations.put(c.name(), view.items().stream().filter(i -> i.confirmation() == c).count());
        }
        model.addAttribute("round", views.head(round));
        model.addAttribute("version", views.versionHead(id, view.version()));
        model.addAttribute("versions", versions.stream().map(v -> ExchangePages.versionLink(id, v)).toList());
        model.addAttribute("full", view.full());
        model.addAttribute("decides", decides);
        model.addAttribute("holder", views.organisation(round.round().other(party)));
        int latest = versions.isEmpty() ? number : versions.get(versions.size() - 1).number();
        model.addAttribute("latest", latest);
        model.addAttribute("latestUrl", ExchangePages.versionUrl(id, party, ListKind.REQUEST, latest)
                + "/reconciliation");
        model.addAttribute("outcomes", filterLinks(base, "outcome", view.counts(), outcome, confirmation, "outcome",
                views));
        model.addAttribute("confirmations", filterLinks(base, "confirmation", confirmations, confirmation, outcome,
                "confirmation", views));
        model.addAttribute("allUrl", base);
        model.addAttribute("filtered", outcome != null || confirmation != null);
        model.addAttribute("items", items);
        model.addAttribute("action", base + "/decide");
        model.addAttribute("filter", new String[] {outcome, confirmation, String.valueOf(page)});
        model.addAttribute("pagination", ExchangeViews.pagination(filtered.size(), page, ITEMS_PAGE, items.size(),
                p -> url(base, outcome, confirmation, p)));
        return "exchange/reconciliation";
    }

    /** Whether the caller decides on this version's matches: the holder's negotiator, on the latest, while open. */
    private static boolean decides(Caller caller, Round round, String party, int number, List<ListVersion> versions) {
        return ExchangePages.negotiatorOf(caller, round.other(party)) && round.state() == RoundState.NEGOTIATING
                && !versions.isEmpty() && versions.get(versions.size() - 1).number() == number;
    }

    private static String choice(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    private static String url(String base, String outcome, String confirmation, Integer page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(base);
        if (outcome != null) {
            url.queryParam("outcome", outcome);
        }
        if (confirmation != null) {
            url.queryParam("confirmation", confirmation);
        }
        if (page != null && page > 1) {
            url.queryParam("page", page);
        }
        return url.build().toUriString();
    }

    private List<FilterLink> filterLinks(String base, String name, Map<String, Long> counts, String current,
            String other, String prefix, ExchangeViews views) {
        List<FilterLink> links = new ArrayList<>();
        counts.forEach((value, count) -> {
            String label = value.equals("PENDING") && prefix.equals("outcome") ? views.msg("matchOutcome.PENDING")
                    : views.msg(prefix.equals("outcome") ? "matchOutcome." + value : "confirmation." + value);
            String url = name.equals("outcome") ? url(base, value, other, null) : url(base, other, value, null);
            links.add(new FilterLink(value, label, count, url, value.equals(current)));
        });
        return links;
    }

    /**
     * The registry persons a page of items shows: the person found or confirmed and, for those who read the whole
     * reconciliation, the candidates. For the requesting party the service has left a person only on confirmed
     * items it may see, so nothing else is asked of the registry.
     */
    private static Set<Long> personKeys(List<ReconciliationService.Item> items, boolean full) {
        Set<Long> ids = new HashSet<>();
        for (ReconciliationService.Item item : items) {
            ExchangePages.addIfPerson(ids, item.personId());
            if (full) {
                item.candidates().forEach(c -> ids.add(c.personId()));
            }
        }
        return ids;
    }

    private ItemView itemView(int position, ReconciliationService.Item item, boolean full, boolean decides,
            Map<Long, Person> persons, ExchangeViews views, String error, String party) {
        ListEntry entry = item.entry();
        ExchangeViews.Record requested = views.entry(entry, entry.personId() == null ? null
                : persons.get(entry.personId()), party);
        if (entry.personId() != null) {
            requested = new ExchangeViews.Record(entry.ref(), requested.name(), requested.nameLang(),
                    requested.dateOfBirth(), requested.serviceNumber(), requested.unit(), requested.rank(),
                    entry.note(), requested.personId(), null, null, requested.hidden());
        }
        ExchangeViews.Record person = item.personId() == null ? null : views.person(persons.get(item.personId()));
        List<CandidateView> candidates = !full ? List.of() : item.candidates().stream()
                .map(c -> new CandidateView(views.person(persons.get(c.personId())), score(c.score()),
                        explanation(c.explanation()))).toList();
        String outcomeCode = item.outcome() == null ? "PENDING" : item.outcome().name();
        return new ItemView(position, entry.ref(), requested, item.outcome() == null ? views.msg("matchOutcome.PENDING")
                : views.label("matchOutcome", item.outcome()), outcomeCode.toLowerCase(Locale.ROOT).replace('_', '-'),
                views.label("confirmation", item.confirmation()), item.confirmation().name().toLowerCase(Locale.ROOT),
                person, full && item.score() != null ? score(item.score()) : null,
                full ? explanation(item.explanation()) : List.of(), views.label("ineligibleReason", item.reason()),
                candidates, decides, error);
    }

    private static String score(Double score) {
        return score == null ? null : String.format(Locale.ROOT, "%.3f", score);
    }

    /** An explanation one line per fact compared ("surname: …; given name: …"), as the HTML report shows it. */
    static List<String> explanation(String text) {
        if (text == null) {
            return List.of();
        }
        String body = text.replaceFirst("^\\d\\.\\d{3}: ", "");
        return List.of(body.split("; "));
    }

    @PostMapping("/exchanges/{id}/lists/{party}/request/versions/{n}/reconciliation/decide")
    String decide(@PathVariable String id, @PathVariable String party, @PathVariable String n,
            @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model, RedirectAttributes redirect) {
        Caller caller = Callers.require();
        int number = ExchangePages.number(n);
        String ref = form.get("ref");
        int position = PageNumbers.of(form.get("position"));
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        String base = ExchangePages.versionUrl(id, party, ListKind.REQUEST, number) + "/reconciliation";
        Set<String> outcomes = new HashSet<>(List.of("PENDING"));
        for (MatchOutcome o : MatchOutcome.values()) {
            outcomes.add(o.name());
        }
        String back = url(base, choice(form.get("outcome"), outcomes), choice(form.get("confirmation"),
                Set.of("PENDING", "CONFIRMED", "REJECTED")), PageNumbers.of(form.get("page")))
                + "#item-" + position;
        // one form per entry: the button pressed says what is decided (a candidate's button carries its id)
        String decision = form.get("decision");
        ReconciliationService.Verdict verdict = "REJECT".equals(decision) && form.get("pick") == null
                ? ReconciliationService.Verdict.REJECT : ReconciliationService.Verdict.CONFIRM;
        String personId = form.get("pick") != null ? emptyToNull(form.get("pick"))
                : "PICK".equals(decision) ? emptyToNull(form.get("personId")) : null;
        if (personId != null) {
            personId = personId.strip();
        }
        String error;
        try {
            if (ref == null) {
                throw new InvalidInputException("ref", "is required");
            }
            if ("PICK".equals(decision) && form.get("pick") == null && personId == null) {
                throw new InvalidInputException("personId", "is required to pick a person: paste the record id");
            }
            ReconciliationService.Item item = reconciliations.decide(caller, id, party, number, ref, verdict,
                    personId);
            if (!htmx) {
                redirect.addFlashAttribute("decided", ref);
                return "redirect:" + back;
            }
            return itemFragment(caller, id, party, number, position, item, null, locale, response, model);
        } catch (InvalidInputException e) {
            error = e.errors().stream().map(f -> messages.getMessage("exchange.field." + f.field(), null, f.field(),
                    locale) + ": " + f.reason()).collect(Collectors.joining("; "));
        } catch (ConflictException e) {
            error = messages.getMessage("stale-version".equals(e.problem()) ? "reconciliation.stale"
                    : "round.notNegotiating", new Object[] {e.details().get("latest")}, locale);
        }
        if (!htmx) {
            redirect.addFlashAttribute("decisionError", error);
            redirect.addFlashAttribute("decisionErrorRef", ref);
            return "redirect:" + back;
        }
        ReconciliationService.View view = reconciliations.view(caller, id, party, number);
        ReconciliationService.Item item = view.items().stream().filter(i -> i.entry().ref().equals(ref)).findFirst()
                .orElseThrow(() -> NotFoundException.absent("entry of version " + number, ref));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return itemFragment(caller, id, party, number, position, item, error, locale, response, model);
    }

    private String itemFragment(Caller caller, String id, String party, int number, int position,
            ReconciliationService.Item item, String error, Locale locale, HttpServletResponse response,
            Model model) {
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        List<ListVersion> versions = lists.versions(caller, id, party, ListKind.REQUEST);
        boolean decides = decides(caller, round.round(), party, number, versions);
        Map<Long, Person> persons = pages.persons(caller, personKeys(List.of(item), true));
        model.addAttribute("item", itemView(position, item, true, decides, persons, views, error, party));
        model.addAttribute("full", true);
        model.addAttribute("action", ExchangePages.versionUrl(id, party, ListKind.REQUEST, number)
                + "/reconciliation/decide");
        model.addAttribute("filter", new String[] {null, null, "1"});
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        return "exchange/reconciliation :: item";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
