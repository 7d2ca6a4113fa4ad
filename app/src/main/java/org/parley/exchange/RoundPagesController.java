package org.parley.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.ForbiddenException;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.api.Role;
import org.parley.api.TextCheck;
import org.parley.exchange.ExchangePages.Option;
import org.parley.exchange.ExchangePages.VersionLink;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKind;
import org.parley.registry.Page;
import org.parley.registry.RegistryService;
import org.parley.web.PageNumbers;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of exchange rounds: the rounds of the reader's organisation (where a party's negotiators open one), and
 * a round with both parties' lists, its timeline and the form that abandons it. A round the reader's organisation
 * takes no part in is not found; forms are shown only to those whose role allows the action, and the services
 * refuse the others (403).
 */
@Controller
@HtmlPages
class RoundPagesController {

    static final int ROUNDS_PAGE = 50;

    private final ExchangeService exchanges;
    private final ExchangeListService exchangeLists;
    private final AgreementService agreements;
    private final ListService lists;
    private final ReconciliationService reconciliations;
    private final RegistryService registry;
    private final MessageSource messages;
    private final ExchangePages pages;

    RoundPagesController(ExchangeService exchanges, ExchangeListService exchangeLists, AgreementService agreements,
            ListService lists, ReconciliationService reconciliations, RegistryService registry,
            MessageSource messages, ExchangePages pages) {
        this.exchanges = exchanges;
        this.exchangeLists = exchangeLists;
        this.agreements = agreements;
        this.lists = lists;
        this.reconciliations = reconciliations;
        this.registry = registry;
        this.messages = messages;
        this.pages = pages;
    }

    // ---------------------------------------------------------------------------------------------- the rounds

    /** A round in the list of rounds. */
    record RoundRow(String id, String title, String firstParty, String secondParty, String intermediary,
            String state, String stateCode, String waitingOn, long days, boolean stalled, String openedAt) {
    }

    @GetMapping("/exchanges")
    String rounds(@RequestParam(name = "page", required = false) String pageParameter, Locale locale,
            Model model) {
        Caller caller = Callers.require();
        ExchangeViews views = pages.views(locale);
        int page = PageNumbers.of(pageParameter);
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

    @GetMapping("/exchanges/{id}")
    String round(@PathVariable String id, Locale locale, Model model) {
        Caller caller = Callers.require();
        ExchangeService.RoundView view = exchanges.get(caller, id);
        Round r = view.round();
        ExchangeViews views = pages.views(locale);
        List<ListVersion> versions = lists.versionsOfRound(caller, id);
        Map<String, ReconciliationService.DecisionSummary> decisions = reconciliations.decisionSummary(caller, id);
        List<PartyColumn> columns = new ArrayList<>();
        for (String party : r.parties()) {
            List<ListPanel> panels = new ArrayList<>();
            for (ListKind kind : ListKind.values()) {
                List<VersionLink> links = versions.stream().filter(v -> v.party().equals(party) && v.kind() == kind)
                        .sorted(Comparator.comparingInt(ListVersion::number)).map(v -> ExchangePages.versionLink(id, v))
                        .toList();
                panels.add(new ListPanel(party, views.organisation(party), kind.code(), views.kind(kind),
                        links.isEmpty() ? null : links.get(links.size() - 1), links,
                        ExchangePages.leftOffUrl(id, party, kind),
                        ExchangePages.negotiatorOf(caller, party) && r.state() == RoundState.NEGOTIATING
                                ? ExchangePages.listUrl(id, party, kind) + "/edit" : null));
            }
            columns.add(new PartyColumn(party, views.organisation(party), party.equals(view.move().waitingOn()),
                    panels));
        }
        List<ExchangeListVersion> exchangeVersions = exchangeLists.versions(caller, id);
        List<Approval> approvals = agreements.approvals(caller, id);
        model.addAttribute("round", views.head(view));
        model.addAttribute("columns", columns);
        model.addAttribute("agreement", agreementPanel(caller, r, id, exchangeVersions, approvals, views));
        List<TimelineItem> timeline = timeline(view, versions, decisions, views);
        timeline.addAll(agreementTimeline(r, id, exchangeVersions, approvals, views));
        timeline.sort(Comparator.comparing(TimelineItem::sortKey));
        model.addAttribute("timeline", timeline);
        model.addAttribute("canAbandon", r.isParty(caller.organisation()) && caller.has(Role.NEGOTIATOR)
                && r.state() == RoundState.NEGOTIATING);
        if (!model.containsAttribute("abandonErrors")) {
            model.addAttribute("abandonErrors", List.of());
        }
        return "exchange/round";
    }

    /** The round's exchange list, its approvals, the agreement, the handover and the report, as far as they go. */
    record AgreementPanel(boolean shown, int latest, String latestUrl, String latestBy, String latestAt,
            String listUrl, boolean canPropose, List<ExchangeListPagesController.ApprovalState> approvals,
            Integer agreedVersion, String agreedAt, String agreementUrl, String handoverUrl, String reportUrl,
            String executedAt) {
    }

    private static AgreementPanel agreementPanel(Caller caller, Round r, String id,
            List<ExchangeListVersion> versions, List<Approval> approvals, ExchangeViews views) {
        ExchangeListVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        boolean agreed = r.agreedVersion() != null;
        boolean executed = r.state() == RoundState.EXECUTED;
        return new AgreementPanel(latest != null || r.state() != RoundState.ABANDONED,
                latest == null ? 0 : latest.number(),
                latest == null ? null : ExchangePages.exchangeVersionUrl(id, latest.number()),
                latest == null ? null : latest.createdBy(), latest == null ? null : ExchangeViews.time(latest.createdAt()),
                ExchangePages.exchangeListUrl(id), ExchangeListPagesController.canPropose(caller, r),
                latest == null ? List.of() : ExchangeListPagesController.approvalStates(r, latest.number(), approvals,
                        views),
                r.agreedVersion(), ExchangeViews.time(r.agreedAt()), agreed ? ExchangePages.agreementUrl(id) : null,
                agreed ? ExchangePages.handoverUrl(id) : null, executed ? ExchangePages.reportUrl(id) : null,
                ExchangeViews.time(r.executedAt()));
    }

    private static List<TimelineItem> agreementTimeline(Round r, String id, List<ExchangeListVersion> versions,
            List<Approval> approvals, ExchangeViews views) {
        List<TimelineItem> items = new ArrayList<>();
        for (ExchangeListVersion v : versions) {
            items.add(new TimelineItem(v.createdAt(), ExchangeViews.time(v.createdAt()), "exchange-list",
                    views.msg("round.timeline.exchangeList", v.number(), v.createdBy()),
                    ExchangePages.exchangeVersionUrl(id, v.number())));
        }
        for (Approval a : approvals) {
            items.add(new TimelineItem(a.approvedAt(), ExchangeViews.time(a.approvedAt()), "approval",
                    views.msg(a.role().equals(ApprovalSignature.WITNESS) ? "round.timeline.witness" : "round.timeline.approval",
                            views.organisation(a.organisation()), a.versionNumber(), a.approvedBy()),
                    ExchangePages.exchangeVersionUrl(id, a.versionNumber())));
        }
        if (r.agreedAt() != null) {
            items.add(new TimelineItem(r.agreedAt(), ExchangeViews.time(r.agreedAt()), "agreed",
                    views.msg("round.timeline.agreed", r.agreedVersion()), ExchangePages.agreementUrl(id)));
        }
        if (r.executedAt() != null) {
            items.add(new TimelineItem(r.executedAt(), ExchangeViews.time(r.executedAt()), "executed",
                    views.msg("round.timeline.executed"), ExchangePages.reportUrl(id)));
        }
        return items;
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
                    ExchangePages.versionUrl(view.publicId(), v.party(), v.kind(), v.number())));
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
}
