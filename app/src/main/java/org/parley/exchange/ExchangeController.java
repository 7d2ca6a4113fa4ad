package org.parley.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.registry.Page;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Exchange rounds: open, list, read, abandon. */
@RestController
@RequestMapping(path = "/api/v1/exchanges", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Exchange rounds")
class ExchangeController {

    private final ExchangeService exchanges;
    private final ExchangeJson json;

    ExchangeController(ExchangeService exchanges, ExchangeJson json) {
        this.exchanges = exchanges;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a round", description = "By a party's NEGOTIATOR: {\"counterparty\", "
            + "\"intermediary\" (optional), \"title\"}. The round starts NEGOTIATING.")
    ResponseEntity<ObjectNode> open(@RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("counterparty", "intermediary", "title"));
        String counterparty = in.required(in.text(body.get("counterparty"), "counterparty", 40), "counterparty");
        String intermediary = in.text(body.get("intermediary"), "intermediary", 40);
        String title = in.required(in.text(body.get("title"), "title", ExchangeService.MAX_TITLE), "title");
        in.throwIfAny();
        ExchangeService.RoundView round = exchanges.open(Callers.require(), counterparty, intermediary, title);
        return ResponseEntity.created(URI.create("/api/v1/exchanges/" + round.publicId())).body(json.round(round));
    }

    @GetMapping
    @Operation(summary = "The rounds the caller's organisation takes part in", description = "Newest first, "
            + "paged like persons (page from 0, size up to 200).")
    ObjectNode list(@RequestParam Map<String, String> parameters) {
        JsonInput in = new JsonInput();
        parameters.keySet().stream().filter(p -> !Set.of("page", "size").contains(p))
                .forEach(p -> in.error(p, "is not a parameter; use page and size"));
        int page = in.intParameter(parameters.get("page"), "page", 0,
                Integer.MAX_VALUE / RegistryService.MAX_PAGE_SIZE, 0);
        int size = in.intParameter(parameters.get("size"), "size", 1, RegistryService.MAX_PAGE_SIZE, 50);
        in.throwIfAny();
        Page<ExchangeService.RoundView> rounds = exchanges.list(Callers.require(), page, size);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("items");
        rounds.items().forEach(r -> node.withArray("items").add(json.round(r)));
        node.put("total", rounds.total());
        node.put("page", rounds.page());
        node.put("size", rounds.size());
        return node;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a round", description = "With whose move it is (waitingOn), since when, and "
            + "whether it has waited longer than parley.exchange.stalled-after (stalled).")
    ObjectNode get(@PathVariable String id) {
        return json.round(exchanges.get(Callers.require(), id));
    }

    @PostMapping(path = "/{id}/abandon", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Abandon a round", description = "By either party's NEGOTIATOR, with a reason.")
    ObjectNode abandon(@PathVariable String id, @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("reason"));
        String reason = in.required(in.text(body.get("reason"), "reason", ExchangeService.MAX_REASON), "reason");
        in.throwIfAny();
        return json.round(exchanges.abandon(Callers.require(), id, reason));
    }
}
