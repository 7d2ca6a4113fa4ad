package org.parley.wishes;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.api.TextCheck;
import org.parley.registry.Organisation;
import org.parley.registry.Page;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.PersonPage;
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
 * The intermediary's interview queue, with the number of persons interviewed per week, and the statement form of
 * the person page ({@link WishPageSection}).
 */
@Controller
@HtmlPages
class WishPagesController {

    static final int PAGE_SIZE = 50;
    private static final int WEEKS = 12;

    private final WishService wishes;
    private final RegistryService registry;
    private final PersonPage personPage;
    private final MessageSource messages;

    WishPagesController(WishService wishes, RegistryService registry, PersonPage personPage,
            MessageSource messages) {
        this.wishes = wishes;
        this.registry = registry;
        this.personPage = personPage;
        this.messages = messages;
    }

    /**
     * One person waiting for an interview; {@code priority} why they come first, if they do; {@code art110} a
     * seriously ill or wounded person held (GC III Art. 110: to be repatriated directly).
     */
    record Row(String id, String name, String nameLang, String holdingParty, String internmentPlace, String claimSince,
            boolean reinterview, List<Priority> priority, boolean art110) {
    }

    /**
     * A reason to interview a person first, in the reader's language, and the page of the record behind it when the
     * reader may be told which one ("On the lists of exchange round «…»", linked to the round).
     */
    record Priority(String text, String href) {
    }

    @GetMapping("/wishes/queue")
    String queue(@RequestParam(name = "page", defaultValue = "1") String pageParameter, Locale locale, Model model) {
        Caller caller = Callers.require();
        int page = PageNumbers.of(pageParameter);
        Page<WishService.QueueEntry> queue = wishes.queue(caller, page - 1, PAGE_SIZE);
        var names = registry.organisations().stream().collect(Collectors.toMap(Organisation::code, Organisation::name));
        List<Row> rows = queue.items().stream().map(e -> new Row(e.person().publicId(), e.person().fullName(),
                e.person().text(PersonField.NAME_LANGUAGE), names.get(e.person().text(PersonField.HOLDING_PARTY)),
                e.person().text(PersonField.INTERNMENT_PLACE), e.wish().oldestClaimOn().toString(),
                e.wish().contradicted(), e.priority().stream().map(r -> priority(r, locale)).toList(),
                art110(e.person()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", queue.total());
        model.addAttribute("page", page);
        model.addAttribute("pageCount", PageNumbers.count(queue.total(), PAGE_SIZE));
        List<WeekCount> weeks = wishes.interviewsPerWeek(caller, WEEKS);
        model.addAttribute("weeks", weeks);
        model.addAttribute("weeksTotal", weeks.stream().mapToLong(WeekCount::persons).sum());
        return "wishes/queue";
    }

    /** The Art. 110 mark stands only while the person is held: direct repatriation is owed to a detainee. */
    private static boolean art110(Person person) {
        return person.status().inCustody() && Boolean.TRUE.equals(person.get(PersonField.SERIOUSLY_ILL_OR_WOUNDED));
    }

    /** "On the lists of exchange round «…»" (queue.priority.KIND), or without naming it (KIND.untitled). */
    private Priority priority(QueuePriority.Reason reason, Locale locale) {
        String key = "queue.priority." + reason.kind();
        if (reason.id() == null) {
            return new Priority(messages.getMessage(key + ".untitled", null, locale), null);
        }
        return new Priority(messages.getMessage(key, new Object[] {reason.title()}, locale), reason.page());
    }

    /** The statement form of the person page; a refused statement shows the page again with the reasons. */
    @PostMapping("/persons/{id}/statements")
    String recordStatement(@PathVariable("id") String publicId, @RequestParam Map<String, String> form,
            HttpServletResponse response, Locale locale, Model model) {
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
            model.addAttribute(WishPageSection.STATEMENT_ERRORS, e.errors());
            return personPage.show(publicId, locale, model);
        } catch (ConflictException e) {
            // the person left custody: the page shown again says so in the reader's language, without the form
            response.setStatus(HttpStatus.CONFLICT.value());
            return personPage.show(publicId, locale, model);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
