package org.parley.registry;

import com.ibm.icu.lang.UCharacter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.parley.api.FieldError;
import org.parley.api.JsonInput;
import org.parley.api.TextCheck;

/**
 * The facts form of the registrar's desk, for registering a person and correcting a record: every fact of
 * {@link PersonField} as typed, with its source, confidence and whether it was given voluntarily, and one source and
 * confidence for the whole form that each new or changed fact takes unless another is chosen beside it. Reading it
 * gives the facts, or each problem in the reader's language, named by the field's label, next to its field; the
 * API's own reading ({@link PersonJson}) then checks the result again, so that the form never stores what the API
 * would refuse.
 */
final class PersonForm {

    static final String DEFAULT_SOURCE = "defaultSource";
    static final String DEFAULT_CONFIDENCE = "defaultConfidence";
    static final String SOURCE = "source.";
    static final String CONFIDENCE = "confidence.";
    static final String VOLUNTARY = "voluntary.";
    /** The value of a ticked check box (seriouslyIllOrWounded). */
    static final String TICKED = "true";

    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Translates a message key with its arguments into the reader's language. */
    interface Messages extends BiFunction<String, Object[], String> {
    }

    /** The facts read, or the problems by field (JSON name), each a sentence naming the field's label. */
    record Read(PersonInput facts, Map<String, List<String>> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Map<String, String> entered;

    private PersonForm(Map<String, String> entered) {
        this.entered = entered;
    }

    /** An empty form: the facts of a capture card, confirmed, unless the registrar says otherwise. */
    static PersonForm blank() {
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put(DEFAULT_SOURCE, FactSource.CAPTURE_CARD.name());
        entered.put(DEFAULT_CONFIDENCE, Confidence.CONFIRMED.name());
        return new PersonForm(entered);
    }

    /** The form as posted: only its own parameters are kept. */
    static PersonForm of(Map<String, String> parameters) {
        Map<String, String> entered = new LinkedHashMap<>();
        for (String name : List.of(DEFAULT_SOURCE, DEFAULT_CONFIDENCE)) {
            entered.put(name, parameters.getOrDefault(name, ""));
        }
        for (PersonField field : PersonField.values()) {
            for (String prefix : List.of("", SOURCE, CONFIDENCE, VOLUNTARY)) {
                String value = parameters.get(prefix + field.jsonName());
                if (value != null) {
                    entered.put(prefix + field.jsonName(), value);
                }
            }
        }
        return new PersonForm(entered);
    }

    /** A stored record's facts in the form, to be corrected. */
    static PersonForm of(PersonInput facts) {
        PersonForm form = blank();
        for (PersonField field : PersonField.values()) {
            Object value = facts.get(field);
            if (value != null && !Boolean.FALSE.equals(value)) {
                form.entered.put(field.jsonName(), value instanceof Enum<?> constant ? constant.name()
                        : value.toString());
            }
            FactRecord source = facts.sources().get(field);
            if (source != null) {
                form.entered.put(SOURCE + field.jsonName(), source.source().name());
                form.entered.put(CONFIDENCE + field.jsonName(),
                        source.confidence() == null ? "" : source.confidence().name());
                form.entered.put(VOLUNTARY + field.jsonName(),
                        source.voluntary() == null ? "" : source.voluntary().toString());
            }
        }
        return form;
    }

    /** The value of a parameter as typed, or the empty string. */
    String value(String name) {
        return entered.getOrDefault(name, "");
    }

    /**
     * Reads the facts.
     *
     * @param holdingParty the party that holds the person: the registrar's own, never taken from the form
     * @param parties the codes of the parties a person can come from
     * @param before the record as stored, for a correction (its unchanged facts keep their sources as they are);
     *        null for a registration
     */
    Read read(String holdingParty, Set<String> parties, PersonInput before, Messages messages) {
        Errors errors = new Errors(messages);
        Map<PersonField, Object> values = new EnumMap<>(PersonField.class);
        values.put(PersonField.HOLDING_PARTY, holdingParty);
        for (PersonField field : PersonField.values()) {
            if (field != PersonField.HOLDING_PARTY) {
                Object value = readValue(field, value(field.jsonName()), holdingParty, parties, errors);
                if (value != null) {
                    values.put(field, value);
                }
            }
        }
        if (values.get(PersonField.SURNAME) == null && !errors.has(PersonField.SURNAME)) {
            errors.add(PersonField.SURNAME, "form.error.required");
        }
        if (values.get(PersonField.DATE_OF_BIRTH) instanceof PartialDate born
                && values.get(PersonField.CAPTURE_DATE) instanceof LocalDate captured
                && born.earliest().isAfter(captured)) {
            errors.add(PersonField.CAPTURE_DATE, "form.error.captureBeforeBirth", captured.toString(),
                    born.toString());
        }
        FactSource defaultSource = choice(DEFAULT_SOURCE, FactSource.class, null, errors);
        Confidence defaultConfidence = choice(DEFAULT_CONFIDENCE, Confidence.class, null, errors);
        Map<PersonField, FactRecord> sources = new EnumMap<>(PersonField.class);
        for (PersonField field : PersonField.values()) {
            FactRecord source = readSource(field, values.get(field), before, defaultSource, defaultConfidence,
                    errors);
            if (source != null) {
                sources.put(field, source);
            }
        }
        PersonInput facts = new PersonInput(values, sources);
        if (errors.isEmpty()) {
            checkAsTheApiDoes(facts, errors);
        }
        return new Read(facts, errors.byField);
    }

    /**
     * The source of a fact: the one chosen beside it; else, for a fact that is new or changed, the form's. A fact
     * left as it was keeps its source as it was (the form shows it), so an unchanged form changes nothing.
     */
    private FactRecord readSource(PersonField field, Object value, PersonInput before, FactSource defaultSource,
            Confidence defaultConfidence, Errors errors) {
        if (field == PersonField.HOLDING_PARTY) {
            // not a fact learnt from a source: the registrar's own party, which the form does not ask for
            return before == null ? null : before.sources().get(field);
        }
        String name = field.jsonName();
        FactSource source = choice(SOURCE + name, FactSource.class, field, errors);
        Confidence confidence = choice(CONFIDENCE + name, Confidence.class, field, errors);
        Boolean voluntary = switch (value(VOLUNTARY + name)) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(field, "form.error.choice", value(VOLUNTARY + name));
                yield null;
            }
        };
        boolean known = value != null && !Boolean.FALSE.equals(value);
        boolean changed = before == null || !Objects.equals(before.get(field), value);
        if (known && changed) {
            source = source == null ? defaultSource : source;
            confidence = confidence == null ? defaultConfidence : confidence;
        }
        return source == null ? null : new FactRecord(source, confidence, voluntary);
    }

    private Object readValue(PersonField field, String typed, String holdingParty, Set<String> parties,
            Errors errors) {
        if (field.kind().name().equals("boolean")) {
            return TICKED.equals(typed);
        }
        if (typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        return switch (field.kind().name()) {
            case "enum" -> enumValue(field, text, errors);
            case "party" -> {
                if (!parties.contains(text)) {
                    errors.add(field, "form.error.choice", text);
                    yield null;
                }
                if (text.equals(holdingParty)) {
                    errors.add(field, "form.error.originIsHolder");
                    yield null;
                }
                yield text;
            }
            case "date" -> {
                LocalDate date = null;
                if (FULL_DATE.matcher(text).matches()) {
                    try {
                        date = LocalDate.parse(text);
                    } catch (DateTimeException e) {
                        // reported below
                    }
                }
                if (date == null) {
                    errors.add(field, "form.error.date", text);
                    yield null;
                }
                yield inThePast(field, date, errors) ? date : null;
            }
            case "partialDate" -> {
                try {
                    PartialDate date = PartialDate.parse(text);
                    yield inThePast(field, date.earliest(), errors) ? date : null;
                } catch (IllegalArgumentException e) {
                    errors.add(field, "form.error.partialDate", text);
                    yield null;
                }
            }
            case "language" -> {
                if (!LANGUAGE_TAG.matcher(text).matches() || text.length() > field.kind().maxLength()) {
                    errors.add(field, "form.error.language", text);
                    yield null;
                }
                yield text;
            }
            default -> text(field, typed, errors);
        };
    }

    private static Object enumValue(PersonField field, String text, Errors errors) {
        for (Enum<?> constant : field.kind().enumType().getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        errors.add(field, "form.error.choice", text);
        return null;
    }

    private static boolean inThePast(PersonField field, LocalDate date, Errors errors) {
        if (date.isAfter(LocalDate.now())) {
            errors.add(field, "form.error.future", date.toString());
            return false;
        }
        if (date.isBefore(EARLIEST)) {
            errors.add(field, "form.error.tooEarly", date.toString());
            return false;
        }
        return true;
    }

    /** Where a check puts what it refuses: a message key and its arguments (the label comes first, added there). */
    interface Problem {
        void add(String key, Object... args);
    }

    private static String text(PersonField field, String typed, Errors errors) {
        return checkedText(typed, field.textKind(), field.kind().maxLength(), (key, args) -> errors.add(field, key,
                args));
    }

    /**
     * Text checked and tidied as the API does ({@link TextCheck}), or null; blank is null. A refused character is
     * named with its code point and place, in the reader's language.
     */
    static String checkedText(String typed, TextCheck.Kind kind, int maxLength, Problem problem) {
        TextCheck.Result checked = TextCheck.check(typed, kind);
        if (checked.problem() != null) {
            int position = 0;
            for (int i = 0; i < typed.length(); ) {
                int cp = typed.codePointAt(i);
                i += Character.charCount(cp);
                position++;
                // a character refused inside the text (white space at either end is only stripped)
                String inside = "a" + new String(Character.toChars(cp)) + "a";
                if (TextCheck.check(inside, kind).problem() != null) {
                    String name = UCharacter.getName(cp);
                    String character = String.format("U+%04X", cp) + (name == null ? "" : " " + name);
                    problem.add("form.error.character", character, position);
                    return null;
                }
            }
            problem.add("form.error.other", checked.problem());
            return null;
        }
        String text = checked.text();
        if (text.codePointCount(0, text.length()) > maxLength) {
            problem.add("form.error.tooLong", maxLength);
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** A choice of a drop-down list: empty is none; anything but a constant's name is an error of {@code field}. */
    private <E extends Enum<E>> E choice(String parameter, Class<E> type, PersonField field, Errors errors) {
        String text = value(parameter).strip();
        if (text.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        if (field == null) {
            errors.addOther(parameter, "form.error.choice", text);
        } else {
            errors.add(field, "form.error.choice", text);
        }
        return null;
    }

    /** The API's reading of the same facts: whatever it would refuse is refused here too (in its own words). */
    private static void checkAsTheApiDoes(PersonInput facts, Errors errors) {
        JsonInput in = new JsonInput();
        PersonJson.read(PersonJson.writeFacts(facts), Set.of(), in);
        try {
            in.throwIfAny();
        } catch (org.parley.api.InvalidInputException e) {
            e.errors().forEach(errors::addFieldError);
        }
    }

    /**
     * What a registration's check for namesakes looked at (the names and the date of birth), as a digest: a
     * registrar who confirms "register anyway" confirms for these, and a name changed afterwards is checked again.
     */
    static String fingerprint(PersonInput facts) {
        StringBuilder text = new StringBuilder();
        for (PersonField field : List.of(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.PATRONYMIC,
                PersonField.DATE_OF_BIRTH)) {
            text.append(Objects.toString(facts.get(field), "")).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Problems by field, each a sentence beginning with the field's label in the reader's language. */
    static final class Errors {

        /** The parameters besides the facts that have a label ({@code form.label.NAME}). */
        static final Set<String> LABELLED = Set.of(DEFAULT_SOURCE, DEFAULT_CONFIDENCE, "reason", "type",
                "occurredOn", "place", "note");

        private final Messages messages;
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        Errors(Messages messages) {
            this.messages = messages;
        }

        void add(PersonField field, String key, Object... args) {
            addAt(field.jsonName(), label(field), key, args);
        }

        /** A problem of a parameter that is not a fact (the form's source, a reason), labelled by its message key. */
        void addOther(String parameter, String key, Object... args) {
            addAt(parameter, messages.apply("form.label." + parameter, new Object[0]), key, args);
        }

        /**
         * A problem as the API or the registry states it: under its field's label (a source's under its fact's), in
         * the API's words, the best there is for a rule the form did not check first.
         */
        void addFieldError(FieldError error) {
            String name = error.field().startsWith(PersonJson.SOURCES + ".")
                    ? error.field().split("\\.")[1] : error.field();
            PersonField field = PersonField.byJsonName(name).orElse(null);
            if (field == null) {
                String label = LABELLED.contains(name) ? messages.apply("form.label." + name, new Object[0]) : name;
                addAt(name, label, "form.error.other", error.reason());
            } else {
                add(field, "form.error.other", error.reason());
            }
        }

        boolean has(PersonField field) {
            return byField.containsKey(field.jsonName());
        }

        boolean isEmpty() {
            return byField.isEmpty();
        }

        Map<String, List<String>> byField() {
            return byField;
        }

        private String label(PersonField field) {
            return messages.apply(field.messageKey(), new Object[0]);
        }

        private void addAt(String name, String label, String key, Object... args) {
            Object[] withLabel = new Object[args.length + 1];
            withLabel[0] = label;
            System.arraycopy(args, 0, withLabel, 1, args.length);
            byField.computeIfAbsent(name, n -> new ArrayList<>()).add(messages.apply(key, withLabel));
        }
    }
}
