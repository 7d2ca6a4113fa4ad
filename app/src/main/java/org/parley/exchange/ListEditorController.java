package org.parley.exchange;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.TextCheck;
import org.parley.registry.Person;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list editor of a party's negotiators ({@code /exchanges/{id}/lists/{party}/{kind}/edit}), in two steps that
 * work without JavaScript. First the negotiator pastes rows copied from a spreadsheet (tab-separated, with the
 * header row) or uploads a CSV or XLSX file: the page shows what was read, every row refused with its line, and
 * what changes against the latest version; nothing is stored. The list read is kept in the session (a draft) and
 * the page asks, for each entry the new version drops, why. Then the negotiator submits: a new version based on
 * the latest version shown — if another was submitted meanwhile, the page says who did and when, and shows the
 * changes against that one to review before submitting again.
 */
@Controller
@HtmlPages
class ListEditorController {

    /**
     * Largest file read: a spreadsheet of 50,000 entries fits several times over. Tomcat enforces it
     * ({@code spring.servlet.multipart.max-file-size}); pasted rows are held to {@code
     * server.tomcat.max-http-form-post-size} (2 MB). Beyond either, {@link UploadRefusalFilter} brings the reader
     * back here with {@code ?refused=size}.
     */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Drafts kept per session: the latest few lists read, so that two tabs do not overwrite each other. */
    static final int MAX_DRAFTS = 4;
    /** Above this many dropped entries the page asks one reason for all (each field is a form parameter). */
    static final int REASONS_ONE_BY_ONE = 300;
    static final int PREVIEW_ROWS = 100;
    static final int DIFF_SHOWN = 300;
    private static final String DRAFTS = ListEditorController.class.getName() + ".drafts";
    private static final Pattern ENTRY_FIELD = Pattern.compile("entries\\[(\\d+)]\\.(\\w+)");
    private static final Pattern REMOVAL_FIELD = Pattern.compile("removals\\[(\\d+)]\\.(\\w+)");

    private final ExchangeService exchanges;
    private final ListService lists;
    private final RegistryService registry;
    private final MessageSource messages;
    private final PublicIds publicIds;

    ListEditorController(ExchangeService exchanges, ListService lists, RegistryService registry,
            MessageSource messages, PublicIds publicIds) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.registry = registry;
        this.messages = messages;
        this.publicIds = publicIds;
    }

    /** A list read from a paste or a file, kept in the session until it is submitted. */
    record Draft(String id, String roundId, String party, ListKind kind, String source,
            List<ListFile.Row> rows, List<String> unknownColumns, Instant readAt) implements Serializable {
    }

    /** A row refused, for the page: its line, the column and why. */
    record RowProblem(int line, String field, String reason) {
    }

    /** An entry the new version drops, with the reason chosen so far. */
    record DroppedRow(ExchangeViews.Record record, String reasonParameter, String noteParameter, String reason,
            String note) {
    }

    /** A row of the preview: its line and what it says. */
    record PreviewRow(int line, ExchangeViews.Record record) {
    }

    // --------------------------------------------------------------------------------------------- access

    /** The round, if the caller is a negotiator of {@code party} in it: 404 for others' rounds, 403 for others. */
    private Round editable(Caller caller, String id, String party) {
        Round round = exchanges.round(caller, id);
        lists.partyOf(round, party, id);
        RoundAccess.requireNegotiatorOf(caller, party, id, "submit versions of its lists");
        return round;
    }

    private String editUrl(String id, String party, ListKind kind) {
        return ExchangePages.listUrl(id, party, kind) + "/edit";
    }

    // ------------------------------------------------------------------------------------------- the form

    @GetMapping("/exchanges/{id}/lists/{party}/{kind}/edit")
    String edit(@PathVariable String id, @PathVariable String party, @PathVariable("kind") String kindCode,
            @RequestParam(name = "draft", required = false) String draftId,
            @RequestParam(name = "refused", required = false) String refused, HttpSession session, Locale locale,
            Model model) {
        Caller caller = Callers.require();
        ListKind kind = ExchangePages.kind(kindCode);
        editable(caller, id, party);
        Draft draft = draftId == null ? null : drafts(session).get(draftId);
        if (draft != null && draft.roundId().equals(id) && draft.party().equals(party) && draft.kind() == kind) {
            return preview(caller, draft, Map.of(), List.of(), null, locale, model);
        }
        if (draftId != null) {
            model.addAttribute("notice", messages.getMessage("editor.draftGone", null, locale));
        }
        List<RowProblem> problems = "size".equals(refused) ? List.of(new RowProblem(0, null, messages.getMessage(
                "editor.error.tooLargeUnknown", new Object[] {MAX_FILE_BYTES / (1024 * 1024)}, locale))) : List.of();
        return form(caller, id, party, kind, null, problems, null, locale, model);
    }

    /** The paste and upload form, with the rows refused when a paste or a file had errors. */
    private String form(Caller caller, String id, String party, ListKind kind, String pasted,
            List<RowProblem> problems, String source, Locale locale, Model model) {
        ExchangeViews views = new ExchangeViews(messages, locale, registry.organisations(), publicIds);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        List<ListVersion> versions = lists.versions(caller, id, party, kind);
        ListVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        model.addAttribute("round", views.head(round));
        model.addAttribute("listName", views.msg("list.name", views.kind(kind), views.organisation(party)));
        model.addAttribute("kindCode", kind.code());
        model.addAttribute("latest", latest == null ? null : views.versionHead(id, latest));
        model.addAttribute("action", editUrl(id, party, kind));
        model.addAttribute("pasted", pasted);
        model.addAttribute("problems", problems);
        model.addAttribute("source", source);
        model.addAttribute("maxMegabytes", MAX_FILE_BYTES / (1024 * 1024));
        model.addAttribute("negotiating", round.round().state() == RoundState.NEGOTIATING);
        model.addAttribute("step", "read");
        if (!model.containsAttribute("unknownColumns")) {
            model.addAttribute("unknownColumns", List.of());
        }
        return "exchange/edit";
    }

    @PostMapping(path = "/exchanges/{id}/lists/{party}/{kind}/edit")
    String read(@PathVariable String id, @PathVariable String party, @PathVariable("kind") String kindCode,
            @RequestParam(name = "rows", required = false) String pasted,
            @RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
            HttpServletResponse response, Locale locale, Model model) throws IOException {
        Caller caller = Callers.require();
        ListKind kind = ExchangePages.kind(kindCode);
        editable(caller, id, party);
        boolean hasFile = file != null && !file.isEmpty();
        boolean hasRows = pasted != null && !pasted.isBlank();
        List<RowProblem> problems = new ArrayList<>();
        if (hasFile && hasRows) {
            problems.add(new RowProblem(0, null, messages.getMessage("editor.error.both", null, locale)));
        } else if (!hasFile && !hasRows) {
            problems.add(new RowProblem(0, null, messages.getMessage("editor.error.nothing", null, locale)));
        } else if (hasFile && file.getSize() > MAX_FILE_BYTES) {
            problems.add(new RowProblem(0, null, tooLarge(file.getSize(), locale)));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(caller, id, party, kind, pasted, problems, null, locale, model);
        }
        String source = hasFile ? file.getOriginalFilename() : null;
        ListFile read = hasFile ? ListFileReader.read(file.getBytes(), source) : ListFileReader.readPasted(pasted);
        read.errors().forEach(e -> problems.add(new RowProblem(e.line(), e.field(), e.reason())));
        if (problems.isEmpty() && read.rows().isEmpty()) {
            problems.add(new RowProblem(0, null, messages.getMessage("editor.error.noRows", null, locale)));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unknownColumns", read.unknownColumns());
            return form(caller, id, party, kind, hasRows ? pasted : null, problems, source, locale, model);
        }
        Draft draft = new Draft(UUID.randomUUID().toString(), id, party, kind, source, List.copyOf(read.rows()),
                List.copyOf(read.unknownColumns()), Instant.now());
        keep(session, draft);
        return "redirect:" + editUrl(id, party, kind) + "?draft=" + draft.id();
    }

    private String tooLarge(long size, Locale locale) {
        return messages.getMessage("editor.error.tooLarge", new Object[] {String.format(Locale.ROOT, "%.1f",
                size / (1024.0 * 1024.0)), MAX_FILE_BYTES / (1024 * 1024)}, locale);
    }

    // --------------------------------------------------------------------------------------- the preview

    /** The entries of a draft as the service will take them: refs and content hashes alike. */
    private List<ListEntry> entries(Draft draft) {
        List<ListEntry> entries = new ArrayList<>(draft.rows().size());
        for (ListFile.Row row : draft.rows()) {
            EntryInput e = row.entry();
            Long personId = null;
            if (e.personId() != null) {
                try {
                    personId = publicIds.parse(PublicIds.Kind.PERSON, e.personId());
                } catch (NotFoundException notOne) {
                    personId = null;
                }
            }
            String ref = e.ref() != null ? e.ref() : e.personId() != null ? "person:" + e.personId() : null;
            ListEntry entry = new ListEntry(ref, personId, e.surname(), e.givenName(), e.patronymic(), e.fullName(),
                    e.dateOfBirth() == null ? null : e.dateOfBirth().toString(), e.serviceNumber(), e.unit(),
                    e.rank(), e.note(), null);
            entries.add(new ListEntry(entry.ref(), entry.personId(), entry.surname(), entry.givenName(),
                    entry.patronymic(), entry.fullName(), entry.dateOfBirth(), entry.serviceNumber(), entry.unit(),
                    entry.rank(), entry.note(), entry.ref() == null ? new byte[0] : ListStates.contentHash(entry)));
        }
        return entries;
    }

    /**
     * The draft against the latest version: what was read, what is added, changed and dropped, and the reasons
     * asked for the dropped entries ({@code chosen}: the reasons and notes given so far, by form parameter).
     */
    private String preview(Caller caller, Draft draft, Map<String, String> chosen, List<String> errors,
            String stale, Locale locale, Model model) {
        ExchangeViews views = new ExchangeViews(messages, locale, registry.organisations(), publicIds);
        String id = draft.roundId();
        ExchangeService.RoundView round = exchanges.get(caller, id);
        List<ListVersion> versions = lists.versions(caller, id, draft.party(), draft.kind());
        ListVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        List<ListEntry> previous = latest == null ? List.of()
                : lists.version(caller, id, draft.party(), draft.kind(), latest.number()).entries();
        List<ListEntry> next = entries(draft);
        ListService.Diff diff = ListService.diff(previous, next, Map.of());
        Set<Long> ids = new java.util.HashSet<>();
        next.stream().limit(PREVIEW_ROWS).forEach(e -> addIfPerson(ids, e.personId()));
        diff.added().stream().limit(DIFF_SHOWN).forEach(e -> addIfPerson(ids, e.personId()));
        diff.removed().forEach(r -> addIfPerson(ids, r.entry().personId()));
        Map<Long, Person> persons = ids.isEmpty() ? Map.of() : registry.visible(caller, ids).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        List<PreviewRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(PREVIEW_ROWS, next.size()); i++) {
            ListEntry e = next.get(i);
            rows.add(new PreviewRow(draft.rows().get(i).line(), views.entry(e, person(persons, e.personId()),
                    draft.party())));
        }
        boolean oneByOne = diff.removed().size() <= REASONS_ONE_BY_ONE;
        List<DroppedRow> dropped = new ArrayList<>();
        for (ListService.Removed r : diff.removed()) {
            String ref = r.entry().ref();
            dropped.add(new DroppedRow(views.entry(r.entry(), person(persons, r.entry().personId()), draft.party()),
                    "reason:" + ref, "note:" + ref, chosen.get("reason:" + ref), chosen.get("note:" + ref)));
        }
        model.addAttribute("round", views.head(round));
        model.addAttribute("listName", views.msg("list.name", views.kind(draft.kind()),
                views.organisation(draft.party())));
        model.addAttribute("kindCode", draft.kind().code());
        model.addAttribute("latest", latest == null ? null : views.versionHead(id, latest));
        model.addAttribute("basedOn", latest == null ? 0 : latest.number());
        model.addAttribute("draft", draft);
        model.addAttribute("source", draft.source());
        model.addAttribute("rowCount", next.size());
        model.addAttribute("unknownColumns", draft.unknownColumns());
        model.addAttribute("rows", rows);
        model.addAttribute("added", diff.added().stream().limit(DIFF_SHOWN).map(e -> views.entry(e,
                person(persons, e.personId()), draft.party())).toList());
        model.addAttribute("addedCount", diff.added().size());
        model.addAttribute("changed", diff.changed().stream().limit(DIFF_SHOWN).map(c -> new ChangedView(c.ref(),
                c.fields().keySet().stream().map(f -> messages.getMessage("exchange.field." + f, null, f, locale))
                        .collect(Collectors.joining(", ")))).toList());
        model.addAttribute("changedCount", diff.changed().size());
        model.addAttribute("dropped", dropped);
        model.addAttribute("oneByOne", oneByOne);
        model.addAttribute("reasons", java.util.Arrays.stream(RemovalReason.values())
                .map(r -> new ExchangePages.Option(r.name(), views.label("removalReason", r))).toList());
        model.addAttribute("reasonAll", chosen.get("reasonAll"));
        model.addAttribute("noteAll", chosen.get("noteAll"));
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        model.addAttribute("action", editUrl(id, draft.party(), draft.kind()));
        model.addAttribute("submitAction", editUrl(id, draft.party(), draft.kind()) + "/submit");
        model.addAttribute("negotiating", round.round().state() == RoundState.NEGOTIATING);
        model.addAttribute("maxMegabytes", MAX_FILE_BYTES / (1024 * 1024));
        model.addAttribute("problems", List.of());
        model.addAttribute("step", "review");
        return "exchange/edit";
    }

    /** An entry that changed, with the names of the fields that did. */
    record ChangedView(String ref, String fields) {
    }

    private static void addIfPerson(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static Person person(Map<Long, Person> persons, Long id) {
        return id == null ? null : persons.get(id);
    }

    // --------------------------------------------------------------------------------------------- submit

    @PostMapping("/exchanges/{id}/lists/{party}/{kind}/edit/submit")
    String submit(@PathVariable String id, @PathVariable String party, @PathVariable("kind") String kindCode,
            @RequestParam Map<String, String> form, HttpSession session, HttpServletResponse response,
            Locale locale, Model model, RedirectAttributes redirect) {
        Caller caller = Callers.require();
        ListKind kind = ExchangePages.kind(kindCode);
        editable(caller, id, party);
        Draft draft = form.get("draft") == null ? null : drafts(session).get(form.get("draft"));
        if (draft == null || !draft.roundId().equals(id) || !draft.party().equals(party) || draft.kind() != kind) {
            redirect.addFlashAttribute("notice", messages.getMessage("editor.draftGone", null, locale));
            return "redirect:" + editUrl(id, party, kind);
        }
        int basedOn = PageNumbers.of(form.get("basedOn"));
        if ("0".equals(form.get("basedOn"))) {
            basedOn = 0;
        }
        List<ListEntry> previous = basedOn == 0 ? List.of()
                : lists.version(caller, id, party, kind, basedOn).entries();
        List<ListEntry> next = entries(draft);
        ListService.Diff diff = ListService.diff(previous, next, Map.of());
        JsonInput in = new JsonInput();
        RemovalReason all = form.get("reasonAll") == null || form.get("reasonAll").isBlank() ? null
                : in.enumValue(form.get("reasonAll"), "reasonAll", RemovalReason.class);
        String noteAll = in.text(form.get("noteAll"), "noteAll", ListService.MAX_NOTE, TextCheck.Kind.MULTI_LINE);
        List<Removal> removals = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (ListService.Removed r : diff.removed()) {
            String ref = r.entry().ref();
            String own = form.get("reason:" + ref);
            RemovalReason reason = own == null || own.isBlank() ? all
                    : in.enumValue(own, "reason:" + ref, RemovalReason.class);
            String ownNote = in.text(form.get("note:" + ref), "note:" + ref, ListService.MAX_NOTE,
                    TextCheck.Kind.MULTI_LINE);
            String note = ownNote != null ? ownNote : noteAll;
            if (reason == null) {
                unexplained.add(ref);
            } else if (reason == RemovalReason.OTHER && note == null) {
                errors.add(messages.getMessage("editor.error.otherNeedsNote", new Object[] {ref}, locale));
            } else {
                removals.add(new Removal(ref, reason, note));
            }
        }
        if (!unexplained.isEmpty()) {
            errors.add(0, messages.getMessage("editor.error.noReason", new Object[] {String.join(", ", unexplained)},
                    locale));
        }
        try {
            in.throwIfAny();
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.add(f.field() + ": " + f.reason()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return preview(caller, draft, form, errors, null, locale, model);
        }
        try {
            ListVersion version = lists.submit(caller, id, party, kind, basedOn,
                    draft.rows().stream().map(ListFile.Row::entry).toList(), removals);
            drafts(session).remove(draft.id());
            redirect.addFlashAttribute("submitted", version.number());
            return "redirect:" + ExchangePages.versionUrl(id, party, kind, version.number());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return preview(caller, draft, form, describe(e.errors(), draft, removals, locale), null, locale, model);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            if (!"stale-version".equals(e.problem())) {
                return preview(caller, draft, form, List.of(messages.getMessage("round.notNegotiating", null,
                        locale)), null, locale, model);
            }
            List<ListVersion> versions = lists.versions(caller, id, party, kind);
            ListVersion latest = versions.get(versions.size() - 1);
            String stale = messages.getMessage("editor.stale", new Object[] {latest.number(), latest.createdBy(),
                ExchangeViews.time(latest.createdAt()), basedOn}, locale);
            return preview(caller, draft, form, List.of(), stale, locale, model);
        }
    }

    /** The service's field errors with the line of the row an entry came from, or the ref of a removal. */
    private List<String> describe(List<FieldError> errors, Draft draft, List<Removal> removals, Locale locale) {
        List<String> described = new ArrayList<>();
        for (FieldError f : errors) {
            Matcher entry = ENTRY_FIELD.matcher(f.field());
            Matcher removal = REMOVAL_FIELD.matcher(f.field());
            if (entry.matches() && Integer.parseInt(entry.group(1)) < draft.rows().size()) {
                described.add(messages.getMessage("editor.error.line", new Object[] {
                    draft.rows().get(Integer.parseInt(entry.group(1))).line(), field(entry.group(2), locale),
                    f.reason()}, locale));
            } else if (removal.matches() && Integer.parseInt(removal.group(1)) < removals.size()) {
                described.add(messages.getMessage("editor.error.removal", new Object[] {
                    removals.get(Integer.parseInt(removal.group(1))).ref(), field(removal.group(2), locale),
                    f.reason()}, locale));
            } else {
                described.add(field(f.field(), locale) + ": " + f.reason());
            }
        }
        return described;
    }

    private String field(String name, Locale locale) {
        return messages.getMessage("exchange.field." + name, null, name, locale);
    }

    // --------------------------------------------------------------------------------------------- drafts

    @SuppressWarnings("unchecked")
    private static Map<String, Draft> drafts(HttpSession session) {
        Object kept = session.getAttribute(DRAFTS);
        if (kept instanceof Map<?, ?> map) {
            return (Map<String, Draft>) map;
        }
        Map<String, Draft> drafts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        session.setAttribute(DRAFTS, drafts);
        return drafts;
    }

    private static void keep(HttpSession session, Draft draft) {
        Map<String, Draft> drafts = drafts(session);
        synchronized (drafts) {
            drafts.put(draft.id(), draft);
            while (drafts.size() > MAX_DRAFTS) {
                drafts.remove(drafts.keySet().iterator().next());
            }
        }
        session.setAttribute(DRAFTS, drafts);
    }
}
