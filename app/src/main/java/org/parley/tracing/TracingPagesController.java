package org.parley.tracing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ConflictException;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.api.Role;
import org.parley.api.TextCheck;
import org.parley.registry.Page;
import org.parley.web.PageNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The tracing pages: the list (new matches first), a request with its candidates side by side, the form. */
@Controller
@HtmlPages
class TracingPagesController {

    static final int PAGE_SIZE = 100;

    private final TracingService tracing;

    TracingPagesController(TracingService tracing) {
        this.tracing = tracing;
    }

    @GetMapping("/tracing")
    String list(@RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "page", required = false) String pageParameter, Model model) {
        Caller caller = Callers.require();
        TracingState shown = state == null ? TracingState.OPEN : switch (state) {
            case "ANSWERED" -> TracingState.ANSWERED;
            case "CLOSED" -> TracingState.CLOSED;
            default -> TracingState.OPEN;
        };
        int page = PageNumbers.of(pageParameter);
        Page<TracingService.Summary> requests = tracing.list(caller, EnumSet.of(shown), false, page - 1, PAGE_SIZE);
        model.addAttribute("requests", requests.items());
        model.addAttribute("page", page);
        model.addAttribute("pageCount", PageNumbers.count(requests.total(), PAGE_SIZE));
        model.addAttribute("state", shown.name());
        model.addAttribute("recorder", recorder(caller));
        return "tracing/list";
    }

    @GetMapping("/tracing/new")
    String form(Model model) {
        TracingAccess.requireRecorder(Callers.require());
        model.addAttribute("typed", Map.of());
        model.addAttribute("errors", List.of());
        return "tracing/new";
    }

    @PostMapping("/tracing")
    String record(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Caller caller = Callers.require();
        TracingAccess.requireRecorder(caller);
        try {
            TracingService.Shown shown = tracing.record(caller, TracingInputReader.read(TracingInputReader.body(form)));
            return "redirect:/tracing/" + shown.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("typed", form);
            model.addAttribute("errors", e.errors());
            return "tracing/new";
        }
    }

    @GetMapping("/tracing/{id}")
    String show(@PathVariable("id") String id, Model model) {
        model.addAttribute("shown", tracing.read(Callers.require(), id));
        return "tracing/show";
    }

    @PostMapping("/tracing/{id}/candidates/{personId}")
    String decide(@PathVariable("id") String id, @PathVariable("personId") String personId,
            @RequestParam(name = "decision", required = false) String decision) {
        JsonInput in = new JsonInput();
        CandidateDecision chosen = in.required(decision == null ? null
                : in.enumValue(decision, "decision", CandidateDecision.class), "decision");
        in.throwIfAny();
        tracing.decide(Callers.require(), id, personId, chosen);
        return "redirect:/tracing/" + id + "#candidate-" + personId;
    }

    @PostMapping("/tracing/{id}/answer")
    String answer(@PathVariable("id") String id, @RequestParam(name = "text", required = false) String text,
            HttpServletResponse response, Model model) {
        JsonInput in = new JsonInput();
        String answer = in.required(in.text(text, "text", TracingService.MAX_TEXT, TextCheck.Kind.MULTI_LINE), "text");
        try {
            in.throwIfAny();
            tracing.answer(Callers.require(), id, answer);
            return "redirect:/tracing/" + id;
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("answerRefused", true);
            return show(id, model);
        }
    }

    @PostMapping("/tracing/{id}/close")
    String close(@PathVariable("id") String id) {
        tracing.close(Callers.require(), id);
        return "redirect:/tracing/" + id;
    }

    private static boolean recorder(Caller caller) {
        return caller.has(Role.REGISTRAR) && caller.organisation() != null;
    }
}
