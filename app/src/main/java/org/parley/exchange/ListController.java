package org.parley.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.NotFoundException;
import org.parley.api.TextCheck;
import org.parley.registry.PartialDate;
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

/** The parties' request and offer lists in a round: versions, diffs, reconciliation, and who was left off. */
@RestController
@RequestMapping(path = "/api/v1/exchanges/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Exchange rounds")
class ListController {

    private static final Set<String> ENTRY_MEMBERS = Set.of("ref", "personId", "surname", "givenName", "patronymic",
            "fullName", "dateOfBirth", "serviceNumber", "unit", "rank", "note");

    private final ListService lists;
    private final ReconciliationService reconciliations;
    private final LeftOffService leftOff;
    private final ExchangeJson json;

    ListController(ListService lists, ReconciliationService reconciliations, LeftOffService leftOff,
            ExchangeJson json) {
        this.lists = lists;
        this.reconciliations = reconciliations;
        this.leftOff = leftOff;
        this.json = json;
    }

    @PostMapping(path = "/lists/{party}/{kind}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a new version of a list", description = "By that party's NEGOTIATOR: the whole "
            + "list, {\"basedOn\": latest version (0 for the first), \"entries\": [{\"ref\", \"personId\"} or "
            + "{\"ref\", \"surname\", \"givenName\", \"patronymic\", \"fullName\", \"dateOfBirth\", "
            + "\"serviceNumber\", \"unit\", \"rank\", \"note\"}], \"removals\": [{\"ref\", \"reason\", \"note\"}]}. "
            + "Every entry of the latest version left out needs a removal with its reason. 409 stale-version when "
            + "basedOn is not the latest. A request version is reconciled against the other party's registry.")
    ResponseEntity<ObjectNode> submit(@PathVariable String id, @PathVariable String party,
            @PathVariable String kind, @RequestBody JsonNode body) {
        ListKind listKind = kind(kind);
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("basedOn", "entries", "removals"));
        Long basedOn = in.required(in.integer(body.get("basedOn"), "basedOn"), "basedOn");
        List<EntryInput> entries = entries(body.get("entries"), in);
        List<Removal> removals = removals(body.get("removals"), in);
        in.throwIfAny();
        ListVersion version = lists.submit(Callers.require(), id, party, listKind,
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, basedOn)), entries, removals);
        return ResponseEntity.created(URI.create("/api/v1/exchanges/" + id + "/lists/" + party + "/" + kind
                + "/versions/" + version.number())).body(json.version(version));
    }

    static List<EntryInput> entries(JsonNode node, JsonInput in) {
        List<EntryInput> entries = new ArrayList<>();
        if (node == null || !node.isArray()) {
            in.error("entries", "must be an array of entries");
            return entries;
        }
        if (node.size() > ListService.MAX_ENTRIES) {
            in.error("entries", "has " + node.size() + " entries; a list holds at most " + ListService.MAX_ENTRIES);
            return entries;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            String at = "entries[" + i + "].";
            if (!e.isObject()) {
                in.error("entries[" + i + "]", "must be an object");
                continue;
            }
            e.propertyNames().stream().filter(name -> !ENTRY_MEMBERS.contains(name))
                    .forEach(name -> in.error(at + name, "is not a member of an entry"));
            String born = in.text(e.get("dateOfBirth"), at + "dateOfBirth", 10);
            PartialDate dateOfBirth = null;
            if (born != null) {
                try {
                    dateOfBirth = PartialDate.parse(born);
                } catch (IllegalArgumentException bad) {
                    in.error(at + "dateOfBirth", bad.getMessage());
                }
            }
            entries.add(new EntryInput(in.text(e.get("ref"), at + "ref", ListService.MAX_REF),
                    in.text(e.get("personId"), at + "personId", 100),
                    in.text(e.get("surname"), at + "surname", ListService.MAX_NAME, TextCheck.Kind.NAME),
                    in.text(e.get("givenName"), at + "givenName", ListService.MAX_NAME, TextCheck.Kind.NAME),
                    in.text(e.get("patronymic"), at + "patronymic", ListService.MAX_NAME, TextCheck.Kind.NAME),
                    in.text(e.get("fullName"), at + "fullName", ListService.MAX_NAME, TextCheck.Kind.NAME),
                    dateOfBirth,
                    in.text(e.get("serviceNumber"), at + "serviceNumber", ListService.MAX_DETAIL),
                    in.text(e.get("unit"), at + "unit", ListService.MAX_DETAIL),
                    in.text(e.get("rank"), at + "rank", ListService.MAX_DETAIL),
                    in.text(e.get("note"), at + "note", ListService.MAX_NOTE, TextCheck.Kind.MULTI_LINE)));
        }
        return entries;
    }

    static List<Removal> removals(JsonNode node, JsonInput in) {
        List<Removal> removals = new ArrayList<>();
        if (node == null || node.isNull()) {
            return removals;
        }
        if (!node.isArray()) {
            in.error("removals", "must be an array of {\"ref\", \"reason\", \"note\"}");
            return removals;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            String at = "removals[" + i + "].";
            if (!r.isObject()) {
                in.error("removals[" + i + "]", "must be an object");
                continue;
            }
            in.onlyMembers(r, Set.of("ref", "reason", "note"));
            String ref = in.required(in.text(r.get("ref"), at + "ref", ListService.MAX_REF), at + "ref");
            RemovalReason reason = in.required(in.enumValue(r.get("reason"), at + "reason", RemovalReason.class),
                    at + "reason");
            String note = in.text(r.get("note"), at + "note", ListService.MAX_NOTE, TextCheck.Kind.MULTI_LINE);
            if (ref != null && reason != null) {
                removals.add(new Removal(ref, reason, note));
            }
        }
        return removals;
    }

    @GetMapping("/lists/{party}/{kind}/versions")
    @Operation(summary = "The versions of a list", description = "Numbers, times, authors and counts, oldest first.")
    ObjectNode versions(@PathVariable String id, @PathVariable String party, @PathVariable String kind) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode items = node.putArray("items");
        lists.versions(Callers.require(), id, party, kind(kind)).forEach(v -> items.add(json.version(v)));
        return node;
    }

    @GetMapping("/lists/{party}/{kind}/versions/{n}")
    @Operation(summary = "One version of a list, with its entries and removals")
    ObjectNode version(@PathVariable String id, @PathVariable String party, @PathVariable String kind,
            @PathVariable String n) {
        return json.content(lists.version(Callers.require(), id, party, kind(kind), number(n)));
    }

    @GetMapping("/lists/{party}/{kind}/versions/{n}/diff")
    @Operation(summary = "What changed from version `from` to this one", description = "added entries, removed "
            + "ones with the reason given, changed ones field by field.")
    ObjectNode diff(@PathVariable String id, @PathVariable String party, @PathVariable String kind,
            @PathVariable String n, @RequestParam(name = "from", required = false) String from) {
        int number = number(n);
        JsonInput in = new JsonInput();
        int older = in.intParameter(from, "from", 1, Integer.MAX_VALUE, number - 1);
        in.throwIfAny();
        return json.diff(lists.diff(Callers.require(), id, party, kind(kind), number, older));
    }

    @GetMapping("/lists/{party}/request/versions/{n}/reconciliation")
    @Operation(summary = "The reconciliation of a request version against the registry of the party asked",
            description = "The holder and the intermediary read every item with candidates; the requesting party "
                    + "reads an outcome only once the holder has confirmed or rejected it, and no candidates.")
    ObjectNode reconciliation(@PathVariable String id, @PathVariable String party, @PathVariable String n) {
        return json.reconciliation(reconciliations.view(Callers.require(), id, party, number(n)));
    }

    @PostMapping(path = "/lists/{party}/request/versions/{n}/reconciliation/{ref}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm or reject a match, or pick a candidate", description = "By a NEGOTIATOR of the "
            + "party asked: {\"decision\": \"CONFIRM\" | \"REJECT\", \"personId\" (to pick a person)}. On the "
            + "latest version; the decision holds in later versions while the entry is unchanged.")
    ObjectNode decide(@PathVariable String id, @PathVariable String party, @PathVariable String n,
            @PathVariable String ref, @RequestBody JsonNode body) {
        int number = number(n);
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("decision", "personId"));
        ReconciliationService.Verdict verdict = in.required(in.enumValue(body.get("decision"), "decision",
                ReconciliationService.Verdict.class), "decision");
        String personId = in.text(body.get("personId"), "personId", 100);
        in.throwIfAny();
        Caller caller = Callers.require();
        return json.item(reconciliations.decide(caller, id, party, number, ref, verdict, personId), true);
    }

    @GetMapping("/left-off")
    @Operation(summary = "Persons left off a party's latest list", description = "party and kind (request or "
            + "offer) are required; page and size page the persons. Counts only the records the caller may see.")
    ObjectNode leftOff(@PathVariable String id, @RequestParam Map<String, String> parameters) {
        JsonInput in = new JsonInput();
        parameters.keySet().stream().filter(p -> !Set.of("party", "kind", "page", "size").contains(p))
                .forEach(p -> in.error(p, "is not a parameter; use party, kind, page and size"));
        String party = in.required(parameters.get("party"), "party");
        String kindCode = in.required(parameters.get("kind"), "kind");
        ListKind kind = kindCode == null ? null : ListKind.ofCode(kindCode);
        if (kindCode != null && kind == null) {
            in.error("kind", "'" + kindCode + "' is not request or offer");
        }
        int page = in.intParameter(parameters.get("page"), "page", 0,
                Integer.MAX_VALUE / RegistryService.MAX_PAGE_SIZE, 0);
        int size = in.intParameter(parameters.get("size"), "size", 1, RegistryService.MAX_PAGE_SIZE, 50);
        in.throwIfAny();
        return json.leftOff(leftOff.figure(Callers.require(), id, party, kind, page, size));
    }

    private static ListKind kind(String code) {
        ListKind kind = ListKind.ofCode(code);
        if (kind == null) {
            throw NotFoundException.absent("list kind", code);
        }
        return kind;
    }

    static int number(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not a version
        }
        throw NotFoundException.absent("version", text);
    }
}
