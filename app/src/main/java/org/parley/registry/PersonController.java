package org.parley.registry;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.PublicIds;
import org.parley.api.TextCheck;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** REST API of the registry: persons and their lifecycle events. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Registry", description = "Detained persons and their lifecycle")
class PersonController {

    private static final Set<String> PATCH_MEMBERS = Set.of("version", "reason");
    private static final Set<String> EVENT_MEMBERS = Set.of("type", "occurredOn", "place", "note", "supersedes");
    private static final Set<String> NOTIFICATION_MEMBERS = Set.of("personIds", "date");

    private final RegistryService registry;
    private final PersonStream stream;
    private final PublicIds publicIds;

    PersonController(RegistryService registry, PersonStream stream, PublicIds publicIds) {
        this.registry = registry;
        this.stream = stream;
        this.publicIds = publicIds;
    }

    /** The persons as JSON, with what other features derive about them (see {@link PersonAnnotations}). */
    private List<ObjectNode> write(List<Person> persons) {
        return stream.json(Callers.require(), persons);
    }

    private ObjectNode write(Person person) {
        return write(List.of(person)).get(0);
    }

    @GetMapping("/organisations")
    @Operation(summary = "Parties and intermediaries")
    List<Organisation> organisations() {
        return registry.organisations();
    }

    @GetMapping("/persons")
    @Operation(summary = "List persons", description = "Filters combine with AND; q matches names in any case, "
            + "with or without diacritics and apostrophes, and service or prisoner numbers. Ordered by sort: name "
            + "(surname, given name) in the alphabetical order of the Accept-Language (uk: Ukrainian, ru: Russian, "
            + "any other: the Unicode root order, Latin before Cyrillic), captureDate, timeInCaptivity, or "
            + "relevance (a name search only: the best match first); a leading minus reverses it. Without sort: by "
            + "relevance when q is given, else by name. Ties are broken by id, so pages are stable.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(ref = RegistryOpenApi.PERSON_PAGE)))
    ObjectNode list(@io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            HttpServletRequest request) {
        JsonInput in = new JsonInput();
        // the alphabet of the language the client prefers; the root order for a client that names none
        NameCollation collation = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? NameCollation.ROOT
                : NameCollation.of(request.getLocale());
        PersonListParameters asked = PersonListParameters.read(parameters, registry.listColumns(), collation,
                List.of("page", "size"), in);
        PersonFilter filter = asked.filter();
        PersonSort sort = asked.sort();
        int page = in.intParameter(parameters.get("page"), "page", 0,
                Integer.MAX_VALUE / RegistryService.MAX_PAGE_SIZE, 0);
        int size = in.intParameter(parameters.get("size"), "size", 1, RegistryService.MAX_PAGE_SIZE, 50);
        in.throwIfAny();
        Caller caller = Callers.require();
        Page<Person> result = registry.find(caller, filter, sort, page, size);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        write(result.items()).forEach(node.withArray("items")::add);
        node.withArray("items");
        node.put("total", result.total());
        if (result.totalCapped()) {
            node.put("totalCapped", true);
        }
        node.put("page", result.page());
        node.put("size", result.size());
        node.put("sort", sort.parameter());
        return node;
    }

    @PostMapping(path = "/persons/notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Notify the power of origin of several persons", description = "Records the NOTIFIED "
            + "event (GC III Art. 122) of each person on date, in one transaction: all or none. Only a registrar of "
            + "the party holding every one of them may; a person the caller may not see is 404 and one of another "
            + "holding party 403, as for a single event. If the lifecycle refuses any of them (already notified, a "
            + "date before the last event, a status that allows no event), the answer is 409 invalid-transition "
            + "naming each in refused, and nothing is recorded. Each event is audited as a single one would be.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(ref = RegistryOpenApi.NOTIFICATIONS_INPUT)))
    ResponseEntity<ObjectNode> notifyPersons(@RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, NOTIFICATION_MEMBERS);
        LocalDate date = in.required(in.date(body.get("date"), "date"), "date");
        if (date != null && date.isAfter(LocalDate.now())) {
            in.error("date", date + " is in the future");
        }
        List<String> given = new ArrayList<>();
        JsonNode ids = body.get("personIds");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > RegistryService.MAX_PAGE_SIZE) {
            in.error("personIds", "must be an array of 1 to " + RegistryService.MAX_PAGE_SIZE + " person ids");
        } else {
            for (int i = 0; i < ids.size(); i++) {
                JsonNode id = ids.get(i);
                if (!id.isString()) {
                    in.error("personIds[" + i + "]", "must be a person id (a string)");
                } else if (given.contains(id.stringValue())) {
                    in.error("personIds[" + i + "]", "names " + id.stringValue() + " a second time");
                } else {
                    given.add(id.stringValue());
                }
            }
        }
        in.throwIfAny();
        List<Long> personIds = given.stream().map(registry::personId).toList();
        List<LifecycleEvent> recorded = registry.notifyPersons(Callers.require(), personIds, date);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("notified", recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            ObjectNode item = node.withArray("items").addObject();
            item.put("personId", given.get(i));
            item.set("event", writeEvent(recorded.get(i)));
        }
        return ResponseEntity.status(201).body(node);
    }

    @GetMapping("/persons/{id}")
    @Operation(summary = "Read a person")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(ref = RegistryOpenApi.PERSON)))
    ObjectNode get(@PathVariable String id) {
        return write(registry.get(Callers.require(), id));
    }

    @PostMapping(path = "/persons", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a person", description = "surname and holdingParty are required; the "
            + "history starts with a CAPTURED event on captureDate.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(ref = RegistryOpenApi.PERSON_INPUT)))
    ResponseEntity<ObjectNode> create(@RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        PersonInput facts = PersonJson.read(body, Set.of(), in);
        in.throwIfAny();
        Person person = registry.create(Callers.require(), facts);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + person.publicId())).body(write(person));
    }

    @PatchMapping(path = "/persons/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(summary = "Correct a person's facts", description = "JSON merge patch (RFC 7396) carrying the "
            + "version that was read; a null removes a fact. A stale version is refused with 409. The old values "
            + "are kept in a CORRECTION event, with the optional reason.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(ref = RegistryOpenApi.PERSON_PATCH)))
    ObjectNode update(@PathVariable("id") String publicId, @RequestBody JsonNode patch) {
        long id = registry.personId(publicId);
        JsonInput in = new JsonInput();
        if (!patch.isObject()) {
            in.error("body", "must be a JSON object");
            in.throwIfAny();
        }
        Long version = in.integer(patch.get("version"), "version");
        if (version == null && !in.hasErrorFor("version")) {
            in.error("version", "is required: send the version you read, so that no change is overwritten");
        }
        String reason = in.text(patch.get("reason"), "reason", 1000, TextCheck.Kind.MULTI_LINE);
        ObjectNode merged = PersonJson.writeFacts(registry.factsForUpdate(Callers.require(), id));
        mergePatch(merged, patch, PATCH_MEMBERS);
        PersonInput facts = PersonJson.read(merged, Set.of(), in);
        in.throwIfAny();
        return write(registry.update(Callers.require(), id, version.intValue(), facts, reason));
    }

    @GetMapping("/persons/{id}/events")
    @Operation(summary = "A person's lifecycle history, in the order it was recorded")
    List<ObjectNode> history(@PathVariable String id) {
        return registry.history(Callers.require(), registry.personId(id)).stream().map(this::writeEvent).toList();
    }

    @PostMapping(path = "/persons/{id}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a lifecycle event", description = "Refused with 409 when the person's current status "
            + "does not allow it; a CORRECTION supersedes an earlier event (supersedes, note required).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(ref = RegistryOpenApi.EVENT_INPUT)))
    ResponseEntity<ObjectNode> addEvent(@PathVariable String id, @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        if (!body.isObject()) {
            in.error("body", "must be a JSON object");
            in.throwIfAny();
        }
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            if (!EVENT_MEMBERS.contains(member.getKey())) {
                in.error(member.getKey(), "is not a member of an event; use " + String.join(", ", EVENT_MEMBERS));
            }
        }
        EventType type = in.enumValue(body.get("type"), "type", EventType.class);
        if (type == null && !in.hasErrorFor("type")) {
            in.error("type", "is required");
        }
        LocalDate occurredOn = in.date(body.get("occurredOn"), "occurredOn");
        if (occurredOn != null && occurredOn.isAfter(LocalDate.now())) {
            in.error("occurredOn", occurredOn + " is in the future");
        }
        Long supersedes = in.publicId(body.get("supersedes"), "supersedes", publicIds, PublicIds.Kind.EVENT,
                "the event named is not in this person's history");
        EventInput event = new EventInput(type, occurredOn, in.text(body.get("place"), "place", 500),
                in.text(body.get("note"), "note", 4000, TextCheck.Kind.MULTI_LINE), supersedes);
        in.throwIfAny();
        LifecycleEvent added = registry.addEvent(Callers.require(), registry.personId(id), event);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/events")).body(writeEvent(added));
    }

    ObjectNode writeEvent(LifecycleEvent event) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", publicIds.of(PublicIds.Kind.EVENT, event.id()));
        node.put("seq", event.seq());
        node.put("type", event.type().name());
        node.put("occurredOn", event.occurredOn() == null ? null : event.occurredOn().toString());
        node.put("place", event.place());
        node.put("note", event.note());
        if (event.supersedes() == null) {
            node.putNull("supersedes");
        } else {
            node.put("supersedes", publicIds.of(PublicIds.Kind.EVENT, event.supersedes()));
        }
        node.putPOJO("changes", event.changes());
        node.put("recordedAt", event.recordedAt().toString());
        node.put("superseded", event.superseded());
        return node;
    }

    /** RFC 7396: members of the patch replace those of the target, null removes, objects merge recursively. */
    private static void mergePatch(ObjectNode target, JsonNode patch, Set<String> skip) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (skip.contains(name)) {
                continue;
            }
            if (value.isObject() && target.get(name) instanceof ObjectNode nested) {
                mergePatch(nested, value, Set.of());
            } else if (value.isNull()) {
                target.remove(name);
            } else {
                target.set(name, value);
            }
        }
    }
}
