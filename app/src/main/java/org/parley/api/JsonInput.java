package org.parley.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed values out of a JSON request body and collects every problem with the field it belongs to, so
 * that one answer lists all that is wrong. A JSON null and an absent member both read as null.
 */
public final class JsonInput {

    private final List<FieldError> errors = new ArrayList<>();

    public void error(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Whether a problem was already recorded for this field (so that "is required" is not said twice). */
    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /**
     * Refuses a body that is not a JSON object (at once) and every member not among {@code members}: a misspelt
     * field must not be silently ignored.
     */
    public void onlyMembers(JsonNode body, Set<String> members) {
        if (body == null || !body.isObject()) {
            error("body", "must be a JSON object");
            throwIfAny();
        }
        body.properties().forEach(member -> {
            if (!members.contains(member.getKey())) {
                error(member.getKey(), "is not one of " + String.join(", ", new TreeSet<>(members)));
            }
        });
    }

    /** The value, or a "required" error for the field if it is missing and nothing else was said of it. */
    public <T> T required(T value, String field) {
        if (value == null && !hasErrorFor(field)) {
            error(field, "is required");
        }
        return value;
    }

    /** Throws an {@link InvalidInputException} with everything collected so far, if anything was. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * A password exactly as typed: never stripped nor checked as text, so that the API and the login form, which
     * takes it as typed, agree on every password; empty reads as null.
     */
    public String secret(JsonNode node, String field, int maxLength) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            return wrongType(field, "a string", node);
        }
        String secret = node.stringValue();
        if (secret.length() > maxLength) {
            error(field, "is longer than " + maxLength + " characters");
            return null;
        }
        return secret.isEmpty() ? null : secret;
    }

    /**
     * The internal key of a record a body names by its public id ({@link PublicIds}); anything that is not one of
     * this kind is an error of the field, with {@code unknown} as its reason.
     */
    public Long publicId(JsonNode node, String field, PublicIds ids, PublicIds.Kind kind, String unknown) {
        String text = text(node, field, 100);
        if (text == null) {
            return null;
        }
        try {
            return ids.parse(kind, text);
        } catch (NotFoundException notOne) {
            error(field, unknown);
            return null;
        }
    }

    /** One line of text, checked and tidied by {@link TextCheck}; blank reads as null. */
    public String text(JsonNode node, String field, int maxLength) {
        return text(node, field, maxLength, TextCheck.Kind.LINE);
    }

    /** Text of a kind (a name, one line, several lines), checked and tidied by {@link TextCheck}. */
    public String text(JsonNode node, String field, int maxLength, TextCheck.Kind kind) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            return wrongType(field, "a string", node);
        }
        return text(node.stringValue(), field, maxLength, kind);
    }

    /** Text from a form field or a query parameter, checked as a JSON string is; blank or null reads as null. */
    public String text(String value, String field, int maxLength, TextCheck.Kind kind) {
        if (value == null) {
            return null;
        }
        TextCheck.Result checked = TextCheck.check(value, kind);
        if (checked.problem() != null) {
            error(field, checked.problem());
            return null;
        }
        String text = checked.text();
        if (text.codePointCount(0, text.length()) > maxLength) {
            error(field, "is longer than " + maxLength + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** One of an enum's constants, written exactly as the API documents them. */
    public <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            return wrongType(field, "a string", node);
        }
        return enumValue(node.stringValue(), field, type);
    }

    /** Parses an enum constant from text (a JSON string or a query parameter). */
    public <E extends Enum<E>> E enumValue(String value, String field, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            error(field, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    /** A full date, YYYY-MM-DD. */
    public LocalDate date(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            return wrongType(field, "a date string YYYY-MM-DD", node);
        }
        return date(node.stringValue(), field);
    }

    /** Parses a full date YYYY-MM-DD from text, with a reason that says what is wrong with it. */
    public LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            String reason = e.getMessage().contains("Invalid date") || e.getMessage().contains("Invalid value")
                    ? e.getMessage().replaceFirst("^Text '[^']*' could not be parsed: ", "").toLowerCase(Locale.ROOT)
                    : "write YYYY-MM-DD";
            error(field, "'" + value + "' is not a date: " + reason);
            return null;
        }
    }

    public Boolean bool(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            return wrongType(field, "true or false", node);
        }
        return node.booleanValue();
    }

    /** A whole number that fits a long. */
    public Long integer(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            return wrongType(field, "a whole number", node);
        }
        return node.longValue();
    }

    /** A whole number from a query parameter, from {@code min} to {@code max}; {@code absent} when not given. */
    public int intParameter(String value, String field, int min, int max, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(field, "'" + value + "' is not a whole number from " + min + " to " + max);
        return absent;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private <T> T wrongType(String field, String expected, JsonNode node) {
        error(field, "must be " + expected + ", not " + describe(node));
        return null;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
