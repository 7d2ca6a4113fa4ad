package org.parley.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.ForbiddenException;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.api.TextCheck;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKind;
import org.parley.registry.Page;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
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
 * The exchange pages for negotiators, the intermediary and everyone else of the parties who reads records: the
 * rounds of the reader's organisation, a round with both parties' lists and its timeline, a version of a list, the
 * changes between two versions, the reconciliation of a request list with the holder's decisions, and who was left
 * off a list. Every page asks the exchange services, which decide what the reader may see: a round the reader's
 * organisation takes no part in is not found; forms are shown only to those whose role allows the action, and the
 * services refuse the others (403).
 */
@Controller
@HtmlPages
class ExchangePagesController {

    static final int ROUNDS_PAGE = 50;
    static final int ENTRIES_PAGE = 200;
    static final int ITEMS_PAGE = 50;
    static final int PERSONS_PAGE = 50;
    static final int DIFF_SHOWN = 500;

    /** The dimensions of "left off", in the order the page shows them. */
    static final List<String> DIMENSIONS = List.of("category", "rankGroup", "branch", "healthState",
            "seriouslyIllOrWounded", "captivityYears", "wishStatus", "removalReason");
    private static final List<String> YEARS = List.of("<1", "1-2", "2-3", "3+", "UNKNOWN");

    private final ExchangeService exchanges;
    private final ListService lists;
    private final ReconciliationService reconciliations;
    private final LeftOffService leftOff;
    private final RegistryService registry;
    private final MessageSource messages;
    private final PublicIds publicIds;

    ExchangePagesController(ExchangeService exchanges, ListService lists, ReconciliationService reconciliations,
            LeftOffService leftOff, RegistryService registry, MessageSource messages, PublicIds publicIds) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.reconciliations = reconciliations;
        this.leftOff = leftOff;
        this.registry = registry;
        this.messages = messages;
        this.publicIds = publicIds;
    }

    ExchangeViews views(Locale locale) {
        return new ExchangeViews(messages, locale, registry.organisations(), publicIds);
    }

    // ---------------------------------------------------------------------------------------------- the rounds

    /** A round in the list of rounds. */
    record RoundRow(String id, String title, String firstParty, String secondParty, String intermediary,
            String state, String stateCode, String waitingOn, long days, boolean stalled, String openedAt) {
    }

    /** A choice of a drop-down list. */
    record Option(String value, String label) {
    }

    @GetMapping("/exchanges")
    String rounds(@RequestParam(name = "page", required = false) String pageParameter, Locale locale,
            Model model) {
        Caller caller = Callers.require();
        ExchangeViews views = views(locale);
        int page = ExchangeViews.pageNumber(pageParameter);
        Page<ExchangeService.RoundView> rounds = exchanges.list(caller, page - 1, ROUNDS_PAGE);
        Instant now = Instant.now();
        model.addAttribute("rounds", rounds.items().stream().map(r -> roundRow(r, views, now)).toList());
        model.addAttribute("pagination", ExchangeViews.pagination(rounds.total(), page, ROUNDS_PAGE,
                rounds.items().size(), n -> "/exchanges?page=" + n));
        boolean canOpen = caller.isParty() && caller.has(Role.NEGOTIATOR);
        model.addAttribute("canOpen", canOpen);
        if (canOpen) {
            List<Organisation> organisations = registry.organisations();
            model.addAttribute("counterparties", organisations.stream().filter(o -> o.kind() == OrganisationKind.PARTY
                    && !o.code().equals(caller.organisation())).map(o -> new Option(o.code(), o.name())).toList());
            model.addAttribute("intermediaries", organisations.stream()
                    .filter(o -> o.kind() == OrganisationKind.INTERMEDIARY).map(o -> new Option(o.code(), o.name()))
                    .toList());
        }
        if (!model.containsAttribute("openErrors")) {
            model.addAttribute("openErrors", List.of());
            model.addAttribute("openForm", Map.of());
        }
        return "exchange/rounds";
    }

    private RoundRow roundRow(ExchangeService.RoundView view, ExchangeViews views, Instant now) {
        Round r = view.round();
        return new RoundRow(view.publicId(), r.title(), views.organisation(r.firstParty()),
                views.organisation(r.secondParty()), views.organisation(r.intermediary()),
                views.label("roundState", r.state()), r.state().name().toLowerCase(Locale.ROOT),
                views.organisation(view.move().waitingOn()), view.move().days(now), view.move().stalled(),
                ExchangeViews.time(r.createdAt()));
    }

    @PostMapping("/exchanges")
    String open(@RequestParam Map<String, String> form, Locale locale, HttpServletResponse response, Model model) {
        Caller caller = Callers.require();
        if (!caller.isParty() || !caller.has(Role.NEGOTIATOR)) {
            throw new ForbiddenException("only negotiators of a party open exchange rounds", RoundAccess.RECORD,
                    null);
        }
        JsonInput in = new JsonInput();
        String counterparty = in.required(in.text(form.get("counterparty"), "counterparty", 40,
                TextCheck.Kind.LINE), "counterparty");
        String intermediary = in.text(form.get("intermediary"), "intermediary", 40, TextCheck.Kind.LINE);
        String title = in.required(in.text(form.get("title"), "title", ExchangeService.MAX_TITLE,
                TextCheck.Kind.LINE), "title");
        try {
            in.throwIfAny();
            ExchangeService.RoundView opened = exchanges.open(caller, counterparty, intermediary, title);
            return "redirect:/exchanges/" + opened.publicId();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("openErrors", labelled(e.errors(), locale));
            model.addAttribute("openForm", form);
            return rounds(null, locale, model);
        }
    }

    /** Field errors with the field's label in the reader's language (the reason is the service's, in English). */
    private List<FieldError> labelled(List<FieldError> errors, Locale locale) {
        return errors.stream().map(e -> new FieldError(messages.getMessage("exchange.field." + e.field(), null,
                e.field(), locale), e.reason())).toList();
    }

    // ----------------------------------------------------------------------------------------------- a round

    /** A version of a list, linked. */
    record VersionLink(int number, String url, int entries, int removals, String by, String at, String diffUrl,
            String reconciliationUrl) {
    }

    /** One of a party's two lists in a round. */
    record ListPanel(String party, String partyName, String kindCode, String kind, VersionLink latest,
            List<VersionLink> versions, String leftOffUrl, String editUrl) {
    }

    /** One party's side of the round page: its request and its offer. */
    record PartyColumn(String code, String name, boolean waiting, List<ListPanel> lists) {
    }

    /** An entry of the round's timeline. */
    record TimelineItem(Instant sortKey, String at, String kind, String text, String url) {
    }

    static String roundUrl(String id) {
        return "/exchanges/" + id;
    }

    static String listUrl(String id, String party, ListKind kind) {
        return roundUrl(id) + "/lists/" + party + "/" + kind.code();
    }

    static String versionUrl(String id, String party, ListKind kind, int number) {
        return listUrl(id, party, kind) + "/versions/" + number;
    }

    static String leftOffUrl(String id, String party, ListKind kind) {
        return roundUrl(id) + "/left-off?party=" + party + "&kind=" + kind.code();
    }

    private static boolean negotiatorOf(Caller caller, String party) {
        return party.equals(caller.organisation()) && caller.has(Role.NEGOTIATOR);
    }

    @GetMapping("/exchanges/{id}")
    String round(@PathVariable String id, Locale locale, Model model) {
        Caller caller = Callers.require();
        ExchangeService.RoundView view = exchanges.get(caller, id);
        Round r = view.round();
        ExchangeViews views = views(locale);
        List<ListVersion> versions = lists.versionsOfRound(caller, id);
        Map<String, ReconciliationService.DecisionSummary> decisions = reconciliations.decisionSummary(caller, id);
        List<PartyColumn> columns = new ArrayList<>();
        for (String party : r.parties()) {
            List<ListPanel> panels = new ArrayList<>();
            for (ListKind kind : ListKind.values()) {
                List<VersionLink> links = versions.stream().filter(v -> v.party().equals(party) && v.kind() == kind)
                        .sorted(Comparator.comparingInt(ListVersion::number)).map(v -> versionLink(id, v)).toList();
                panels.add(new ListPanel(party, views.organisation(party), kind.code(), views.kind(kind),
                        links.isEmpty() ? null : links.get(links.size() - 1), links, leftOffUrl(id, party, kind),
                        negotiatorOf(caller, party) && r.state() == RoundState.NEGOTIATING
                                ? listUrl(id, party, kind) + "/edit" : null));
            }
            columns.add(new PartyColumn(party, views.organisation(party), party.equals(view.move().waitingOn()),
                    panels));
        }
        model.addAttribute("round", views.head(view));
        model.addAttribute("columns", columns);
        model.addAttribute("timeline", timeline(view, versions, decisions, views));
        model.addAttribute("canAbandon", r.isParty(caller.organisation()) && caller.has(Role.NEGOTIATOR)
                && r.state() == RoundState.NEGOTIATING);
        if (!model.containsAttribute("abandonErrors")) {
            model.addAttribute("abandonErrors", List.of());
        }
        return "exchange/round";
    }

    private static VersionLink versionLink(String id, ListVersion v) {
        String url = versionUrl(id, v.party(), v.kind(), v.number());
        return new VersionLink(v.number(), url, v.entryCount(), v.removalCount(), v.createdBy(),
                ExchangeViews.time(v.createdAt()), v.number() > 1 ? url + "/diff?from=" + (v.number() - 1) : null,
                v.kind() == ListKind.REQUEST ? url + "/reconciliation" : null);
    }

    private List<TimelineItem> timeline(ExchangeService.RoundView view, List<ListVersion> versions,
            Map<String, ReconciliationService.DecisionSummary> decisions, ExchangeViews views) {
        Round r = view.round();
        List<TimelineItem> items = new ArrayList<>();
        items.add(new TimelineItem(r.createdAt(), ExchangeViews.time(r.createdAt()), "opened",
                views.msg("round.timeline.opened", r.createdBy(), views.organisation(r.firstParty()),
                        views.organisation(r.secondParty())), null));
        for (ListVersion v : versions) {
            String text = views.msg(v.number() == 1 ? "round.timeline.firstVersion" : "round.timeline.version",
                    views.organisation(v.party()), views.kind(v.kind()), v.number(), v.createdBy(), v.entryCount(),
                    v.removalCount());
            items.add(new TimelineItem(v.createdAt(), ExchangeViews.time(v.createdAt()), "version", text,
                    versionUrl(view.publicId(), v.party(), v.kind(), v.number())));
        }
        decisions.forEach((party, summary) -> items.add(new TimelineItem(summary.latest(),
                ExchangeViews.time(summary.latest()), "decisions", views.msg("round.timeline.decisions",
                        views.organisation(r.other(party)), summary.decisions(), views.organisation(party)), null)));
        if (r.abandonedAt() != null) {
            items.add(new TimelineItem(r.abandonedAt(), ExchangeViews.time(r.abandonedAt()), "abandoned",
                    views.msg("round.timeline.abandoned", r.abandonedBy()), null));
        }
        items.sort(Comparator.comparing(TimelineItem::sortKey));
        return items;
    }

    @PostMapping("/exchanges/{id}/abandon")
    String abandon(@PathVariable String id, @RequestParam Map<String, String> form, Locale locale,
            HttpServletResponse response, Model model) {
        Caller caller = Callers.require();
        Round round = exchanges.round(caller, id);
        if (!round.isParty(caller.organisation())) {
            throw new ForbiddenException("only the parties' negotiators abandon a round", RoundAccess.RECORD, id);
        }
        RoundAccess.requireNegotiatorOf(caller, caller.organisation(), id, "abandon a round");
        JsonInput in = new JsonInput();
        String reason = in.text(form.get("reason"), "reason", ExchangeService.MAX_REASON, TextCheck.Kind.MULTI_LINE);
        try {
            in.throwIfAny();
            exchanges.abandon(caller, id, reason);
            return "redirect:/exchanges/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("abandonErrors", labelled(e.errors(), locale));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("notice", messages.getMessage("round.notNegotiating", null, locale));
        }
        return round(id, locale, model);
    }

    // ----------------------------------------------------------------------------------- a version of a list

    /** An entry of a list on its page. */
    record EntryRow(int position, ExchangeViews.Record record) {
    }

    /** An entry dropped by a version, and why. */
    record RemovalRow(String ref, String reason, String note) {
    }

    static ListKind kind(String code) {
        ListKind kind = ListKind.ofCode(code);
        if (kind == null) {
            throw NotFoundException.absent("list kind", code);
        }
        return kind;
    }

    static int number(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not a version
        }
        throw NotFoundException.absent("version", text);
    }

    /** The registry persons of these internal keys that the caller may see. */
    private Map<Long, Person> persons(Caller caller, Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return registry.visible(caller, ids).stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }

    @GetMapping("/exchanges/{id}/lists/{party}/{kind}/versions/{n}")
    String version(@PathVariable String id, @PathVariable String party, @PathVariable("kind") String kindCode,
            @PathVariable String n, @RequestParam(name = "page", required = false) String pageParameter,
            Locale locale, Model model) {
        Caller caller = Callers.require();
        ListKind kind = kind(kindCode);
        int number = number(n);
        ExchangeViews views = views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        int page = ExchangeViews.pageNumber(pageParameter);
        ListService.VersionContent content = lists.versionPage(caller, id, party, kind, number,
                (page - 1) * ENTRIES_PAGE, ENTRIES_PAGE);
        Map<Long, Person> persons = persons(caller, content.entries().stream().map(ListEntry::personId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<EntryRow> rows = new ArrayList<>();
        int position = (page - 1) * ENTRIES_PAGE;
        for (ListEntry e : content.entries()) {
            rows.add(new EntryRow(++position, views.entry(e, e.personId() == null ? null : persons.get(e.personId()))));
        }
        ListVersion v = content.version();
        String url = versionUrl(id, party, kind, number);
        model.addAttribute("round", views.head(round));
        model.addAttribute("version", views.versionHead(id, v));
        model.addAttribute("versions", lists.versions(caller, id, party, kind).stream()
                .map(other -> versionLink(id, other)).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("removals", content.removals().stream().map(r -> new RemovalRow(r.ref(),
                views.label("removalReason", r.reason()), r.note())).toList());
        model.addAttribute("pagination", ExchangeViews.pagination(v.entryCount(), page, ENTRIES_PAGE, rows.size(),
                p -> url + "?page=" + p));
        model.addAttribute("diffUrl", number > 1 ? url + "/diff?from=" + (number - 1) : null);
        model.addAttribute("reconciliationUrl", kind == ListKind.REQUEST ? url + "/reconciliation" : null);
        model.addAttribute("leftOffUrl", leftOffUrl(id, party, kind));
        return "exchange/version";
    }

    // ------------------------------------------------------------------------------------- what changed

    /** A field of an entry that changed, from and to. */
    record FieldChange(String label, String from, String to, boolean person) {
    }

    /** An entry that changed, field by field. */
    record ChangedRow(String ref, List<FieldChange> fields) {
    }

    /** An entry dropped, with the reason given. */
    record RemovedRow(ExchangeViews.Record record, String reason, String note) {
    }

    @GetMapping("/exchanges/{id}/lists/{party}/{kind}/versions/{n}/diff")
    String diff(@PathVariable String id, @PathVariable String party, @PathVariable("kind") String kindCode,
            @PathVariable String n, @RequestParam(name = "from", required = false) String fromParameter,
            @RequestParam(name = "all", required = false) String all, Locale locale, Model model) {
        Caller caller = Callers.require();
        ListKind kind = kind(kindCode);
        int number = number(n);
        ExchangeViews views = views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        ListVersion newer = lists.versionPage(caller, id, party, kind, number, 0, 0).version();
        int from = fromParameter == null ? number - 1 : number(fromParameter);
        model.addAttribute("round", views.head(round));
        model.addAttribute("version", views.versionHead(id, newer));
        model.addAttribute("versions", lists.versions(caller, id, party, kind).stream()
                .map(other -> versionLink(id, other)).toList());
        if (from < 1) {
            model.addAttribute("first", true);
            return "exchange/diff";
        }
        ListVersion older = lists.versionPage(caller, id, party, kind, from, 0, 0).version();
        ListService.Diff diff = lists.diff(caller, id, party, kind, number, from);
        int shown = "true".equals(all) ? Integer.MAX_VALUE : DIFF_SHOWN;
        List<ListEntry> added = diff.added().stream().limit(shown).toList();
        List<ListService.Removed> removed = diff.removed().stream().limit(shown).toList();
        List<ListService.Changed> changed = diff.changed().stream().limit(shown).toList();
        Set<Long> ids = new HashSet<>();
        added.forEach(e -> addIfPerson(ids, e.personId()));
        removed.forEach(r -> addIfPerson(ids, r.entry().personId()));
        changed.forEach(c -> {
            String[] person = c.fields().get("personId");
            if (person != null) {
                for (String key : person) {
                    addIfPerson(ids, key == null ? null : Long.parseLong(key));
                }
            }
        });
        Map<Long, Person> persons = persons(caller, ids);
        model.addAttribute("older", views.versionHead(id, older));
        model.addAttribute("added", added.stream().map(e -> views.entry(e, person(persons, e.personId()))).toList());
        model.addAttribute("removed", removed.stream().map(r -> new RemovedRow(views.entry(r.entry(),
                person(persons, r.entry().personId())), views.label("removalReason", r.reason()), r.note())).toList());
        model.addAttribute("changed", changed.stream().map(c -> new ChangedRow(c.ref(), c.fields().entrySet().stream()
                .map(f -> fieldChange(f.getKey(), f.getValue(), persons, views)).toList())).toList());
        model.addAttribute("counts", new long[] {diff.added().size(), diff.removed().size(), diff.changed().size()});
        model.addAttribute("truncated", diff.added().size() > shown || diff.removed().size() > shown
                || diff.changed().size() > shown);
        model.addAttribute("allUrl", versionUrl(id, party, kind, number) + "/diff?from=" + from + "&all=true");
        return "exchange/diff";
    }

    private static void addIfPerson(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static Person person(Map<Long, Person> persons, Long id) {
        return id == null ? null : persons.get(id);
    }

    private FieldChange fieldChange(String field, String[] values, Map<Long, Person> persons, ExchangeViews views) {
        String label = messages.getMessage("exchange.field." + field, null, field, views.locale());
        if (field.equals("personId")) {
            return new FieldChange(label, personText(values[0], persons, views), personText(values[1], persons, views),
                    true);
        }
        return new FieldChange(label, values[0], values[1], false);
    }

    private String personText(String internalKey, Map<Long, Person> persons, ExchangeViews views) {
        if (internalKey == null) {
            return null;
        }
        long key = Long.parseLong(internalKey);
        Person p = persons.get(key);
        return p == null ? views.personId(key) : p.fullName() + " (" + p.publicId() + ")";
    }

    // ------------------------------------------------------------------------------------ reconciliation

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
        int number = number(n);
        ExchangeViews views = views(locale);
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
        int page = ExchangeViews.pageNumber(parameters.get("page"));
        int from = Math.min(filtered.size(), (page - 1) * ITEMS_PAGE);
        int to = Math.min(filtered.size(), from + ITEMS_PAGE);
        List<ReconciliationService.Item> shown = filtered.subList(from, to);
        Map<Long, Person> persons = persons(caller, personKeys(shown, view.full()));
        List<ItemView> items = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            items.add(itemView(positions.get(from + i), shown.get(i), view.full(), decides, persons, views, null));
        }
        String base = versionUrl(id, party, ListKind.REQUEST, number) + "/reconciliation";
        Map<String, Long> confirmations = new LinkedHashMap<>();
        for (Confirmation c : Confirmation.values()) {
            confirmations.put(c.name(), view.items().stream().filter(i -> i.confirmation() == c).count());
        }
        model.addAttribute("round", views.head(round));
        model.addAttribute("version", views.versionHead(id, view.version()));
        model.addAttribute("versions", versions.stream().map(v -> versionLink(id, v)).toList());
        model.addAttribute("full", view.full());
        model.addAttribute("decides", decides);
        model.addAttribute("holder", views.organisation(round.round().other(party)));
        int latest = versions.isEmpty() ? number : versions.get(versions.size() - 1).number();
        model.addAttribute("latest", latest);
        model.addAttribute("latestUrl", versionUrl(id, party, ListKind.REQUEST, latest) + "/reconciliation");
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
        return negotiatorOf(caller, round.other(party)) && round.state() == RoundState.NEGOTIATING
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
            addIfPerson(ids, item.personId());
            if (full) {
                item.candidates().forEach(c -> ids.add(c.personId()));
            }
        }
        return ids;
    }

    private ItemView itemView(int position, ReconciliationService.Item item, boolean full, boolean decides,
            Map<Long, Person> persons, ExchangeViews views, String error) {
        ListEntry entry = item.entry();
        ExchangeViews.Record requested = views.entry(entry, entry.personId() == null ? null
                : persons.get(entry.personId()));
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
        int number = number(n);
        String ref = form.get("ref");
        int position = ExchangeViews.pageNumber(form.get("position"));
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        String base = versionUrl(id, party, ListKind.REQUEST, number) + "/reconciliation";
        Set<String> outcomes = new HashSet<>(List.of("PENDING"));
        for (MatchOutcome o : MatchOutcome.values()) {
            outcomes.add(o.name());
        }
        String back = url(base, choice(form.get("outcome"), outcomes), choice(form.get("confirmation"),
                Set.of("PENDING", "CONFIRMED", "REJECTED")), ExchangeViews.pageNumber(form.get("page")))
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
        ExchangeViews views = views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        List<ListVersion> versions = lists.versions(caller, id, party, ListKind.REQUEST);
        boolean decides = decides(caller, round.round(), party, number, versions);
        Map<Long, Person> persons = persons(caller, personKeys(List.of(item), true));
        model.addAttribute("item", itemView(position, item, true, decides, persons, views, error));
        model.addAttribute("full", true);
        model.addAttribute("action", versionUrl(id, party, ListKind.REQUEST, number) + "/reconciliation/decide");
        model.addAttribute("filter", new String[] {null, null, "1"});
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        return "exchange/reconciliation :: item";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // ------------------------------------------------------------------------------------------ left off

    /** A person left off, as the reader may see them. */
    record LeftOffRow(ExchangeViews.Record person, String category, String rankGroup, boolean removed,
            String removalReason) {
    }

    /** A choice of list on the left-off page. */
    record ListChoice(String label, String url, boolean current) {
    }

    @GetMapping("/exchanges/{id}/left-off")
    String leftOff(@PathVariable String id, @RequestParam Map<String, String> parameters, Locale locale,
            Model model) {
        Caller caller = Callers.require();
        ExchangeViews views = views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        Round r = round.round();
        String party = parameters.get("party");
        if (party == null) {
            party = r.isParty(caller.organisation()) ? caller.organisation() : r.firstParty();
        }
        ListKind kind = parameters.get("kind") == null ? ListKind.REQUEST : kind(parameters.get("kind"));
        int page = ExchangeViews.pageNumber(parameters.get("page"));
        LeftOffService.Figure figure = leftOff.figure(caller, id, party, kind, page - 1, PERSONS_PAGE);
        List<BarChart> charts = new ArrayList<>();
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            String dimension = DIMENSIONS.get(i);
            Map<String, Long> values = figure.breakdown().getOrDefault(dimension, Map.of());
            List<BarChart.Value> bars = values.entrySet().stream()
                    .map(e -> new BarChart.Value(valueLabel(dimension, e.getKey(), views), e.getValue()))
                    .toList();
            if (dimension.equals("captivityYears")) {
                bars = values.keySet().stream().sorted(Comparator.comparingInt(YEARS::indexOf))
                        .map(k -> new BarChart.Value(valueLabel(dimension, k, views), values.get(k))).toList();
            } else {
                bars = bars.stream().sorted(Comparator.comparingLong(BarChart.Value::value).reversed()
                        .thenComparing(BarChart.Value::label)).toList();
            }
            charts.add(BarChart.of("chart-" + dimension, views.msg("leftOff.dimension." + dimension), i, bars));
        }
        String finalParty = party;
        List<LeftOffRow> rows = figure.items().stream().map(item -> new LeftOffRow(views.person(item.person()),
                enumText("category", item.person().get(PersonField.CATEGORY), views),
                enumText("rankGroup", item.person().get(PersonField.RANK_GROUP), views), item.removed(),
                item.removalReason() == null ? null : valueLabel("removalReason", item.removalReason(), views)))
                .toList();
        List<ListChoice> choices = new ArrayList<>();
        for (String p : r.parties()) {
            for (ListKind k : ListKind.values()) {
                choices.add(new ListChoice(views.msg("list.name", views.kind(k), views.organisation(p)),
                        leftOffUrl(id, p, k), p.equals(finalParty) && k == kind));
            }
        }
        model.addAttribute("round", views.head(round));
        model.addAttribute("choices", choices);
        model.addAttribute("listName", views.msg("list.name", views.kind(kind), views.organisation(party)));
        model.addAttribute("explain", views.msg(kind == ListKind.REQUEST ? "leftOff.explain.request"
                : "leftOff.explain.offer", views.organisation(party), views.organisation(r.other(party))));
        model.addAttribute("figure", figure);
        model.addAttribute("charts", charts);
        model.addAttribute("rows", rows);
        String base = leftOffUrl(id, party, kind);
        model.addAttribute("pagination", ExchangeViews.pagination(figure.total(), page, PERSONS_PAGE, rows.size(),
                p -> base + "&page=" + p));
        return "exchange/left-off";
    }

    private static String enumText(String prefix, Object value, ExchangeViews views) {
        return value instanceof Enum<?> constant ? views.label(prefix, constant) : null;
    }

    /** A value of a breakdown dimension in words. */
    private String valueLabel(String dimension, String value, ExchangeViews views) {
        if (value.equals("UNKNOWN")) {
            return views.msg("leftOff.unknown");
        }
        String key = switch (dimension) {
            case "seriouslyIllOrWounded" -> "true".equals(value) ? "common.yes" : "common.no";
            case "captivityYears" -> "leftOff.years." + switch (value) {
                case "<1" -> "under1";
                case "1-2" -> "1to2";
                case "2-3" -> "2to3";
                default -> "3plus";
            };
            case "wishStatus" -> "leftOff.wish." + value;
            default -> dimension + "." + value;
        };
        return messages.getMessage(key, null, value, views.locale());
    }
}
