package org.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.api.TextCheck;
import org.parley.registry.Branch;
import org.parley.registry.Category;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKind;
import org.parley.registry.Page;
import org.parley.registry.Person;
import org.parley.registry.PersonFilter;
import org.parley.registry.RankGroup;
import org.parley.registry.RegistryService;
import org.parley.registry.Status;
import org.parley.wishes.StatementInput;
import org.parley.wishes.StatementMethod;
import org.parley.wishes.Wish;
import org.parley.wishes.WishService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person list (filters, search in any script, pages) and the person page. With htmx, a change of filter
 * fetches only the results ({@code HX-Target: results}); without JavaScript the same URLs give the whole page.
 */
@Controller
public class PersonPagesController {

    static final int PAGE_SIZE = 50;
    static final String RESULTS_ID = "results";

    private final RegistryService registry;
    private final WishService wishes;
    private final MessageSource messages;
    private final PublicIds publicIds;

    PersonPagesController(RegistryService registry, WishService wishes, MessageSource messages,
            PublicIds publicIds) {
        this.registry = registry;
        this.wishes = wishes;
        this.messages = messages;
        this.publicIds = publicIds;
    }

    /** An option of a filter's drop-down list. */
    public record Option(String value, String label) {
    }

    /** Where the reader is in the list. */
    public record Pagination(long total, int page, int pageCount, long first, long last, String previousUrl,
            String nextUrl, String firstUrl) {
    }

    /** The persons for those who may read records; the administration page for administrators only. */
    @GetMapping("/")
    String home() {
        Caller caller = Callers.require();
        return caller.readsRecords() || !caller.has(Role.ADMIN) ? "redirect:/persons"
                : "redirect:/admin/users";
    }

    @GetMapping("/persons")
    String list(@RequestParam Map<String, String> parameters, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        response.addHeader(HttpHeaders.VARY, "HX-Request, HX-Target");
        List<Organisation> organisations = registry.organisations();
        List<Organisation> parties = organisations.stream().filter(o -> o.kind() == OrganisationKind.PARTY).toList();
        Set<String> partyCodes = parties.stream().map(Organisation::code).collect(Collectors.toSet());
        PersonListQuery query = PersonListQuery.parse(parameters, partyCodes,
                (key, args) -> messages.getMessage(key, args, locale));
        model.addAttribute("query", query);
        model.addAttribute("parties", parties.stream().map(p -> new Option(p.code(), p.name())).toList());
        model.addAttribute("statuses", options(Status.values(), locale));
        model.addAttribute("categories", options(Category.values(), locale));
        model.addAttribute("branches", options(Branch.values(), locale));
        model.addAttribute("rankGroups", options(RankGroup.values(), locale));
        boolean fragment = isResultsRequest(request);
        model.addAttribute("htmx", fragment);
        PageChrome.addTo(model.asMap(), request, locale);
        if (!query.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("rows", List.of());
        } else {
            PersonFilter filter = query.filter();
            Page<Person> page = registry.find(Callers.require(), filter, query.page() - 1, PAGE_SIZE);
            PersonViews views = new PersonViews(messages, locale, organisations);
            model.addAttribute("rows", page.items().stream().map(views::row).toList());
            model.addAttribute("pagination", pagination(query, page));
        }
        return fragment ? "persons/list :: results" : "persons/list";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable("id") String publicId, HttpServletRequest request, Locale locale, Model model) {
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        Person person = registry.get(caller, id);
        List<Organisation> organisations = registry.organisations();
        PersonViews views = new PersonViews(messages, locale, organisations);
        model.addAttribute("person", views.page(person, registry.history(caller, id)));
        model.addAttribute("wish", new WishViews(messages, locale, organisations.stream()
                .collect(Collectors.toMap(Organisation::code, Organisation::name)), publicIds)
                .section(wishes, caller, person));
        if (!model.containsAttribute("statementErrors")) {
            model.addAttribute("statementErrors", List.of());
        }
        PageChrome.addTo(model.asMap(), request, locale);
        return "persons/show";
    }

    /** The statement form of the person page; a refused statement shows the page again with the reasons. */
    @PostMapping("/persons/{id}/statements")
    String recordStatement(@PathVariable("id") String publicId, @RequestParam Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        JsonInput in = new JsonInput();
        Wish wish = in.required(form.get("wish") == null ? null : in.enumValue(form.get("wish"), "wish", Wish.class),
                "wish");
        StatementMethod method = in.required(form.get("method") == null ? null
                : in.enumValue(form.get("method"), "method", StatementMethod.class), "method");
        LocalDate takenOn = blank(form.get("takenOn")) ? LocalDate.now() : in.date(form.get("takenOn"), "takenOn");
        String place = in.text(form.get("place"), "place", WishService.MAX_PLACE, TextCheck.Kind.LINE);
        String language = in.text(form.get("language"), "language", WishService.MAX_LANGUAGE, TextCheck.Kind.LINE);
        String text = in.text(form.get("text"), "text", WishService.MAX_TEXT, TextCheck.Kind.MULTI_LINE);
        try {
            in.throwIfAny();
            wishes.record(Callers.require(), registry.personId(publicId), new StatementInput(wish, method, takenOn,
                    place, language, "on".equals(form.get("interpreter")), text, null));
            return "redirect:/persons/" + publicId + "#wish";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("statementErrors", e.errors());
            return person(publicId, request, locale, model);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A request of htmx for the results only; a history restore after a cache miss needs the whole page. */
    private static boolean isResultsRequest(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"))
                && RESULTS_ID.equals(request.getHeader("HX-Target"));
    }

    private static Pagination pagination(PersonListQuery query, Page<Person> page) {
        long total = page.total();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = query.page();
        long first = (long) (current - 1) * PAGE_SIZE + 1;
        long last = first + page.items().size() - 1;
        return new Pagination(total, current, pageCount, first, last,
                current > 1 ? query.pageUrl(Math.min(current - 1, pageCount)) : null,
                current < pageCount ? query.pageUrl(current + 1) : null, query.pageUrl(1));
    }

    private List<Option> options(Enum<?>[] values, Locale locale) {
        return Arrays.stream(values).map(v -> new Option(v.name(),
                messages.getMessage(MessageKeys.of(v), null, locale))).toList();
    }
}
