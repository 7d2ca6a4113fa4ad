package org.parley.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.ForbiddenException;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.Role;
import org.parley.registry.Person;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a round's exchange list: its versions with their approvals, where the negotiators of the parties and
 * the intermediary propose the next one; one version — both sides' releases with the reason of each, who is left
 * out and why, the counts and the balance — with each organisation's approval and the button that approves it; and
 * what changed between two versions. The services decide who sees and does what (404, 403, 409).
 */
@Controller
@HtmlPages
class ExchangeListPagesController {

    private final ExchangeService exchanges;
    private final ExchangeListService exchangeLists;
    private final AgreementService agreements;
    private final MessageSource messages;
    private final ExchangePages pages;

    ExchangeListPagesController(ExchangeService exchanges, ExchangeListService exchangeLists,
            AgreementService agreements, MessageSource messages, ExchangePages pages) {
        this.exchanges = exchanges;
        this.exchangeLists = exchangeLists;
        this.agreements = agreements;
        this.messages = messages;
        this.pages = pages;
    }

    // ------------------------------------------------------------------------------------------- the versions

    /** A version in the list of versions, with the approvals it has. */
    record VersionRow(int number, String url, String by, String at, String hash, boolean latest, boolean agreed,
            List<String> approvals, String diffUrl) {
    }

    /** A choice of balance on the proposal form. */
    record BalanceChoice(String value, String label, String hint, boolean checked) {
    }

    @GetMapping("/exchanges/{id}/exchange-list")
    String exchangeList(@PathVariable String id, Locale locale, Model model) {
        Caller caller = Callers.require();
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        List<ExchangeListVersion> versions = exchangeLists.versions(caller, id);
        List<Approval> approvals = agreements.approvals(caller, id);
        Round r = round.round();
        int latest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).number();
        List<VersionRow> rows = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            ExchangeListVersion v = versions.get(i);
            List<String> approved = approvals.stream().filter(a -> a.versionNumber() == v.number())
                    .map(a -> views.msg(a.role().equals(ApprovalSignature.WITNESS) ? "approval.witnessedBy"
                            : "approval.approvedBy", views.organisation(a.organisation()), a.approvedBy(),
                            ExchangeViews.time(a.approvedAt()))).toList();
            String url = ExchangePages.exchangeVersionUrl(id, v.number());
            rows.add(new VersionRow(v.number(), url, v.createdBy(), ExchangeViews.time(v.createdAt()),
                    ExchangeViews.hex(v.hash()), v.number() == latest,
                    r.agreedVersion() != null && r.agreedVersion() == v.number(), approved,
                    v.number() > 1 ? url + "/diff?from=" + (v.number() - 1) : null));
        }
        model.addAttribute("round", views.head(round));
        model.addAttribute("versions", rows);
        model.addAttribute("latestUrl", latest == 0 ? null : ExchangePages.exchangeVersionUrl(id, latest));
        model.addAttribute("agreementUrl", r.agreedVersion() == null ? null : ExchangePages.agreementUrl(id));
        boolean canPropose = canPropose(caller, r);
        model.addAttribute("canPropose", canPropose);
        if (!model.containsAttribute("proposeErrors")) {
            model.addAttribute("proposeErrors", List.of());
            model.addAttribute("proposeForm", Map.of());
        }
        if (canPropose) {
            @SuppressWarnings("unchecked")
            Map<String, String> form = (Map<String, String>) model.getAttribute("proposeForm");
            String chosen = form.getOrDefault("balance", Proposal.Balance.N_FOR_N.name());
            List<BalanceChoice> choices = new ArrayList<>();
            for (Proposal.Balance b : Proposal.Balance.values()) {
                choices.add(new BalanceChoice(b.name(), views.label("balance", b),
                        views.msg("balance.hint." + b.name()), b.name().equals(chosen)));
            }
            model.addAttribute("balances", choices);
            model.addAttribute("action", ExchangePages.exchangeListUrl(id) + "/propose");
        }
        return "exchange/exchange-list";
    }

    /** The negotiators of the parties and the intermediary propose, until the handover is completed. */
    static boolean canPropose(Caller caller, Round round) {
        return caller.has(Role.NEGOTIATOR) && round.takesPart(caller.organisation()) && open(round);
    }

    private static boolean open(Round round) {
        return round.state() == RoundState.NEGOTIATING || round.state() == RoundState.AGREED;
    }

    @PostMapping("/exchanges/{id}/exchange-list/propose")
    String propose(@PathVariable String id, @RequestParam Map<String, String> form, Locale locale,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Caller caller = Callers.require();
        Round round = exchanges.round(caller, id);
        if (!round.takesPart(caller.organisation()) || !caller.has(Role.NEGOTIATOR)) {
            throw new ForbiddenException("only the negotiators of the round's parties and intermediary propose",
                    RoundAccess.RECORD, id);
        }
        try {
            Proposal.Balance balance;
            try {
                balance = Proposal.Balance.valueOf(form.getOrDefault("balance", ""));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("balance", "choose how the two sides are balanced");
            }
            Integer count = null;
            if (balance == Proposal.Balance.FIXED) {
                String text = form.getOrDefault("count", "").strip();
                try {
                    count = Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("count", text.isEmpty()
                            ? "is required for a fixed balance: how many persons each way"
                            : "'" + text + "' is not a whole number");
                }
                if (count < 0 || count > ListService.MAX_ENTRIES) {
                    throw new InvalidInputException("count", "must be from 0 to " + ListService.MAX_ENTRIES);
                }
            }
            ExchangeListDocument document = exchangeLists.propose(caller, id, balance, count);
            redirect.addFlashAttribute("proposed", document.version());
            return "redirect:" + ExchangePages.exchangeVersionUrl(id, document.version());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("proposeErrors", labelled(e.errors(), locale));
            model.addAttribute("proposeForm", form);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("notice", messages.getMessage("exchangeList.closed", null, locale));
        }
        return exchangeList(id, locale, model);
    }

    private List<FieldError> labelled(List<FieldError> errors, Locale locale) {
        return errors.stream().map(e -> new FieldError(messages.getMessage("exchange.field." + e.field(), null,
                e.field(), locale), e.reason())).toList();
    }

    // ---------------------------------------------------------------------------------------------- a version

    /** The head of a version's pages. */
    record VersionHead(int number, String url, String by, String at, Integer basedOn, String proposal, String hash,
            boolean latest, boolean agreed, int latestNumber, String latestUrl) {
    }

    /** What one side releases, in figures. */
    record SideBalance(String party, String name, int released, int counted, int outside, int excluded,
            int shortBy) {
    }

    /** A person a side releases, as the version froze them. */
    record ReleaseRow(Integer priority, String personId, boolean linked, String name, String latin,
            String dateOfBirth, String rank, String serviceNumber, String prisonerNumber, String ref, String source,
            boolean counted, String reason) {
    }

    /** The persons a side releases. */
    record SideReleases(String party, String name, List<ReleaseRow> rows) {
    }

    /** A person or requested record left out, and why; the name as the reader may see the record. */
    record ExcludedRow(String side, String ref, String personId, String name, String nameLang, String code,
            String reason) {
    }

    /**
     * A person taken off by hand, with the reason given; the name and its Latin spelling as the version before froze
     * them ({@code latin} null: the name as the reader may see the record, in {@code nameLang}).
     */
    record RemovalRow(String side, String personId, String name, String latin, String nameLang, String reason,
            String note) {
    }

    /** An organisation's approval of a version, or its absence. */
    record ApprovalState(String organisation, String name, boolean witness, boolean approved, String text,
            String hash, String signature) {
    }

    /** A person the refused approval names, with the Latin spelling the version froze and the reason in words. */
    record Obstacle(String personId, String name, String latin, String side, String problem) {
    }

    @GetMapping("/exchanges/{id}/exchange-list/versions/{n}")
    String version(@PathVariable String id, @PathVariable String n, Locale locale, Model model) {
        Caller caller = Callers.require();
        int number = ExchangePages.number(n);
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        Round r = round.round();
        ExchangeListDocument document = exchangeLists.version(caller, id, number);
        List<ExchangeListVersion> versions = exchangeLists.versions(caller, id);
        List<Approval> approvals = agreements.approvals(caller, id);
        int latest = versions.get(versions.size() - 1).number();
        ExchangeListVersion stored = versions.stream().filter(v -> v.number() == number).findFirst().orElseThrow();
        Set<String> ids = new LinkedHashSet<>();
        document.releases().values().forEach(items -> items.forEach(i -> ids.add(i.personId())));
        document.excluded().forEach(l -> ids.add(l.personId()));
        document.removals().forEach(d -> ids.add(d.personId()));
        Map<String, Person> visible = pages.visibleByPublicId(caller, ids);

        model.addAttribute("round", views.head(round));
        model.addAttribute("version", head(id, document, stored, latest, r, views));
        model.addAttribute("versions", versions.stream().map(v -> new VersionRow(v.number(),
                ExchangePages.exchangeVersionUrl(id, v.number()), v.createdBy(), ExchangeViews.time(v.createdAt()),
                null, v.number() == latest, false, List.of(), null)).toList());
        model.addAttribute("listUrl", ExchangePages.exchangeListUrl(id));
        model.addAttribute("diffUrl", number > 1 ? ExchangePages.exchangeVersionUrl(id, number) + "/diff?from="
                + (number - 1) : null);
        model.addAttribute("agreementUrl", r.agreedVersion() == null ? null : ExchangePages.agreementUrl(id));
        List<SideBalance> balance = new ArrayList<>();
        List<SideReleases> sides = new ArrayList<>();
        for (String party : r.parties()) {
            ExchangeListDocument.Counts c = document.counts().get(party);
            if (c != null) {
                balance.add(new SideBalance(party, views.organisation(party), c.released(), c.countedInBalance(),
                        c.outsideBalance(), c.excluded(), c.shortBy()));
            }
            List<ReleaseRow> rows = document.releases().getOrDefault(party, List.of()).stream()
                    .map(i -> releaseRow(i, visible, views)).toList();
            sides.add(new SideReleases(party, views.organisation(party), rows));
        }
        model.addAttribute("balance", balance);
        model.addAttribute("balanceText", balanceText(balance, views));
        model.addAttribute("sides", sides);
        model.addAttribute("excluded", document.excluded().stream().map(l -> new ExcludedRow(
                views.organisation(l.side()), l.ref(), l.personId(), nameOf(visible.get(l.personId())),
                languageOf(visible.get(l.personId())), exclusion(l.code(), views), l.reason())).toList());
        Map<String, ExchangeListDocument.Identity> removed = new java.util.HashMap<>();
        if (!document.removals().isEmpty() && document.basedOn() != null) {
            exchangeLists.version(caller, id, document.basedOn()).releases().values().forEach(items ->
                    items.forEach(i -> removed.put(i.personId(), i.identity())));
        }
        model.addAttribute("removals", document.removals().stream().map(d -> {
            ExchangeListDocument.Identity frozen = removed.get(d.personId());
            Person p = visible.get(d.personId());
            return new RemovalRow(views.organisation(d.side()), d.personId(), frozen != null ? frozen.name()
                    : nameOf(p), frozen != null ? frozen.latin() : null, frozen != null ? null : languageOf(p),
                    views.label("removalReason", d.reason()), d.note());
        }).toList());
        model.addAttribute("approvals", approvalStates(r, number, approvals, views));
        boolean canApprove = canApprove(caller, r, number, latest, approvals);
        model.addAttribute("canApprove", canApprove);
        if (canApprove) {
            boolean witness = !r.isParty(caller.organisation());
            model.addAttribute("approveLabel", views.msg(witness ? "approval.witness" : "approval.approve", number,
                    views.organisation(caller.organisation())));
            model.addAttribute("approveHint", views.msg(witness ? "approval.witness.hint" : "approval.approve.hint",
                    views.organisation(caller.organisation())));
            model.addAttribute("approveAction", ExchangePages.exchangeVersionUrl(id, number) + "/approve");
        }
        if (!model.containsAttribute("obstacles")) {
            model.addAttribute("obstacles", List.of());
        }
        return "exchange/exchange-version";
    }

    private VersionHead head(String id, ExchangeListDocument document, ExchangeListVersion stored, int latest,
            Round round, ExchangeViews views) {
        String proposal = document.balance() == null ? views.msg("exchangeList.edited")
                : document.balance() == Proposal.Balance.FIXED ? views.msg("exchangeList.proposal.fixed",
                        document.count())
                : views.msg("exchangeList.proposal", views.label("balance", document.balance()));
        return new VersionHead(document.version(), ExchangePages.exchangeVersionUrl(id, document.version()),
                document.createdBy(), ExchangeViews.time(document.createdAt()), document.basedOn(), proposal,
                ExchangeViews.hex(stored.hash()), document.version() == latest,
                round.agreedVersion() != null && round.agreedVersion() == document.version(), latest,
                ExchangePages.exchangeVersionUrl(id, latest));
    }

    private static ReleaseRow releaseRow(ExchangeListDocument.Item i, Map<String, Person> visible,
            ExchangeViews views) {
        ExchangeListDocument.Identity who = i.identity();
        return new ReleaseRow(i.priority(), i.personId(), visible.containsKey(i.personId()), who.name(),
                who.latin(), who.dateOfBirth(), who.rank(), who.serviceNumber(), who.prisonerNumber(), i.ref(),
                views.label("releaseSource", i.source()), i.countedInBalance(), i.reason());
    }

    /** "Party A releases 12 (10 counted), Party B 11 (10 counted): 10 for 10." */
    private static String balanceText(List<SideBalance> balance, ExchangeViews views) {
        if (balance.size() != 2) {
            return null;
        }
        SideBalance first = balance.get(0);
        SideBalance second = balance.get(1);
        return views.msg("exchangeList.balanceText", first.name(), first.released(), first.counted(), second.name(),
                second.released(), second.counted());
    }

    private static String nameOf(Person p) {
        return p == null ? null : p.fullName();
    }

    private static String languageOf(Person p) {
        return p == null ? null : ExchangeViews.nameLanguage(p);
    }

    private static String exclusion(String code, ExchangeViews views) {
        if (code == null) {
            return null;
        }
        try {
            return code.equals("REMOVED") ? views.msg("exclusion.REMOVED")
                    : views.label("exclusion", Proposal.Exclusion.valueOf(code));
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static List<ApprovalState> approvalStates(Round round, int number, List<Approval> approvals,
            ExchangeViews views) {
        List<String> organisations = new ArrayList<>(round.parties());
        if (round.intermediary() != null) {
            organisations.add(round.intermediary());
        }
        List<ApprovalState> states = new ArrayList<>();
        for (String organisation : organisations) {
            boolean witness = !round.isParty(organisation);
            Approval a = approvals.stream().filter(x -> x.versionNumber() == number
                    && x.organisation().equals(organisation)).findFirst().orElse(null);
            String name = views.organisation(organisation);
            if (a == null) {
                states.add(new ApprovalState(organisation, name, witness, false,
                        views.msg(witness ? "approval.noWitness" : "approval.awaiting"), null, null));
            } else {
                states.add(new ApprovalState(organisation, name, witness, true, views.msg(witness
                        ? "approval.witnessedBy" : "approval.approvedBy", name, a.approvedBy(),
                        ExchangeViews.time(a.approvedAt())), ExchangeViews.hex(a.versionHash()),
                        a.signatureBase64()));
            }
        }
        return states;
    }

    /** A negotiator of a party or the intermediary, on the latest version of an open round, not yet approved. */
    static boolean canApprove(Caller caller, Round round, int number, int latest, List<Approval> approvals) {
        return caller.has(Role.NEGOTIATOR) && round.takesPart(caller.organisation()) && open(round)
                && number == latest && approvals.stream().noneMatch(a -> a.versionNumber() == number
                        && a.organisation().equals(caller.organisation()));
    }

    @PostMapping("/exchanges/{id}/exchange-list/versions/{n}/approve")
    String approve(@PathVariable String id, @PathVariable String n, Locale locale, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Caller caller = Callers.require();
        int number = ExchangePages.number(n);
        ExchangeViews views = pages.views(locale);
        try {
            agreements.approve(caller, id, number, null);
            Round after = exchanges.round(caller, id);
            boolean witness = !after.isParty(caller.organisation());
            boolean agreed = !witness && after.agreedVersion() != null && after.agreedVersion() == number;
            redirect.addFlashAttribute("approved", views.msg(agreed ? "approval.agreed" : witness
                    ? "approval.witnessed" : "approval.done", number, views.organisation(caller.organisation())));
            return "redirect:" + ExchangePages.exchangeVersionUrl(id, number);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("notice", refusal(e, number, views));
            model.addAttribute("obstacles", obstacles(e, views, "release-not-possible".equals(e.problem())
                    ? exchangeLists.version(caller, id, number) : null));
        }
        return version(id, n, locale, model);
    }

    private static String refusal(ConflictException e, int number, ExchangeViews views) {
        return switch (e.problem()) {
            case "not-latest-version" -> views.msg("approval.notLatest", number, e.details().get("latest"));
            case "already-approved" -> views.msg("approval.already", number);
            case "release-not-possible" -> views.msg("approval.obstacles", number,
                    ((List<?>) e.details().get("persons")).size());
            default -> views.msg("exchangeList.closed");
        };
    }

    /**
     * The persons a refused approval names, each with its reason in words ({@link AgreementService#obstacles}) and
     * the Latin spelling {@code document}, the version refused, froze.
     */
    static List<Obstacle> obstacles(ConflictException e, ExchangeViews views, ExchangeListDocument document) {
        if (!"release-not-possible".equals(e.problem()) || !(e.details().get("persons") instanceof List<?> persons)) {
            return List.of();
        }
        Map<String, String> latin = new java.util.HashMap<>();
        document.releases().values().forEach(items -> items.forEach(i -> latin.put(i.personId(),
                i.identity().latin())));
        List<Obstacle> obstacles = new ArrayList<>();
        for (Object o : persons) {
            if (o instanceof Map<?, ?> person) {
                String side = String.valueOf(person.get("side"));
                String personId = String.valueOf(person.get("personId"));
                obstacles.add(new Obstacle(personId, String.valueOf(person.get("name")), latin.get(personId),
                        views.organisation(side),
                        problem(person, side, views)));
            }
        }
        return obstacles;
    }

    private static String problem(Map<?, ?> person, String side, ExchangeViews views) {
        return switch (AgreementService.ObstacleCode.valueOf(String.valueOf(person.get("code")))) {
            case NOT_HELD -> views.msg("approval.problem.notHeld", views.organisation(side));
            case NOT_IN_CUSTODY -> views.msg("approval.problem.notInCustody", views.msg("status."
                    + person.get("status")));
            case VERIFIED_NOT_RETURNING -> views.msg("approval.problem.declines");
        };
    }

    // -------------------------------------------------------------------------------------------- what changed

    /** A person added, taken off or changed between two versions. */
    record ChangeRow(String side, String personId, boolean linked, String name, String latin, String priorityBefore,
            String priority, boolean countedBefore, boolean counted, String reasonBefore, String reason) {
    }

    @GetMapping("/exchanges/{id}/exchange-list/versions/{n}/diff")
    String diff(@PathVariable String id, @PathVariable String n,
            @RequestParam(name = "from", required = false) String fromParameter, Locale locale, Model model) {
        Caller caller = Callers.require();
        int number = ExchangePages.number(n);
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        List<ExchangeListVersion> versions = exchangeLists.versions(caller, id);
        ExchangeListVersion newer = versions.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> org.parley.api.NotFoundException.absent("version of the exchange list", n));
        int latest = versions.get(versions.size() - 1).number();
        int from = fromParameter == null ? number - 1 : ExchangePages.number(fromParameter);
        model.addAttribute("round", views.head(round));
        model.addAttribute("number", number);
        model.addAttribute("versionUrl", ExchangePages.exchangeVersionUrl(id, number));
        model.addAttribute("listUrl", ExchangePages.exchangeListUrl(id));
        model.addAttribute("versions", versions.stream().map(v -> new VersionRow(v.number(),
                ExchangePages.exchangeVersionUrl(id, v.number()), v.createdBy(), ExchangeViews.time(v.createdAt()),
                null, v.number() == latest, false, List.of(), null)).toList());
        model.addAttribute("newer", newer.number());
        if (from < 1) {
            model.addAttribute("first", true);
            return "exchange/exchange-diff";
        }
        ExchangeListService.Diff diff = exchangeLists.diff(caller, id, number, from);
        Set<String> ids = new LinkedHashSet<>();
        for (List<ExchangeListService.Change> changes : List.of(diff.added(), diff.removed(), diff.changed())) {
            changes.forEach(c -> ids.add((c.after() != null ? c.after() : c.before()).personId()));
        }
        Map<String, Person> visible = pages.visibleByPublicId(caller, ids);
        model.addAttribute("from", from);
        model.addAttribute("fromUrl", ExchangePages.exchangeVersionUrl(id, from));
        model.addAttribute("added", diff.added().stream().map(c -> changeRow(c, visible, views)).toList());
        model.addAttribute("removed", diff.removed().stream().map(c -> changeRow(c, visible, views)).toList());
        model.addAttribute("changed", diff.changed().stream().map(c -> changeRow(c, visible, views)).toList());
        return "exchange/exchange-diff";
    }

    private static ChangeRow changeRow(ExchangeListService.Change c, Map<String, Person> visible,
            ExchangeViews views) {
        ExchangeListDocument.Item item = c.after() != null ? c.after() : c.before();
        ExchangeListDocument.Item before = c.before();
        ExchangeListDocument.Item after = c.after();
        return new ChangeRow(views.organisation(c.side()), item.personId(), visible.containsKey(item.personId()),
                item.identity().name(), item.identity().latin(), before == null ? null : priority(before, views),
                after == null ? null : priority(after, views), before != null && before.countedInBalance(),
                after != null && after.countedInBalance(), before == null ? null : before.reason(),
                after == null ? c.reason() : after.reason());
    }

    private static String priority(ExchangeListDocument.Item item, ExchangeViews views) {
        if (item.priority() != null) {
            return String.valueOf(item.priority());
        }
        // a person added by hand is counted without a rank; one outside the balance is there under Art. 110
        return item.countedInBalance() ? "—" : views.msg("exchangeList.art110");
    }
}
