package org.parley.exchange;

import org.parley.print.PrintedDocuments;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.parley.api.NotFoundException;
import org.parley.api.Role;
import org.parley.api.TextCheck;
import org.parley.registry.Person;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handover of an agreed round and its report. The checklist has one line a person of the agreement, with what
 * identifies them without a photograph — the name as written and in Latin letters, date of birth, service number,
 * prisoner number — and the outcome recorded so far; the holding party's registrars (for the persons it releases)
 * and the intermediary record outcomes for the lines they choose, in one request; whoever completes the handover
 * (the intermediary's negotiators, or both parties' without one) does it here. The report of an executed round
 * shows agreed against transferred by side, category, rank group and Art. 110, as bar charts with their numbers.
 */
@Controller
@HtmlPages
class HandoverPagesController {

    private final ExchangeService exchanges;
    private final HandoverService handovers;
    private final ExchangePages pages;
    private final ExchangeDocuments documents;

    HandoverPagesController(ExchangeService exchanges, HandoverService handovers, ExchangePages pages,
            ExchangeDocuments documents) {
        this.documents = documents;
        this.exchanges = exchanges;
        this.handovers = handovers;
        this.pages = pages;
    }

    // ------------------------------------------------------------------------------------------ the checklist

    /** A line of the checklist: a person of the agreement, the outcome so far, and the reader's choice. */
    record HandoverRow(String personId, String side, String sideName, boolean linked, String name, String latin,
            String dateOfBirth, String rank, String serviceNumber, String prisonerNumber, String outcome,
            String outcomeCode, String note, String recordedBy, String recordedAt, boolean recordable,
            String chosen, String chosenNote) {
    }

    /** The figures of one side's handover. */
    record SideSummary(String party, String name, int total, int transferred, int didNotAppear, int declined,
            int missing) {
    }

    /** A choice of outcome on a line. */
    record OutcomeChoice(String value, String label) {
    }

    /** A side to show, on the filter. */
    record SideFilter(String label, String url, boolean current) {
    }

    /** An entry of the handover's history: the person's name and its Latin spelling as the agreement froze them. */
    record HistoryRow(String at, String by, String name, String latin, String outcome, String note) {
    }

    /** A person a refusal names, as the agreement froze them ({@code latin} null: a person not on it). */
    record NamedPerson(String personId, String name, String latin, String side) {
    }

    @GetMapping("/exchanges/{id}/handover")
    String checklist(@PathVariable String id, @RequestParam(name = "side", required = false) String side,
            Locale locale, Model model, HttpServletResponse response) {
        Caller caller = Callers.require();
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView view = exchanges.get(caller, id);
        HandoverService.Checklist checklist;
        try {
            checklist = handovers.checklist(caller, id);
        } catch (ConflictException e) {
            return AgreementPagesController.notYet(model, response, views, view, HttpStatus.CONFLICT,
                    "handover.notYet.title", "handover.notYet.text");
        }
        Round round = view.round();
        String shown = side != null && round.isParty(side) ? side : null;
        String recordsSide = recordsSide(caller, round);
        @SuppressWarnings("unchecked")
        Map<String, String> form = model.containsAttribute("recordForm")
                ? (Map<String, String>) model.getAttribute("recordForm") : Map.of();
        Map<String, Person> visible = pages.visibleByPublicId(caller, checklist.lines().stream()
                .map(l -> l.item().personId()).toList());
        List<HandoverRow> rows = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        round.parties().forEach(p -> counts.put(p, new int[5]));
        for (HandoverService.Line line : checklist.lines()) {
            int[] c = counts.get(line.side());
            c[0]++;
            if (line.latest() == null) {
                c[4]++;
            } else {
                c[1 + line.latest().outcome().ordinal()]++;
            }
            if (shown != null && !shown.equals(line.side())) {
                continue;
            }
            ExchangeListDocument.Item item = line.item();
            HandoverEntry latest = line.latest();
            boolean recordable = round.state() == RoundState.AGREED && recordsSide != null
                    && (recordsSide.equals("*") || recordsSide.equals(line.side()));
            rows.add(new HandoverRow(item.personId(), line.side(), views.organisation(line.side()),
                    visible.containsKey(item.personId()), item.identity().name(), item.identity().latin(),
                    item.identity().dateOfBirth(), item.identity().rank(), item.identity().serviceNumber(),
                    item.identity().prisonerNumber(), latest == null ? views.msg("handover.noOutcome")
                            : views.label("handoverOutcome", latest.outcome()),
                    latest == null ? "none" : latest.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    latest == null ? null : latest.note(), latest == null ? null : latest.recordedBy(),
                    latest == null ? null : ExchangeViews.time(latest.recordedAt()), recordable,
                    form.getOrDefault("outcome." + item.personId(), ""), form.get("note." + item.personId())));
        }
        List<SideSummary> summaries = new ArrayList<>();
        counts.forEach((party, c) -> summaries.add(new SideSummary(party, views.organisation(party), c[0], c[1],
                c[2], c[3], c[4])));
        List<SideFilter> filters = new ArrayList<>();
        String base = ExchangePages.handoverUrl(id);
        filters.add(new SideFilter(views.msg("handover.side.all"), base, shown == null));
        for (String party : round.parties()) {
            filters.add(new SideFilter(views.msg("handover.side.releasedBy", views.organisation(party)),
                    base + "?side=" + party, party.equals(shown)));
        }
        Map<Long, ExchangeListDocument.Identity> identities = new HashMap<>();
        checklist.lines().stream().filter(l -> l.latest() != null)
                .forEach(l -> identities.put(l.latest().personId(), l.item().identity()));
        List<HistoryRow> history = new ArrayList<>();
        for (HandoverEntry e : handovers.history(caller, id)) {
            ExchangeListDocument.Identity who = identities.get(e.personId());
            history.add(new HistoryRow(ExchangeViews.time(e.recordedAt()), e.recordedBy(),
                    who == null ? null : who.name(), who == null ? null : who.latin(),
                    views.label("handoverOutcome", e.outcome()), e.note()));
        }
        boolean anyRecordable = rows.stream().anyMatch(HandoverRow::recordable);
        model.addAttribute("round", views.head(view));
        model.addAttribute("agreedVersion", checklist.agreedVersion());
        model.addAttribute("agreementUrl", ExchangePages.agreementUrl(id));
        model.addAttribute("reportUrl", round.state() == RoundState.EXECUTED ? ExchangePages.reportUrl(id) : null);
        model.addAttribute("rows", rows);
        model.addAttribute("summaries", summaries);
        model.addAttribute("missing", checklist.missing());
        model.addAttribute("filters", filters);
        model.addAttribute("history", history);
        model.addAttribute("recordable", anyRecordable);
        model.addAttribute("recordAction", base);
        model.addAttribute("returnSide", shown);
        List<OutcomeChoice> choices = new ArrayList<>();
        for (HandoverOutcome o : HandoverOutcome.values()) {
            choices.add(new OutcomeChoice(o.name(), views.label("handoverOutcome", o)));
        }
        model.addAttribute("choices", choices);
        boolean canComplete = canComplete(caller, round);
        model.addAttribute("canComplete", canComplete);
        model.addAttribute("completeAction", base + "/complete");
        if (round.intermediary() == null) {
            List<String> asked = handovers.completionRequests(caller, id);
            model.addAttribute("completionRequests", asked.stream().map(views::organisation).toList());
            model.addAttribute("completionAwaiting", round.state() == RoundState.AGREED ? round.parties().stream()
                    .filter(p -> !asked.contains(p)).map(views::organisation).toList() : List.of());
        } else {
            model.addAttribute("completionRequests", List.of());
            model.addAttribute("completionAwaiting", List.of());
        }
        model.addAttribute("completeHint", views.msg(round.intermediary() == null ? "handover.complete.hintParties"
                : "handover.complete.hint", views.organisation(round.intermediary())));
        if (!model.containsAttribute("problemPersons")) {
            model.addAttribute("problemPersons", List.of());
        }
        if (!model.containsAttribute("recordErrors")) {
            model.addAttribute("recordErrors", List.of());
        }
        return "exchange/handover";
    }

    /**
     * Whose persons the caller records: "*" for the intermediary's registrars and negotiators (everyone), the
     * party's code for its registrars (the persons it releases), null for anyone else.
     */
    static String recordsSide(Caller caller, Round round) {
        String own = caller.organisation();
        if (own != null && own.equals(round.intermediary())
                && (caller.has(Role.REGISTRAR) || caller.has(Role.NEGOTIATOR))) {
            return "*";
        }
        return round.isParty(own) && caller.has(Role.REGISTRAR) ? own : null;
    }

    /** The intermediary's negotiators complete the handover; without one, each party's negotiators ask to. */
    static boolean canComplete(Caller caller, Round round) {
        String own = caller.organisation();
        return round.state() == RoundState.AGREED && caller.has(Role.NEGOTIATOR)
                && (round.intermediary() != null ? round.intermediary().equals(own) : round.isParty(own));
    }

    @PostMapping("/exchanges/{id}/handover")
    String record(@PathVariable String id, @RequestParam Map<String, String> form, Locale locale,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Caller caller = Callers.require();
        ExchangeViews views = pages.views(locale);
        if (recordsSide(caller, exchanges.round(caller, id)) == null) {
            throw new ForbiddenException("only the holding party's registrars and the intermediary record the "
                    + "handover", RoundAccess.RECORD, id);
        }
        String side = form.get("side");
        String back = ExchangePages.handoverUrl(id) + (side != null && side.matches("[a-z0-9-]{1,40}")
                ? "?side=" + side : "");
        List<HandoverService.EntryInput> entries = new ArrayList<>();
        JsonInput in = new JsonInput();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (!field.getKey().startsWith("outcome.") || field.getValue() == null || field.getValue().isBlank()) {
                continue;
            }
            String personId = field.getKey().substring("outcome.".length());
            HandoverOutcome outcome = in.enumValue(field.getValue(), "outcome." + personId, HandoverOutcome.class);
            String note = in.text(form.get("note." + personId), "note." + personId, HandoverService.MAX_NOTE,
                    TextCheck.Kind.MULTI_LINE);
            if (outcome != null) {
                entries.add(new HandoverService.EntryInput(personId, outcome, note));
            }
        }
        HandoverService.Checklist checklist = null;
        try {
            if (entries.isEmpty() && !in.hasErrors()) {
                throw new InvalidInputException("entries", "is empty: record at least one outcome");
            }
            in.throwIfAny();
            List<HandoverEntry> stored = handovers.record(caller, id, entries);
            redirect.addFlashAttribute("recorded", stored.size());
            return "redirect:" + back;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            checklist = checklistOrNull(caller, id);
            model.addAttribute("recordErrors", recordErrors(e.errors(), entries, checklist, views));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            checklist = checklistOrNull(caller, id);
            if ("decline-not-verified".equals(e.problem())) {
                Round round = exchanges.round(caller, id);
                model.addAttribute("notice", views.msg("handover.declineNotVerified",
                        LocalDate.ofInstant(round.agreedAt(), ZoneOffset.UTC).toString()));
                model.addAttribute("problemPersons", named(e.details().get("persons"), checklist, views));
            } else {
                model.addAttribute("notice", views.msg("handover.closed"));
            }
        }
        model.addAttribute("recordForm", form);
        return checklist(id, side, locale, model, response);
    }

    @PostMapping("/exchanges/{id}/handover/complete")
    String complete(@PathVariable String id, Locale locale, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Caller caller = Callers.require();
        ExchangeViews views = pages.views(locale);
        try {
            HandoverService.Completion completion = handovers.complete(caller, id);
            if (completion.executed()) {
                redirect.addFlashAttribute("executed", true);
                return "redirect:" + ExchangePages.reportUrl(id);
            }
            redirect.addFlashAttribute("completionRequested", views.organisation(caller.organisation()));
            return "redirect:" + ExchangePages.handoverUrl(id);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            HandoverService.Checklist checklist = checklistOrNull(caller, id);
            switch (e.problem()) {
                case "handover-incomplete" -> {
                    List<NamedPerson> missing = named(e.details().get("persons"), checklist, views);
                    model.addAttribute("notice", views.msg("handover.incomplete", missing.size()));
                    model.addAttribute("problemPersons", missing);
                }
                case "invalid-transition" -> {
                    String event = String.valueOf(e.details().get("event"));
                    String status = String.valueOf(e.details().get("currentStatus"));
                    model.addAttribute("notice", views.msg("handover.lifecycleRefused",
                            views.msgOr("eventType." + event, event), views.msgOr("status." + status, status)));
                    model.addAttribute("problemPersons", named(List.of(String.valueOf(e.details().get("personId"))),
                            checklist, views));
                }
                default -> model.addAttribute("notice", views.msg("handover.closed"));
            }
        }
        return checklist(id, null, locale, model, response);
    }

    private HandoverService.Checklist checklistOrNull(Caller caller, String id) {
        try {
            return handovers.checklist(caller, id);
        } catch (ConflictException e) {
            return null;
        }
    }

    /** The persons of a refusal's list of public ids, by their names on the checklist. */
    private static List<NamedPerson> named(Object ids, HandoverService.Checklist checklist, ExchangeViews views) {
        Map<String, HandoverService.Line> byId = new HashMap<>();
        if (checklist != null) {
            checklist.lines().forEach(l -> byId.put(l.item().personId(), l));
        }
        List<NamedPerson> named = new ArrayList<>();
        if (ids instanceof List<?> list) {
            for (Object o : list) {
                String personId = String.valueOf(o);
                HandoverService.Line line = byId.get(personId);
                named.add(new NamedPerson(personId, line == null ? personId : line.item().identity().name(),
                        line == null ? null : line.item().identity().latin(),
                        line == null ? null : views.organisation(line.side())));
            }
        }
        return named;
    }

    /** The service's field errors, each naming the person of its line rather than a position in the request. */
    private static List<FieldError> recordErrors(List<FieldError> errors, List<HandoverService.EntryInput> entries,
            HandoverService.Checklist checklist, ExchangeViews views) {
        Map<String, String> names = new HashMap<>();
        if (checklist != null) {
            checklist.lines().forEach(l -> names.put(l.item().personId(), l.item().identity().name()));
        }
        List<FieldError> labelled = new ArrayList<>();
        for (FieldError e : errors) {
            String field = e.field();
            String personId = null;
            java.util.regex.Matcher position = java.util.regex.Pattern.compile("entries\\[(\\d+)]\\..*")
                    .matcher(field);
            if (position.matches() && Integer.parseInt(position.group(1)) < entries.size()) {
                personId = entries.get(Integer.parseInt(position.group(1))).personId();
            } else if (field.startsWith("outcome.") || field.startsWith("note.")) {
                personId = field.substring(field.indexOf('.') + 1);
            }
            String label = personId == null ? views.msg("handover.field.entries")
                    : names.getOrDefault(personId, personId);
            labelled.add(new FieldError(label, e.reason()));
        }
        return labelled;
    }

    // --------------------------------------------------------------------------------------------- the report

    /** The report for print; before the handover is completed, the page that says there is none yet. */
    @GetMapping(path = "/exchanges/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable String id, Locale locale) {
        Caller caller = Callers.require();
        Round round = exchanges.round(caller, id);
        if (round.state() != RoundState.EXECUTED) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(ExchangePages.reportUrl(id)))
                    .build();
        }
        return PrintedDocuments.pdf(documents.reportPdf(caller, id, locale), "report-" + id + ".pdf");
    }

    @GetMapping("/exchanges/{id}/report")
    String report(@PathVariable String id, Locale locale, Model model, HttpServletResponse response) {
        Caller caller = Callers.require();
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView view = exchanges.get(caller, id);
        ObjectNode report;
        try {
            report = handovers.report(caller, id);
        } catch (NotFoundException e) {
            return AgreementPagesController.notYet(model, response, views, view, HttpStatus.NOT_FOUND,
                    "report.notYet.title", "report.notYet.text");
        }
        model.addAllAttributes(documents.reportModel(view, report, views));
        model.addAttribute("pdfUrl", ExchangePages.reportUrl(id) + ".pdf");
        model.addAttribute("agreementUrl", ExchangePages.agreementUrl(id));
        model.addAttribute("handoverUrl", ExchangePages.handoverUrl(id));
        return "exchange/report";
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asString();
    }
}
