package org.parley.tracing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.parley.api.JsonInput;
import org.parley.api.TextCheck;
import org.parley.registry.PartialDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a tracing request from the API's JSON body or the page's form (whose fields are the JSON's, the requester's
 * as {@code requesterName}, {@code requesterRelationship}, {@code requesterContact}), naming every field refused.
 */
final class TracingInputReader {

    static final Set<String> MEMBERS = Set.of("surname", "givenName", "patronymic", "fullName", "dateOfBirth", "unit",
            "lastKnownPlace", "lastKnownDate", "requester", "note");
    static final Set<String> REQUESTER = Set.of("name", "relationship", "contact");

    private TracingInputReader() {
    }

    /** The request a body gives, or an {@link org.parley.api.InvalidInputException} naming what is wrong. */
    static TracingInput read(JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, MEMBERS);
        String surname = in.text(body.get("surname"), "surname", TracingService.MAX_NAME, TextCheck.Kind.NAME);
        String given = in.text(body.get("givenName"), "givenName", TracingService.MAX_NAME, TextCheck.Kind.NAME);
        String patronymic = in.text(body.get("patronymic"), "patronymic", TracingService.MAX_NAME,
                TextCheck.Kind.NAME);
        String fullName = in.text(body.get("fullName"), "fullName", TracingService.MAX_NAME, TextCheck.Kind.NAME);
        String born = in.text(body.get("dateOfBirth"), "dateOfBirth", 10, TextCheck.Kind.LINE);
        if (born != null) {
            try {
                born = PartialDate.parse(born).toString();
            } catch (IllegalArgumentException e) {
                in.error("dateOfBirth", e.getMessage());
            }
        }
        String unit = in.text(body.get("unit"), "unit", TracingService.MAX_LINE, TextCheck.Kind.LINE);
        String place = in.text(body.get("lastKnownPlace"), "lastKnownPlace", TracingService.MAX_LINE,
                TextCheck.Kind.LINE);
        LocalDate lastKnown = in.date(body.get("lastKnownDate"), "lastKnownDate");
        if (lastKnown != null && lastKnown.isAfter(LocalDate.now())) {
            in.error("lastKnownDate", "is in the future");
        }
        Requester requester = null;
        JsonNode who = body.get("requester");
        if (who != null && !who.isNull()) {
            if (!who.isObject()) {
                in.error("requester", "must be an object with name, relationship, contact");
            } else {
                who.properties().forEach(m -> {
                    if (!REQUESTER.contains(m.getKey())) {
                        in.error("requester." + m.getKey(), "is not one of contact, name, relationship");
                    }
                });
                requester = new Requester(
                        in.text(who.get("name"), "requester.name", TracingService.MAX_NAME, TextCheck.Kind.NAME),
                        in.text(who.get("relationship"), "requester.relationship", TracingService.MAX_LINE,
                                TextCheck.Kind.LINE),
                        in.text(who.get("contact"), "requester.contact", TracingService.MAX_LINE,
                                TextCheck.Kind.MULTI_LINE));
            }
        }
        String note = in.text(body.get("note"), "note", TracingService.MAX_TEXT, TextCheck.Kind.MULTI_LINE);
        if (surname == null && given == null && fullName == null && !in.hasErrorFor("surname")
                && !in.hasErrorFor("fullName")) {
            in.error("surname", "is required unless givenName or fullName is given: a request names the person sought");
        }
        in.throwIfAny();
        return new TracingInput(surname, given, patronymic, fullName, born, unit, place, lastKnown,
                requester == null ? new Requester(null, null, null) : requester, note);
    }

    /** The page's form as the API's body: blank fields left out. */
    static JsonNode body(Map<String, String> form) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode requester = JsonNodeFactory.instance.objectNode();
        form.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (MEMBERS.contains(name) && !name.equals("requester")) {
                body.put(name, value);
            } else if (name.startsWith("requester") && name.length() > "requester".length()) {
                String member = name.substring("requester".length());
                String key = Character.toLowerCase(member.charAt(0)) + member.substring(1);
                if (REQUESTER.contains(key)) {
                    requester.put(key, value);
                }
            }
        });
        if (!requester.isEmpty()) {
            body.set("requester", requester);
        }
        return body;
    }
}
