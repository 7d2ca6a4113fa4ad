package org.parley.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.MessageKeys;
import org.parley.api.Role;
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

/**
 * The person list (filters, search in any script, orders, pages, and the batch notification of the persons
 * selected) and the person page. With htmx, a change of filter, order or page fetches only the results
 * ({@code HX-Target: results}); without JavaScript the same URLs give the whole page.
 */
@Controller
@HtmlPages
class PersonPagesController {

    static final int PAGE_SIZE = PersonListQuery.DEFAULT_SIZE;
    static final String RESULTS_ID = "results";
    /** The list's own addresses, which a form may name as the page to return to. */
    private static final Pattern LIST_URL = Pattern.compile("/persons(\\?[A-Za-z0-9%&=._~+-]*)?");

    private final RegistryService registry;
    private final PersonPage personPage;
    private final MessageSource messages;

    PersonPagesController(RegistryService registry, PersonPage personPage, MessageSource messages) {
        this.registry = registry;
        this.personPage = personPage;
        this.messages = messages;
    }

    /** An option of a filter's drop-down list. */
    record Option(String value, String label) {
    }

    /** A column another feature adds to the list, with its filter's choices. */
    record ListColumn(String name, String label, List<Option> options) {
    }

    /**
     * Where the reader is in the list; {@code totalCapped} when the total is a lower bound (a long list, a search of
     * common names).
     */
    record Pagination(long total, boolean totalCapped, int page, int pageCount, long first, long last,
            String previousUrl, String nextUrl, String firstUrl) {
    }

    @GetMapping("/persons")
    String list(@RequestParam Map<String, String> parameters, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        response.addHeader(HttpHeaders.VARY, "HX-Request, HX-Target");
        Caller caller = Callers.require();
        List<Organisation> organisations = registry.organisations();
        List<Organisation> parties = organisations.stream().filter(o -> o.kind() == OrganisationKind.PARTY).toList();
        Set<String> partyCodes = parties.stream().map(Organisation::code).collect(Collectors.toSet());
        List<PersonListColumn> columns = registry.listColumns();
        PersonListQuery query = PersonListQuery.parse(parameters, partyCodes, columns, NameCollation.of(locale),
                (key, args) -> messages.getMessage(key, args, locale));
        model.addAttribute("query", query);
        model.addAttribute("parties", parties.stream().map(p -> new Option(p.code(), p.name())).toList());
        model.addAttribute("statuses", options(Status.values(), locale));
        model.addAttribute("categories", options(Category.values(), locale));
        model.addAttribute("branches", options(Branch.values(), locale));
        model.addAttribute("rankGroups", options(RankGroup.values(), locale));
        model.addAttribute("listColumns", columns.stream().map(c -> new ListColumn(c.name(), msg(c.messageKey(), locale),
                c.choices().stream().map(v -> new Option(v, msg(c.messageKey() + "." + v, locale))).toList())).toList());
        model.addAttribute("sizes", PersonListQuery.SIZES);
        boolean notifier = mayNotify(caller);
        model.addAttribute("notifier", notifier);
        model.addAttribute("today", LocalDate.now().toString());
        if (!model.containsAttribute("selected")) {
            model.addAttribute("selected", List.of());
        }
        boolean fragment = isResultsRequest(request);
        model.addAttribute("htmx", fragment);
        if (!query.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("rows", List.of());
        } else {
            Page<Person> page = registry.find(caller, query.filter(), query.sort(), query.page() - 1, query.size());
            PersonViews views = new PersonViews(messages, locale, organisations);
            Map<String, Map<Long, String>> values = new LinkedHashMap<>();
            columns.forEach(c -> values.put(c.name(), c.values(caller, page.items())));
            LocalDate today = LocalDate.now();
            model.addAttribute("rows", page.items().stream().map(p -> views.row(p, today, cells(columns, values, p,
                    locale), notifier && notifiable(caller, p))).toList());
            model.addAttribute("pagination", pagination(query, page));
        }
        return fragment ? "registry/list :: results" : "registry/list";
    }

    /**
     * Notifies the power of origin of the persons selected in the list (the batch form of the list), and returns to
     * the list with what was done; a batch the lifecycle refuses is refused whole, naming each person refused, and
     * the selection is kept. A person the reader may not see, or may not notify, answers 404 or 403 as any page does.
     */
    @PostMapping("/persons/notifications")
    String notifyPersons(@RequestParam(name = "personId", required = false) List<String> personIds,
            @RequestParam(name = "date", required = false) String dateText,
            @RequestParam(name = "back", required = false) String back, Locale locale, RedirectAttributes redirect) {
        String list = back != null && LIST_URL.matcher(back).matches() ? back : PersonListQuery.PATH;
        List<String> ids = personIds == null ? List.of() : personIds.stream().filter(id -> !id.isBlank()).distinct()
                .toList();
        List<String> errors = new ArrayList<>();
        if (ids.isEmpty()) {
            errors.add(msg("notify.error.none", locale));
        } else if (ids.size() > RegistryService.MAX_PAGE_SIZE) {
            errors.add(msg("notify.error.tooMany", locale, RegistryService.MAX_PAGE_SIZE));
        }
        LocalDate date = null;
        if (dateText == null || dateText.isBlank()) {
            errors.add(msg("notify.error.dateRequired", locale));
        } else {
            try {
                date = LocalDate.parse(dateText.strip());
                if (date.isAfter(LocalDate.now())) {
                    errors.add(msg("notify.error.future", locale, date.toString()));
                }
            } catch (DateTimeParseException e) {
                errors.add(msg("notify.error.date", locale, dateText.strip()));
            }
        }
        if (errors.isEmpty()) {
            try {
                List<LifecycleEvent> recorded = registry.notifyPersons(Callers.require(),
                        ids.stream().map(registry::personId).toList(), date);
                redirect.addFlashAttribute("notice", msg("notify.done", locale, recorded.size(), date.toString()));
                return "redirect:" + list;
            } catch (NotificationsRefused e) {
                errors.add(msg("notify.error.refused", locale, e.refusals().size(), ids.size()));
                e.refusals().forEach(r -> errors.add(msg("notify.refused." + r.reason().name(), locale, r.name(),
                        r.date() == null ? "" : r.date().toString())));
            }
        }
        redirect.addFlashAttribute("batchErrors", errors);
        redirect.addFlashAttribute("selected", ids);
        return "redirect:" + list;
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable("id") String publicId, Locale locale, Model model) {
        return personPage.show(publicId, locale, model);
    }

    /** Registrars of a party notify the persons their party holds (README, "Access control"). */
    private static boolean mayNotify(Caller caller) {
        return caller.has(Role.REGISTRAR) && caller.isParty();
    }

    /** Whether the lifecycle would take a notification of this person (never twice; not after release). */
    private static boolean notifiable(Caller caller, Person person) {
        return RecordAccess.holds(caller, person) && person.notifiedOn() == null
                && (!person.status().isFinal() || person.status() == Status.DIED);
    }

    private Map<String, PersonViews.Cell> cells(List<PersonListColumn> columns, Map<String, Map<Long, String>> values,
            Person person, Locale locale) {
        Map<String, PersonViews.Cell> cells = new LinkedHashMap<>();
        for (PersonListColumn column : columns) {
            String value = values.get(column.name()).get(person.id());
            if (value != null) {
                cells.put(column.name(), new PersonViews.Cell(value, msg(column.messageKey() + "." + value, locale)));
            }
        }
        return cells;
    }

    /** A request of htmx for the results only; a history restore after a cache miss needs the whole page. */
    private static boolean isResultsRequest(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"))
                && RESULTS_ID.equals(request.getHeader("HX-Target"));
    }

    private static Pagination pagination(PersonListQuery query, Page<Person> page) {
        long total = page.total();
        int size = query.size();
        int pageCount = PageNumbers.count(total, size);
        int current = query.page();
        long first = (long) (current - 1) * size + 1;
        long last = first + page.items().size() - 1;
        return new Pagination(total, page.totalCapped(), current, pageCount, first, last,
                current > 1 ? query.pageUrl(Math.min(current - 1, pageCount)) : null,
                current < pageCount ? query.pageUrl(current + 1) : null, query.pageUrl(1));
    }

    private List<Option> options(Enum<?>[] values, Locale locale) {
        return Arrays.stream(values).map(v -> new Option(v.name(),
                messages.getMessage(MessageKeys.of(v), null, locale))).toList();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
