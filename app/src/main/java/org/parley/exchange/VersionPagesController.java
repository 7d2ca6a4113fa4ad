package org.parley.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.registry.Person;
import org.parley.web.PageNumbers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of a version of a list: its entries, a page at a time, with the entries it dropped and why; and what
 * changed between two versions, entry by entry and field by field. A round the reader's organisation takes no part
 * in is not found.
 */
@Controller
@HtmlPages
class VersionPagesController {

    static final int ENTRIES_PAGE = 200;
    static final int DIFF_SHOWN = 500;

    private final ExchangeService exchanges;
    private final ListService lists;
    private final MessageSource messages;
    private final ExchangePages pages;

    VersionPagesController(ExchangeService exchanges, ListService lists, MessageSource messages,
            ExchangePages pages) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.messages = messages;
        this.pages = pages;
    }

    // ----------------------------------------------------------------------------------- a version of a list

    /** An entry of a list on its page. */
    record EntryRow(int position, ExchangeViews.Record record) {
    }

    /** An entry dropped by a version, and why. */
    record RemovalRow(String ref, String reason, String note) {
    }

    @GetMapping("/exchanges/{id}/lists/{party}/{kind}/versions/{n}")
    String version(@PathVariable String id, @PathVariable String party, @PathVariable("kind") String kindCode,
            @PathVariable String n, @RequestParam(name = "page", required = false) String pageParameter,
            Locale locale, Model model) {
        Caller caller = Callers.require();
        ListKind kind = ExchangePages.kind(kindCode);
        int number = ExchangePages.number(n);
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        int page = PageNumbers.of(pageParameter);
        ListService.VersionContent content = lists.versionPage(caller, id, party, kind, number,
                (page - 1) * ENTRIES_PAGE, ENTRIES_PAGE);
        Map<Long, Person> persons = pages.persons(caller, content.entries().stream().map(ListEntry::personId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<EntryRow> rows = new ArrayList<>();
        int position = (page - 1) * ENTRIES_PAGE;
        for (ListEntry e : content.entries()) {
            rows.add(new EntryRow(++position, views.entry(e, e.personId() == null ? null : persons.get(e.personId()),
                    party)));
        }
        ListVersion v = content.version();
        String url = ExchangePages.versionUrl(id, party, kind, number);
        model.addAttribute("round", views.head(round));
        model.addAttribute("version", views.versionHead(id, v));
        model.addAttribute("versions", lists.versions(caller, id, party, kind).stream()
                .map(other -> ExchangePages.versionLink(id, other)).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("removals", content.removals().stream().map(r -> new RemovalRow(r.ref(),
                views.label("removalReason", r.reason()), r.note())).toList());
        model.addAttribute("pagination", ExchangeViews.pagination(v.entryCount(), page, ENTRIES_PAGE, rows.size(),
                p -> url + "?page=" + p));
        model.addAttribute("diffUrl", number > 1 ? url + "/diff?from=" + (number - 1) : null);
        model.addAttribute("reconciliationUrl", kind == ListKind.REQUEST ? url + "/reconciliation" : null);
        model.addAttribute("leftOffUrl", ExchangePages.leftOffUrl(id, party, kind));
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
        ListKind kind = ExchangePages.kind(kindCode);
        int number = ExchangePages.number(n);
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        ListVersion newer = lists.versionPage(caller, id, party, kind, number, 0, 0).version();
        int from = fromParameter == null ? number - 1 : ExchangePages.number(fromParameter);
        model.addAttribute("round", views.head(round));
        model.addAttribute("version", views.versionHead(id, newer));
        model.addAttribute("versions", lists.versions(caller, id, party, kind).stream()
                .map(other -> ExchangePages.versionLink(id, other)).toList());
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
        added.forEach(e -> ExchangePages.addIfPerson(ids, e.personId()));
        removed.forEach(r -> ExchangePages.addIfPerson(ids, r.entry().personId()));
        changed.forEach(c -> {
            String[] person = c.fields().get("personId");
            if (person != null) {
                for (String key : person) {
                    ExchangePages.addIfPerson(ids, key == null ? null : Long.parseLong(key));
                }
            }
        });
        Map<Long, Person> persons = pages.persons(caller, ids);
        model.addAttribute("older", views.versionHead(id, older));
        model.addAttribute("added", added.stream().map(e -> views.entry(e, person(persons, e.personId()), party))
                .toList());
        model.addAttribute("removed", removed.stream().map(r -> new RemovedRow(views.entry(r.entry(),
                person(persons, r.entry().personId()), party), views.label("removalReason", r.reason()), r.note())).toList());
        model.addAttribute("changed", changed.stream().map(c -> new ChangedRow(c.ref(), c.fields().entrySet().stream()
                .map(f -> fieldChange(f.getKey(), f.getValue(), persons, views)).toList())).toList());
        model.addAttribute("counts", new long[] {diff.added().size(), diff.removed().size(), diff.changed().size()});
        model.addAttribute("truncated", diff.added().size() > shown || diff.removed().size() > shown
                || diff.changed().size() > shown);
        model.addAttribute("allUrl", ExchangePages.versionUrl(id, party, kind, number) + "/diff?from=" + from
                + "&all=true");
        return "exchange/diff";
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
}
