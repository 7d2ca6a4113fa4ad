package org.parley.registry;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.api.JsonInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a person, both ways. Reading checks every member and reports all problems at once: unknown
 * members, wrong types, unknown enum values, impossible and future dates, over-long text, characters that no
 * text holds (see {@link org.parley.api.TextCheck}).
 */
final class PersonJson {

    /** Members the server derives; a client that sends them is told so instead of being silently ignored. */
    static final Set<String> DERIVED = Set.of("id", "status", "notifiedOn", "custodyEndedOn", "nameScript",
            "createdAt", "updatedAt", "fullName", "withheld");
    static final String SOURCES = "sources";
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private PersonJson() {
    }

    /**
     * Reads a person's facts.
     *
     * @param extra members the caller handles itself (e.g. {@code version} of a PATCH), skipped here
     */
    static PersonInput read(JsonNode body, Set<String> extra, JsonInput in) {
        Map<PersonField, Object> values = new EnumMap<>(PersonField.class);
        Map<PersonField, FactRecord> sources = new EnumMap<>(PersonField.class);
        if (body == null || !body.isObject()) {
            in.error("body", "must be a JSON object");
            return new PersonInput(values, sources);
        }
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            if (extra.contains(name)) {
                continue;
            }
            if (name.equals(SOURCES)) {
                readSources(member.getValue(), sources, in);
            } else if (DERIVED.contains(name)) {
                in.error(name, "is derived by the server and cannot be set"
                        + (name.equals("status") ? ": add a lifecycle event instead" : ""));
            } else {
                PersonField.byJsonName(name).ifPresentOrElse(
                        field -> {
                            Object value = readValue(field, member.getValue(), in);
                            if (value != null) {
                                values.put(field, value);
                            }
                        },
                        () -> in.error(name, "is not a field of a person"));
            }
        }
        checkRequiredAndConsistent(values, in);
        return new PersonInput(values, sources);
    }

    private static Object readValue(PersonField field, JsonNode node, JsonInput in) {
        String name = field.jsonName();
        PersonField.Kind kind = field.kind();
        return switch (kind.name()) {
            case "enum" -> readEnum(node, name, kind, in);
            case "boolean" -> in.bool(node, name);
            case "date" -> {
                LocalDate date = in.date(node, name);
                yield date == null ? null : checkPast(date, name, in);
            }
            case "partialDate" -> {
                String text = in.text(node, name, kind.maxLength() + 10);
                if (text == null) {
                    yield null;
                }
                try {
                    PartialDate date = PartialDate.parse(text);
                    yield checkPast(date.earliest(), name, in) == null ? null : date;
                } catch (IllegalArgumentException e) {
                    in.error(name, e.getMessage());
                    yield null;
                }
            }
            case "language" -> {
                String tag = in.text(node, name, kind.maxLength());
                if (tag != null && !LANGUAGE_TAG.matcher(tag).matches()) {
                    in.error(name, "'" + tag + "' is not a BCP 47 language tag such as uk, ru or en");
                    yield null;
                }
                yield tag;
            }
            default -> in.text(node, name, kind.maxLength(), field.textKind());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readEnum(JsonNode node, String name, PersonField.Kind kind, JsonInput in) {
        return in.enumValue(node, name, (Class) kind.enumType());
    }

    private static LocalDate checkPast(LocalDate date, String name, JsonInput in) {
        if (date.isAfter(LocalDate.now())) {
            in.error(name, date + " is in the future");
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            in.error(name, date + " is before " + EARLIEST);
            return null;
        }
        return date;
    }

    private static void readSources(JsonNode node, Map<PersonField, FactRecord> sources, JsonInput in) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            in.error(SOURCES, "must be an object from field name to {source, confidence, voluntary}");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String path = SOURCES + "." + entry.getKey();
            PersonField field = PersonField.byJsonName(entry.getKey()).orElse(null);
            if (field == null) {
                in.error(path, "is not a field of a person");
                continue;
            }
            JsonNode fact = entry.getValue();
            if (fact.isNull()) {
                continue;
            }
            if (!fact.isObject()) {
                in.error(path, "must be an object {source, confidence, voluntary}");
                continue;
            }
            for (Map.Entry<String, JsonNode> member : fact.properties()) {
                if (!Set.of("source", "confidence", "voluntary").contains(member.getKey())) {
                    in.error(path + "." + member.getKey(), "is not one of source, confidence, voluntary");
                }
            }
            FactSource source = in.enumValue(fact.get("source"), path + ".source", FactSource.class);
            if (source == null && (fact.get("source") == null || fact.get("source").isNull())) {
                in.error(path + ".source", "is required");
            }
            Confidence confidence = in.enumValue(fact.get("confidence"), path + ".confidence", Confidence.class);
            Boolean voluntary = in.bool(fact.get("voluntary"), path + ".voluntary");
            if (source != null) {
                sources.put(field, new FactRecord(source, confidence, voluntary));
            }
        }
    }

    private static void checkRequiredAndConsistent(Map<PersonField, Object> values, JsonInput in) {
        for (PersonField required : new PersonField[] {PersonField.SURNAME, PersonField.HOLDING_PARTY}) {
            if (!values.containsKey(required) && !in.hasErrorFor(required.jsonName())) {
                in.error(required.jsonName(), "is required");
            }
        }
        Object birth = values.get(PersonField.DATE_OF_BIRTH);
        Object capture = values.get(PersonField.CAPTURE_DATE);
        if (birth instanceof PartialDate dob && capture instanceof LocalDate captured
                && dob.earliest().isAfter(captured)) {
            in.error(PersonField.CAPTURE_DATE.jsonName(), captured + " is before the date of birth " + dob);
        }
        Object holding = values.get(PersonField.HOLDING_PARTY);
        if (holding != null && holding.equals(values.get(PersonField.POWER_OF_ORIGIN))) {
            in.error(PersonField.POWER_OF_ORIGIN.jsonName(), "cannot be the holding party itself");
        }
    }

    /** The facts of a person as JSON members (every field, null where unknown) and their sources. */
    static ObjectNode writeFacts(PersonInput facts) {
        return writeFacts(facts, JsonNodeFactory.instance.objectNode());
    }

    /** Writes the facts into {@code node}, after the members it holds already; returns it. */
    private static ObjectNode writeFacts(PersonInput facts, ObjectNode node) {
        for (PersonField field : PersonField.values()) {
            Object value = facts.get(field);
            if (value == null) {
                node.putNull(field.jsonName());
            } else if (value instanceof Boolean b) {
                node.put(field.jsonName(), b);
            } else {
                node.put(field.jsonName(), value.toString());
            }
        }
        writeSources(facts.sources(), node.putObject(SOURCES));
        return node;
    }

    /** The sources of the facts, as the member {@value #SOURCES} of the facts holds them. */
    static ObjectNode writeSources(Map<PersonField, FactRecord> sources) {
        return writeSources(sources, JsonNodeFactory.instance.objectNode());
    }

    private static ObjectNode writeSources(Map<PersonField, FactRecord> sources, ObjectNode node) {
        sources.forEach((field, fact) -> {
            ObjectNode f = node.putObject(field.jsonName());
            f.put("source", fact.source().name());
            if (fact.confidence() != null) {
                f.put("confidence", fact.confidence().name());
            }
            if (fact.voluntary() != null) {
                f.put("voluntary", fact.voluntary());
            }
        });
        return node;
    }

    /** The whole person as the API answers it. */
    static ObjectNode write(Person person) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", person.publicId());
        node.put("version", person.version());
        node.put("fullName", person.fullName());
        writeFacts(person.facts(), node);
        node.put("nameScript", person.nameScript().iso15924());
        node.put("status", person.status().name());
        if (person.notifiedOn() == null) {
            node.putNull("notifiedOn");
        } else {
            node.put("notifiedOn", person.notifiedOn().toString());
        }
        if (person.custodyEndedOn() == null) {
            node.putNull("custodyEndedOn");
        } else {
            node.put("custodyEndedOn", person.custodyEndedOn().toString());
        }
        if (!person.withheld().isEmpty()) {
            person.withheld().stream().sorted().forEach(node.withArray("withheld")::add);
        }
        node.put("createdAt", person.createdAt().toString());
        node.put("updatedAt", person.updatedAt().toString());
        return node;
    }
}
