package org.parley.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.api.MessageKeys;
import org.parley.api.TextCheck;
import org.springframework.context.MessageSource;

/**
 * The facts form as the templates show it ({@code registry/person-form.html}): its fields grouped as on the capture
 * card of GC III Annex IV A — the parties, then identity, service, capture, internment, health, next of kin — each
 * with its label, value as typed, problems, and source choosers, in the reader's language.
 */
final class PersonFormView {

    /** One choice of a drop-down list. */
    record Option(String value, String label) {
    }

    /**
     * One field: {@code kind} is how it is entered (text, textarea, select, checkbox, date, partialDate, language,
     * fixed); {@code current} is, after a version conflict, what is recorded now where it differs from the value
     * typed; {@code sourceSummary} what the source chooser holds.
     */
    record Widget(String name, String label, String kind, String value, List<Option> options, int maxLength,
            boolean required, boolean nameField, String hint, List<String> errors, String current, String source,
            String confidence, String voluntary, String sourceSummary) {

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public String errorId() {
            return "error-" + name;
        }
    }

    /** A part of the form: a section of the record. */
    record Group(String id, String title, List<Widget> fields) {
    }

    /** The choosers of a fact's source, and the form-wide defaults. */
    record SourceChoices(List<Option> sources, List<Option> confidences, List<Option> voluntary,
            String defaultSource, String defaultConfidence) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final List<Organisation> organisations;

    PersonFormView(MessageSource messages, Locale locale, List<Organisation> organisations) {
        this.messages = messages;
        this.locale = locale;
        this.organisations = organisations;
    }

    /**
     * The groups of fields.
     *
     * @param holdingParty the code of the party that holds the person, shown but not entered
     * @param current the record as stored now, to show beside each field that differs (a version conflict); or null
     */
    List<Group> groups(PersonForm form, String holdingParty, Map<String, List<String>> errors, PersonInput current) {
        Map<PersonField.Section, List<Widget>> bySection = new EnumMap<>(PersonField.Section.class);
        bySection.put(PersonField.Section.PARTIES, new ArrayList<>());
        for (PersonField field : PersonField.values()) {
            bySection.computeIfAbsent(field.section(), s -> new ArrayList<>())
                    .add(widget(form, field, holdingParty, errors.getOrDefault(field.jsonName(), List.of()), current));
        }
        List<Group> groups = new ArrayList<>();
        bySection.forEach((section, widgets) -> groups.add(new Group(section.name().toLowerCase(Locale.ROOT),
                msg(MessageKeys.of(section)), List.copyOf(widgets))));
        return groups;
    }

    SourceChoices sourceChoices(PersonForm form) {
        List<Option> voluntary = List.of(new Option("", msg("form.voluntary.unknown")),
                new Option("true", msg("form.voluntary.yes")), new Option("false", msg("form.voluntary.no")));
        return new SourceChoices(options(FactSource.values()), options(Confidence.values()), voluntary,
                form.value(PersonForm.DEFAULT_SOURCE), form.value(PersonForm.DEFAULT_CONFIDENCE));
    }

    private Widget widget(PersonForm form, PersonField field, String holdingParty, List<String> errors,
            PersonInput current) {
        String name = field.jsonName();
        String value = form.value(name);
        List<Option> options = List.of();
        String hint = null;
        String kind = switch (field.kind().name()) {
            case "enum" -> {
                options = options(field.kind().enumType().getEnumConstants());
                yield "select";
            }
            case "party" -> {
                if (field == PersonField.HOLDING_PARTY) {
                    value = partyName(holdingParty);
                    yield "fixed";
                }
                options = organisations.stream().filter(o -> o.kind() == OrganisationKind.PARTY)
                        .filter(o -> !o.code().equals(holdingParty)).map(o -> new Option(o.code(), o.name())).toList();
                yield "select";
            }
            case "boolean" -> "checkbox";
            case "date" -> {
                hint = msg("form.dateHint");
                yield "date";
            }
            case "partialDate" -> {
                hint = msg("form.partialDateHint");
                yield "partialDate";
            }
            case "language" -> {
                hint = msg("form.languageHint");
                yield "language";
            }
            default -> field.textKind() == TextCheck.Kind.MULTI_LINE ? "textarea" : "text";
        };
        boolean sourced = field != PersonField.HOLDING_PARTY;
        String source = sourced ? form.value(PersonForm.SOURCE + name) : "";
        String confidence = sourced ? form.value(PersonForm.CONFIDENCE + name) : "";
        String voluntary = sourced ? form.value(PersonForm.VOLUNTARY + name) : "";
        return new Widget(name, msg(field.messageKey()), kind, value, options, field.kind().maxLength(),
                field == PersonField.SURNAME, field.kind().name().equals("name"), hint, errors,
                current == null ? null : currentIfDifferent(field, value, current), sourced ? source : null,
                confidence, voluntary, sourced ? sourceSummary(source, confidence, voluntary) : null);
    }

    /** "Capture card · confirmed", or "as above" when the fact takes the form's source. */
    private String sourceSummary(String source, String confidence, String voluntary) {
        if (source.isEmpty()) {
            return msg("form.sourceAsDefault");
        }
        List<String> parts = new ArrayList<>();
        parts.add(label(FactSource.class, source));
        if (!confidence.isEmpty()) {
            parts.add(label(Confidence.class, confidence));
        }
        if (voluntary.equals("true") || voluntary.equals("false")) {
            parts.add(msg(voluntary.equals("true") ? "source.voluntary" : "source.notVoluntary"));
        }
        return String.join(" · ", parts);
    }

    /** What is recorded now, as the person page shows it, when it is not what the form holds. */
    private String currentIfDifferent(PersonField field, String typed, PersonInput current) {
        if (field == PersonField.HOLDING_PARTY) {
            return null;
        }
        PersonForm stored = PersonForm.of(current);
        String now = stored.value(field.jsonName());
        if (now.strip().equals(typed.strip())) {
            return null;
        }
        Object value = current.get(field);
        if (value == null) {
            return msg("correct.nowNone");
        }
        return msg("correct.now", shown(field, value));
    }

    private String shown(PersonField field, Object value) {
        if (value instanceof Enum<?> constant) {
            return msg(MessageKeys.of(constant));
        }
        if (value instanceof Boolean flag) {
            return msg(flag ? "common.yes" : "common.no");
        }
        return field.kind().name().equals("party") ? partyName(value.toString()) : value.toString();
    }

    private String partyName(String code) {
        return organisations.stream().filter(o -> o.code().equals(code)).map(Organisation::name).findFirst()
                .orElse(code);
    }

    private List<Option> options(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> new Option(v.name(), msg(MessageKeys.of(v)))).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String label(Class<? extends Enum> type, String name) {
        boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name));
        return known ? msg(MessageKeys.of((Class) type, name)) : name;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
