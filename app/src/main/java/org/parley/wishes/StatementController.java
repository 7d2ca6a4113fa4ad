package org.parley.wishes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.PublicIds;
import org.parley.api.TextCheck;
import org.parley.registry.Page;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Statements about repatriation, the derived wish, the intermediary's interview queue. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Repatriation wishes")
class StatementController {

    private static final Set<String> MEMBERS = Set.of("wish", "method", "takenOn", "place", "language", "interpreter",
            "text", "replaces");

    private final WishService wishes;
    private final RegistryService registry;
    private final PublicIds publicIds;

    StatementController(WishService wishes, RegistryService registry, PublicIds publicIds) {
        this.wishes = wishes;
        this.registry = registry;
        this.publicIds = publicIds;
    }

    @PostMapping(path = "/persons/{id}/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a statement", description = "wish (RETURN, NOT_RETURN, ASYLUM, UNDECIDED) and "
            + "method (INTERROGATION, PRIVATE_INTERVIEW, WRITTEN_DECLARATION) are required; takenOn defaults to "
            + "today; replaces names an earlier statement of the same organisation that this one corrects or "
            + "withdraws. Only an intermediary interviewer's PRIVATE_INTERVIEW is verified. Only while the person "
            + "is held (CAPTURED, INTERNED, HOSPITALISED): 409 not-in-custody naming the status otherwise.")
    ResponseEntity<ObjectNode> record(@PathVariable("id") String publicId, @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, MEMBERS);
        Wish wish = in.required(in.enumValue(body.get("wish"), "wish", Wish.class), "wish");
        StatementMethod method = in.required(in.enumValue(body.get("method"), "method", StatementMethod.class),
                "method");
        LocalDate takenOn = in.date(body.get("takenOn"), "takenOn");
        String place = in.text(body.get("place"), "place", WishService.MAX_PLACE);
        String language = in.text(body.get("language"), "language", WishService.MAX_LANGUAGE);
        Boolean interpreter = in.bool(body.get("interpreter"), "interpreter");
        String text = in.text(body.get("text"), "text", WishService.MAX_TEXT, TextCheck.Kind.MULTI_LINE);
        Long replaces = in.publicId(body.get("replaces"), "replaces", publicIds, PublicIds.Kind.STATEMENT,
                "the statement named is not one your organisation took for this person");
        in.throwIfAny();
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        Statement statement = wishes.record(caller, id, new StatementInput(wish, method,
                takenOn == null ? LocalDate.now() : takenOn, place, language, interpreter, text, replaces));
        ObjectNode answer = write(statement);
        answer.put("wishStatus", wishes.wish(caller, id).status().name());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/statements/" + statement.id()))
                .body(answer);
    }

    @GetMapping("/persons/{id}/statements")
    @Operation(summary = "Statements of a person, and the derived wish", description = "The intermediary reads all "
            + "statements, the detaining power those it took; the power of origin reads the wish on the person "
            + "(wishStatus), never statements (403).")
    ObjectNode list(@PathVariable("id") String publicId) {
        Caller caller = Callers.require();
        long id = registry.personId(publicId);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        wishes.statements(caller, id).forEach(s -> node.withArray("items").add(write(s)));
        node.withArray("items");
        DerivedWish wish = wishes.wish(caller, id);
        node.put("wishStatus", wish.status().name());
        if (wish.verifiedOn() != null) {
            node.put("wishVerifiedOn", wish.verifiedOn().toString());
        }
        node.put("wishReinterview", wish.contradicted());
        return node;
    }

    @GetMapping("/wishes/queue")
    @Operation(summary = "The intermediary's interview queue", description = "Persons with an unverified claim, "
            + "or a verified wish contradicted by a later claim. Those on a list of an open exchange round "
            + "(onExchangeList) come first, since their wish decides whether they may be released; within each "
            + "group the oldest claim first. priority says why: [{\"kind\": \"EXCHANGE_ROUND\", \"id\", "
            + "\"title\"}], id and title only for rounds the caller's organisation is the intermediary of. "
            + "Intermediary only.")
    ObjectNode queue(@RequestParam Map<String, String> parameters) {
        JsonInput in = new JsonInput();
        parameters.keySet().stream().filter(p -> !p.equals("page") && !p.equals("size"))
                .forEach(p -> in.error(p, "is not a parameter; use page and size"));
        int page = in.intParameter(parameters.get("page"), "page", 0, 100_000, 0);
        int size = in.intParameter(parameters.get("size"), "size", 1, 200, 50);
        in.throwIfAny();
        Page<WishService.QueueEntry> queue = wishes.queue(Callers.require(), page, size);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        queue.items().forEach(e -> {
            ObjectNode item = node.withArray("items").addObject();
            item.put("id", e.person().publicId());
            item.put("fullName", e.person().fullName());
            item.put("holdingParty", e.person().text(PersonField.HOLDING_PARTY));
            item.put("internmentPlace", e.person().text(PersonField.INTERNMENT_PLACE));
            item.put("wishStatus", e.wish().status().name());
            item.put("oldestClaimOn", e.wish().oldestClaimOn().toString());
            item.put("wishReinterview", e.wish().contradicted());
            item.put("onExchangeList", e.urgent());
            ArrayNode priority = item.putArray("priority");
            e.priority().forEach(r -> {
                ObjectNode reason = priority.addObject().put("kind", r.kind());
                if (r.id() != null) {
                    reason.put("id", r.id()).put("title", r.title());
                }
            });
        });
        node.withArray("items");
        node.put("total", queue.total());
        node.put("page", queue.page());
        node.put("size", queue.size());
        return node;
    }

    @GetMapping("/wishes/interviews-per-week")
    @Operation(summary = "Persons interviewed in private per week (Monday)", description = "Every one of the latest "
            + "`weeks` weeks (default 12), this week included, the latest first; a week without interviews counts 0. "
            + "Intermediary only.")
    ObjectNode interviewsPerWeek(@RequestParam(name = "weeks", required = false) String weeks) {
        JsonInput in = new JsonInput();
        int count = in.intParameter(weeks, "weeks", 1, 520, 12);
        in.throwIfAny();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        wishes.interviewsPerWeek(Callers.require(), count).forEach(w -> node.withArray("items").addObject()
                .put("week", w.week().toString()).put("persons", w.persons()));
        node.withArray("items");
        return node;
    }

    private ObjectNode write(Statement s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", publicIds.of(PublicIds.Kind.STATEMENT, s.id()));
        node.put("wish", s.wish().name());
        node.put("method", s.method().name());
        node.put("verified", s.verified());
        node.put("organisation", s.organisation());
        node.put("takenBy", s.takenBy());
        node.put("takenOn", s.takenOn().toString());
        node.put("place", s.place());
        node.put("language", s.language());
        if (s.interpreter() != null) {
            node.put("interpreter", s.interpreter());
        }
        node.put("text", s.text());
        if (s.replaces() != null) {
            node.put("replaces", publicIds.of(PublicIds.Kind.STATEMENT, s.replaces()));
        }
        node.put("recordedAt", s.recordedAt().toString());
        return node;
    }
}
