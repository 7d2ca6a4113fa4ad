package org.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.registry.Organisation;
import org.parley.registry.Page;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
import org.parley.wishes.WishService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The intermediary's interview queue, with the number of persons interviewed per week. */
@Controller
class WishPagesController {

    static final int PAGE_SIZE = 50;
    private static final int WEEKS = 12;

    private final WishService wishes;
    private final RegistryService registry;

    WishPagesController(WishService wishes, RegistryService registry) {
        this.wishes = wishes;
        this.registry = registry;
    }

    /** One person waiting for an interview. */
    record Row(String id, String name, String nameLang, String holdingParty, String internmentPlace, String claimSince,
            boolean reinterview) {
    }

    @GetMapping("/wishes/queue")
    String queue(@RequestParam(name = "page", defaultValue = "1") String pageParameter, HttpServletRequest request,
            Locale locale, Model model) {
        Caller caller = Callers.require();
        int page = pageNumber(pageParameter);
        Page<WishService.QueueEntry> queue = wishes.queue(caller, page - 1, PAGE_SIZE);
        var names = registry.organisations().stream().collect(Collectors.toMap(Organisation::code, Organisation::name));
        List<Row> rows = queue.items().stream().map(e -> new Row(e.person().publicId(), e.person().fullName(),
                e.person().text(PersonField.NAME_LANGUAGE), names.get(e.person().text(PersonField.HOLDING_PARTY)),
                e.person().text(PersonField.INTERNMENT_PLACE), e.wish().oldestClaimOn().toString(),
                e.wish().contradicted())).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", queue.total());
        model.addAttribute("page", page);
        model.addAttribute("pageCount", Math.max(1, (queue.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("weeks", wishes.interviewsPerWeek(caller, WEEKS));
        PageChrome.addTo(model.asMap(), request, locale);
        return "wishes/queue";
    }

    /** A page number from the address; anything else is the first page. */
    private static int pageNumber(String value) {
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
