package org.parley.registry;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.parley.api.MessageKeys;
import org.parley.names.Script;
import org.springframework.context.MessageSource;

/**
 * Turns registry records into what the pages show, translated into the reader's language. Names of people are
 * passed through exactly as written, with their language so that the page can tag them; dates are ISO 8601
 * (2024-03-05) in every language, because a day/month mix-up is the last thing a list of prisoners needs.
 */
final class PersonViews {

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** A name-bearing fact takes the language of the record's names. */
    private static final String NAME_KIND = "name";

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> organisationNames;

    PersonViews(MessageSource messages, Locale locale, List<Organisation> organisations) {
        this.messages = messages;
        this.locale = locale;
        this.organisationNames = new LinkedHashMap<>();
        organisations.forEach(o -> organisationNames.put(o.code(), o.name()));
    }

    /**
     * One line of the person list: {@code captivity} how long the person has been (or was) in captivity;
     * {@code columns} the cells of other features' columns by column name; {@code selectable} whether the reader may
     * select the person for a batch action (notify the power of origin).
     */
    public record Row(String id, String name, String nameLang, String dateOfBirth, String rank, String status,
            String statusCode, String category, String holdingParty, String powerOfOrigin, String captureDate,
            boolean seriouslyIll, String captivity, Map<String, Cell> columns, boolean selectable) {
    }

    /** A cell of another feature's column: its value and the value's label. */
    public record Cell(String value, String label) {
    }

    /**
     * One fact of a record, with its translated label; {@code value} null means not recorded, or, with
     * {@code withheld}, not given to the reader's organisation.
     */
    public record Fact(String id, String label, String value, String lang, boolean name, String source, String sourceHint,
            boolean withheld) {
    }

    /** A part of the record: identity, service, capture and so on. */
    public record Section(String id, String title, List<Fact> facts) {
    }

    /** A fact's old and new value in a correction; {@code name} for a person's name, shown in both scripts. */
    public record Change(String label, String from, String to, String lang, boolean name) {
    }

    /** One entry of the history. */
    public record Event(int seq, String type, String typeCode, String occurredOn, String recorded, String place,
            String note, boolean superseded, boolean correction, String supersedes, String supersededBy,
            List<Change> changes) {
    }

    /** The person page. */
    public record Page(String id, int version, String name, String nameLang, String script, String status,
            String statusCode, List<Fact> parties, String notifiedOn, boolean seriouslyIll,
            String healthState, List<Section> sections, List<Event> events, String updatedAt) {
    }

    Row row(Person person, LocalDate today, Map<String, Cell> columns, boolean selectable) {
        return new Row(person.publicId(), person.fullName(), nameLanguage(person),
                person.text(PersonField.DATE_OF_BIRTH), person.text(PersonField.RANK),
                msg(MessageKeys.of(person.status())), code(person.status()),
                enumText(person.get(PersonField.CATEGORY)), party(person.text(PersonField.HOLDING_PARTY)),
                party(person.text(PersonField.POWER_OF_ORIGIN)), person.text(PersonField.CAPTURE_DATE),
                Boolean.TRUE.equals(person.get(PersonField.SERIOUSLY_ILL_OR_WOUNDED)) && person.status().inCustody(),
                captivity(person, today),
                columns, selectable);
    }

    /**
     * Time in captivity, from the capture date to the end of custody or to today, in years and months ("2 y 3 m",
     * "2 y", "3 m"); in days when shorter than a month; null without a capture date.
     */
    String captivity(Person person, LocalDate today) {
        if (!(person.get(PersonField.CAPTURE_DATE) instanceof LocalDate captured)) {
            return null;
        }
        LocalDate end = person.custodyEndedOn() != null ? person.custodyEndedOn() : today;
        if (end.isBefore(captured)) {
            return null;
        }
        Period period = Period.between(captured, end);
        if (period.getYears() == 0) {
            return period.getMonths() == 0 ? msg("list.captivity.days", period.getDays())
                    : msg("list.captivity.months", period.getMonths());
        }
        return period.getMonths() == 0 ? msg("list.captivity.years", period.getYears())
                : msg("list.captivity", period.getYears(), period.getMonths());
    }

    Page page(Person person, List<LifecycleEvent> history) {
        String nameLang = nameLanguage(person);
        Map<PersonField.Section, List<Fact>> bySection = new EnumMap<>(PersonField.Section.class);
        for (PersonField field : PersonField.values()) {
            bySection.computeIfAbsent(field.section(), s -> new ArrayList<>()).add(fact(person, field, nameLang));
        }
        // The parties lead the page (in its summary); the other sections follow in the order of PersonField.Section.
        List<Fact> parties = bySection.remove(PersonField.Section.PARTIES);
        List<Section> sections = new ArrayList<>();
        bySection.forEach((section, facts) -> sections.add(new Section(section.name().toLowerCase(Locale.ROOT),
                msg(MessageKeys.of(section)), facts)));
        Script script = person.nameScript() == null ? Script.NONE : person.nameScript();
        return new Page(person.publicId(), person.version(), person.fullName(), nameLang, msg(MessageKeys.of(script)),
                msg(MessageKeys.of(person.status())), code(person.status()),
                parties, person.notifiedOn() == null ? null : person.notifiedOn().toString(),
                // the Art. 110 banner (direct repatriation) is owed to a person held, not to one released or dead
                person.status().inCustody() && Boolean.TRUE.equals(person.get(PersonField.SERIOUSLY_ILL_OR_WOUNDED)),
                enumText(person.get(PersonField.HEALTH_STATE)), sections, events(history, nameLang),
                person.updatedAt() == null ? null : RECORDED.format(person.updatedAt()));
    }

    private Fact fact(Person person, PersonField field, String nameLang) {
        Object value = person.get(field);
        boolean name = field.kind().name().equals(NAME_KIND);
        FactRecord source = person.facts().sources().get(field);
        return new Fact(field.jsonName(), msg(field.messageKey()), value == null ? null : display(field, value),
                name && value != null ? nameLang : null, name, source == null ? null : describe(source),
                source == null ? null : msg("source.hint"), person.withheld().contains(field.jsonName()));
    }

    /** A stored value as the page shows it. */
    private String display(PersonField field, Object value) {
        if (value instanceof Enum<?> constant) {
            return msg(MessageKeys.of(constant));
        }
        if (value instanceof Boolean flag) {
            return msg(flag ? "common.yes" : "common.no");
        }
        return switch (field.kind().name()) {
            case "party" -> party(value.toString());
            case "language" -> language(value.toString());
            default -> value.toString();
        };
    }

    /** A value of a correction as the API wrote it (text, a boolean, or null). */
    private String displayChanged(PersonField field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return msg(flag ? "common.yes" : "common.no");
        }
        Class<? extends Enum<?>> enumType = field.kind().enumType();
        if (enumType != null) {
            String text = value.toString();
            boolean known = Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> c.name().equals(text));
            return known ? msg(MessageKeys.of(enumType, text)) : text;
        }
        return display(field, value);
    }

    /** "Capture card · confirmed · voluntary". */
    private String describe(FactRecord source) {
        List<String> parts = new ArrayList<>();
        if (source.source() != null) {
            parts.add(msg(MessageKeys.of(source.source())));
        }
        if (source.confidence() != null) {
            parts.add(msg(MessageKeys.of(source.confidence())));
        }
        if (source.voluntary() != null) {
            parts.add(msg(source.voluntary() ? "source.voluntary" : "source.notVoluntary"));
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    private List<Event> events(List<LifecycleEvent> history, String nameLang) {
        Map<Long, LifecycleEvent> byId = new LinkedHashMap<>();
        history.forEach(e -> byId.put(e.id(), e));
        Map<Long, LifecycleEvent> supersededBy = new LinkedHashMap<>();
        history.stream().filter(e -> e.supersedes() != null).forEach(e -> supersededBy.put(e.supersedes(), e));
        List<Event> events = new ArrayList<>();
        for (LifecycleEvent e : history) {
            String supersedes = null;
            if (e.supersedes() != null) {
                LifecycleEvent target = byId.get(e.supersedes());
                supersedes = target == null ? msg("event.supersedesUnknown")
                        : msg("event.supersedes", target.seq(), msg(MessageKeys.of(target.type())),
                                target.occurredOn() == null ? "—" : target.occurredOn().toString());
            }
            LifecycleEvent by = supersededBy.get(e.id());
            String supersededByText = e.superseded()
                    ? (by == null ? msg("event.superseded") : msg("event.supersededBy", by.seq())) : null;
            events.add(new Event(e.seq(), msg(MessageKeys.of(e.type())), code(e.type()),
                    e.occurredOn() == null ? null : e.occurredOn().toString(),
                    e.recordedAt() == null ? null : RECORDED.format(e.recordedAt()), e.place(), e.note(),
                    e.superseded(), e.type() == EventType.CORRECTION, supersedes, supersededByText,
                    changes(e.changes(), nameLang)));
        }
        return events;
    }

    private List<Change> changes(Map<String, LifecycleEvent.Change> changes, String nameLang) {
        if (changes == null || changes.isEmpty()) {
            return List.of();
        }
        List<Change> result = new ArrayList<>();
        changes.forEach((name, change) -> {
            PersonField field = PersonField.byJsonName(name).orElse(null);
            if (field != null) {
                boolean isName = field.kind().name().equals(NAME_KIND);
                result.add(new Change(msg(field.messageKey()), displayChanged(field, change.from()),
                        displayChanged(field, change.to()), isName ? nameLang : null, isName));
            } else if (change.from() instanceof Map<?, ?> || change.to() instanceof Map<?, ?>) {
                result.addAll(sourceChanges(asMap(change.from()), asMap(change.to())));
            } else {
                result.add(new Change(name, Objects.toString(change.from(), null), Objects.toString(change.to(), null),
                        null, false));
            }
        });
        return result;
    }

    /** A change of the sources: one line per fact whose source changed. */
    private List<Change> sourceChanges(Map<?, ?> from, Map<?, ?> to) {
        Set<Object> fields = new LinkedHashSet<>(from.keySet());
        fields.addAll(to.keySet());
        List<Change> result = new ArrayList<>();
        for (Object name : fields) {
            Object before = from.get(name);
            Object after = to.get(name);
            if (Objects.equals(before, after)) {
                continue;
            }
            String label = PersonField.byJsonName(String.valueOf(name)).map(f -> msg(f.messageKey()))
                    .orElse(String.valueOf(name));
            result.add(new Change(msg("change.sourceOf", label), describeJson(before), describeJson(after), null,
                    false));
        }
        return result;
    }

    private String describeJson(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value == null ? null : value.toString();
        }
        FactSource source = constant(FactSource.class, map.get("source"));
        Confidence confidence = constant(Confidence.class, map.get("confidence"));
        Object voluntary = map.get("voluntary");
        return describe(new FactRecord(source, confidence, voluntary instanceof Boolean b ? b : null));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, Object name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static Map<?, ?> asMap(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private String enumText(Object value) {
        return value instanceof Enum<?> constant ? msg(MessageKeys.of(constant)) : null;
    }

    /** An organisation's name; its code if it is not known (never happens for stored records). */
    String party(String code) {
        return code == null ? null : organisationNames.getOrDefault(code, code);
    }

    /** "Ukrainian (uk)", in the reader's language. */
    private String language(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(locale);
        return name.isEmpty() || name.equals(tag) ? tag : name + " (" + tag + ")";
    }

    /** The language tag of the names as written, if it is a well-formed tag. */
    private static String nameLanguage(Person person) {
        String tag = person.text(PersonField.NAME_LANGUAGE);
        if (tag == null || !tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            return null;
        }
        return tag;
    }

    private static String code(Enum<?> value) {
        return value == null ? "none" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
