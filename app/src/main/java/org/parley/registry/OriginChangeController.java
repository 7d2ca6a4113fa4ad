package org.parley.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Set;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.TextCheck;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** REST API of the changes of a notified person's power of origin (see {@link OriginChangeService}). */
@RestController
@RequestMapping(path = "/api/v1/persons/{id}/origin-changes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Registry")
class OriginChangeController {

    private static final Set<String> REQUEST_MEMBERS = Set.of("powerOfOrigin", "reason");
    private static final Set<String> DECISION_MEMBERS = Set.of("note");

    private final OriginChangeService service;

    OriginChangeController(OriginChangeService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Request a change of a notified person's power of origin", description = "By the holding "
            + "party's registrars: {\"powerOfOrigin\": CODE or null, \"reason\"}. The change is made only when the "
            + "intermediary confirms it; the former power of origin keeps reading the record.")
    ResponseEntity<ObjectNode> request(@PathVariable String id, @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, REQUEST_MEMBERS);
        if (body.isObject() && !body.has("powerOfOrigin")) {
            in.error("powerOfOrigin", "is required: the party code asked for, or null for none");
        }
        String to = in.text(body.get("powerOfOrigin"), "powerOfOrigin", 40);
        String reason = in.required(in.text(body.get("reason"), "reason", OriginChangeService.MAX_TEXT,
                TextCheck.Kind.MULTI_LINE), "reason");
        in.throwIfAny();
        OriginChange filed = service.request(Callers.require(), id, to, reason);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/origin-changes/"
                + service.publicId(filed))).body(write(id, filed));
    }

    @GetMapping
    @Operation(summary = "Requests to change a person's power of origin (holding party and intermediary)")
    ObjectNode list(@PathVariable String id) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        service.list(Callers.require(), id).forEach(c -> node.withArray("items").add(write(id, c)));
        node.withArray("items");
        return node;
    }

    @PostMapping(path = "/{changeId}/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm a request (the intermediary's registrars): the power of origin changes")
    ObjectNode confirm(@PathVariable String id, @PathVariable String changeId, @RequestBody JsonNode body) {
        return decide(id, changeId, OriginChange.Decision.CONFIRMED, body);
    }

    @PostMapping(path = "/{changeId}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reject a request (the intermediary's registrars)")
    ObjectNode reject(@PathVariable String id, @PathVariable String changeId, @RequestBody JsonNode body) {
        return decide(id, changeId, OriginChange.Decision.REJECTED, body);
    }

    private ObjectNode decide(String id, String changeId, OriginChange.Decision decision, JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, DECISION_MEMBERS);
        String note = in.text(body.get("note"), "note", OriginChangeService.MAX_TEXT, TextCheck.Kind.MULTI_LINE);
        in.throwIfAny();
        return write(id, service.decide(Callers.require(), id, changeId, decision, note));
    }

    private ObjectNode write(String personId, OriginChange c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", service.publicId(c));
        node.put("personId", personId);
        return node.setAll(OriginChangeStates.facts(c));
    }
}
