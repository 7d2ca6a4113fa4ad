package org.parley.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.MessageKeys;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person list (filters, search in any script, pages) and the person page. With htmx, a change of filter
 * fetches only the results ({@code HX-Target: results}); without JavaScript the same URLs give the whole page.
 */
@Controller
@HtmlPages
class PersonPagesController {

    static final int PAGE_SIZE = 50;
    static final String RESULTS_ID = "results";

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

    /** Where the reader is in the list. */
    record Pagination(long total, int page, int pageCount, long first, long last, String previousUrl,
            String nextUrl, String firstUrl) {
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
        return fragment ? "registry/list :: results" : "registry/list";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable("id") String publicId, Locale locale, Model model) {
        return personPage.show(publicId, locale, model);
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
