package org.parley.tracing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.TextCheck;
import org.parley.registry.Page;
import org.parley.registry.PersonField;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Tracing requests: a family's request, the persons found for it, the recorder's decisions (README "Tracing requests"). */
@RestController
@RequestMapping(path = "/api/v1/tracing-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tracing requests")
class TracingController {

    private final TracingService tracing;

    TracingController(TracingService tracing) {
        this.tracing = tracing;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a tracing request", description = "{surname, givenName, patronymic, fullName, "
            + "dateOfBirth (YYYY, YYYY-MM or YYYY-MM-DD), unit, lastKnownPlace, lastKnownDate, requester: {name, "
            + "relationship, contact}, note}; names in any script; surname, givenName or fullName required. "
            + "Registrars of any organisation. Answers the request with the candidates found among the persons the "
            + "recording organisation may see, best first.")
    ResponseEntity<ObjectNode> record(@RequestBody JsonNode body) {
        TracingInput input = TracingInputReader.read(body);
        TracingService.Shown shown = tracing.record(Callers.require(), input);
        return ResponseEntity.created(URI.create("/api/v1/tracing-requests/" + shown.id())).body(write(shown));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A tracing request with its candidates", description = "state OPEN, ANSWERED or CLOSED; "
            + "candidates [{personId, score, explanation, decision, foundBy, new}] among the persons the reader may "
            + "see. Read by the recording organisation and the intermediary (anyone else: 404); the recorder's "
            + "reading marks the new matches seen.")
    ObjectNode read(@PathVariable("id") String id) {
        return write(tracing.read(Callers.require(), id));
    }

    @GetMapping
    @Operation(summary = "Tracing requests", description = "The caller's organisation's requests (an intermediary: "
            + "all), those with new matches first, then the newest. state (OPEN, ANSWERED, CLOSED; default all), "
            + "newMatches=true for only those with unseen matches of the standing search, page, size (max 200); "
            + "total: how many requests these parameters select in all.")
    ObjectNode list(@RequestParam Map<String, String> parameters) {
        JsonInput in = new JsonInput();
        parameters.keySet().stream().filter(p -> !Set.of("state", "newMatches", "page", "size").contains(p))
                .forEach(p -> in.error(p, "is not a parameter; use state, newMatches, page and size"));
        TracingState state = parameters.get("state") == null ? null
                : in.enumValue(parameters.get("state"), "state", TracingState.class);
        String newMatches = parameters.get("newMatches");
        if (newMatches != null && !newMatches.equals("true") && !newMatches.equals("false")) {
            in.error("newMatches", "is true or false");
        }
        int page = in.intParameter(parameters.get("page"), "page", 0, 100_000, 0);
        int size = in.intParameter(parameters.get("size"), "size", 1, 200, 50);
        in.throwIfAny();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Page<TracingService.Summary> listed = tracing.list(Callers.require(), state == null ? Set.of()
                : EnumSet.of(state), "true".equals(newMatches), page, size);
        listed.items().forEach(s -> {
            ObjectNode item = node.withArray("items").addObject();
            item.put("id", s.id());
            writeRequest(item, s.request());
            item.put("candidates", s.candidates());
            item.put("newMatches", s.newMatches());
            item.put("confirmed", s.confirmed());
        });
        node.withArray("items");
        node.put("total", listed.total());
        node.put("page", page);
        node.put("size", size);
        return node;
    }

    @PostMapping(path = "/{id}/candidates/{personId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm or rule out a candidate", description = "{\"decision\": \"CONFIRMED\" | "
            + "\"RULED_OUT\"}; registrars of the recording organisation; a decision may be changed until the "
            + "request is closed.")
    ObjectNode decide(@PathVariable("id") String id, @PathVariable("personId") String personId,
            @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("decision"));
        CandidateDecision decision = in.required(in.enumValue(body.get("decision"), "decision",
                CandidateDecision.class), "decision");
        in.throwIfAny();
        return write(tracing.decide(Callers.require(), id, personId, decision));
    }

    @PostMapping(path = "/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer a tracing request", description = "{\"text\"}: what the family is told; the "
            + "request is ANSWERED and the standing search stops. Registrars of the recording organisation; an open "
            + "request only (409 otherwise).")
    ObjectNode answer(@PathVariable("id") String id, @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("text"));
        String text = in.required(in.text(body.get("text"), "text", TracingService.MAX_TEXT,
                TextCheck.Kind.MULTI_LINE), "text");
        in.throwIfAny();
        return write(tracing.answer(Callers.require(), id, text));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a tracing request", description = "Ends it (and the standing search) without an "
            + "answer, or after one. Registrars of the recording organisation.")
    ObjectNode close(@PathVariable("id") String id) {
        return write(tracing.close(Callers.require(), id));
    }

    private static ObjectNode write(TracingService.Shown shown) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", shown.id());
        writeRequest(node, shown.request());
        node.put("answer", shown.request().answer());
        node.put("answeredAt", shown.request().answeredAt() == null ? null
                : shown.request().answeredAt().toString());
        node.put("closedAt", shown.request().closedAt() == null ? null : shown.request().closedAt().toString());
        node.put("newMatches", (int) shown.candidates().stream().filter(TracingService.ShownCandidate::fresh).count());
        shown.candidates().forEach(c -> node.withArray("candidates").addObject()
                .put("personId", c.personId())
                .put("fullName", c.person().fullName())
                .put("nameLanguage", c.person().text(PersonField.NAME_LANGUAGE))
                .put("dateOfBirth", c.person().text(PersonField.DATE_OF_BIRTH))
                .put("holdingParty", c.person().text(PersonField.HOLDING_PARTY))
                .put("status", c.person().status().name())
                .put("score", c.score())
                .put("explanation", c.explanation())
                .put("decision", c.decision() == null ? null : c.decision().name())
                .put("foundBy", c.standing() ? "STANDING_SEARCH" : "SEARCH")
                .put("new", c.fresh()));
        node.withArray("candidates");
        return node;
    }

    private static void writeRequest(ObjectNode node, TracingRequest r) {
        TracingInput in = r.input();
        node.put("state", r.state().name());
        node.put("organisation", r.organisation());
        node.put("recordedBy", r.recordedBy());
        node.put("recordedAt", r.recordedAt().toString());
        in.writeSought(node);
        node.putObject("requester").put("name", in.requester().name())
                .put("relationship", in.requester().relationship()).put("contact", in.requester().contact());
        node.put("note", in.note());
    }
}
