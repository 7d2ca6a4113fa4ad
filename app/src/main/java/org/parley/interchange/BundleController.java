package org.parley.interchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** REST API of notification bundles (see {@link BundleService}). */
@RestController
@RequestMapping(path = "/api/v1/bundles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notification bundles")
class BundleController {

    private final BundleService bundles;

    BundleController(BundleService bundles) {
        this.bundles = bundles;
    }

    @PostMapping(path = "/outgoing", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export the next notification bundle of the caller's party for a receiver",
            description = "{\"to\": CODE}. Registrars of a party. The bundle holds the persons the party notified "
                    + "that the receiver may read and that changed since the last bundle for it, signed with the "
                    + "instance's Ed25519 key (docs/interchange/bundles.md).")
    ObjectNode export(@RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("to"));
        String to = in.required(in.text(body.get("to"), "to", 40), "to");
        in.throwIfAny();
        return bundles.exportFor(Callers.require(), to);
    }

    @PostMapping(path = "/incoming", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a notification bundle for the caller's organisation",
            description = "The bundle as exported. Registrars of the receiving organisation. Refused whole, with the "
                    + "reason, when malformed, for another receiver, from an unknown sender or one without a "
                    + "registered key, altered, not signed by the sender, replayed or out of order, or when the "
                    + "lifecycle refuses one of its events.")
    ObjectNode importBundle(@RequestBody JsonNode body) {
        return write(bundles.importFor(Callers.require(), body));
    }

    @GetMapping("/incoming")
    @Operation(summary = "The bundles the caller's organisation received, per sender, newest first")
    ObjectNode received() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode items = node.putArray("items");
        bundles.received(Callers.require()).forEach(r -> items.add(write(r)));
        return node;
    }

    static ObjectNode write(BundleReceipt r) {
        return JsonNodeFactory.instance.objectNode().put("sender", r.sender()).put("receiver", r.receiver())
                .put("sequence", r.sequence()).put("hash", r.hash()).put("createdAt", r.createdAt().toString())
                .put("receivedAt", r.receivedAt().toString()).put("receivedBy", r.receivedBy())
                .put("persons", r.persons()).put("created", r.created()).put("updated", r.updated())
                .put("events", r.events()).put("checkpointTreeSize", r.treeSize());
    }
}
