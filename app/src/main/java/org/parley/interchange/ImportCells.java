package org.parley.interchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DateUtil;
import org.parley.api.TextCheck;
import org.parley.registry.PartialDate;
import org.parley.registry.PersonField;
import org.parley.registry.Sex;

/**
 * Turns the text of one cell into the value of a field, or says why it cannot: dates as DD.MM.YYYY, YYYY-MM-DD,
 * partial (MM.YYYY, YYYY-MM, YYYY) where the field allows them, or an Excel serial day number; choices by their
 * names in any case (and the sex also as M/F, Ч/Ж, М/Ж…); yes/no in the three languages; text through
 * {@link TextCheck} and the field's length. Names are kept exactly as written; a Cyrillic name with Latin letters
 * that look the same (Шевченкo with a Latin o) is kept and flagged.
 */
public final class ImportCells {

    /** A cell's value, or its problem; a warning may come with a value. */
    public record Cell(Object value, String problem, String warning) {
        static Cell of(Object value) {
            return new Cell(value, null, null);
        }

        static Cell refused(String problem) {
            return new Cell(null, problem, null);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern MONTH_DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{4})");
    private static final Pattern ISO = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern SERIAL = Pattern.compile("(\\d{5})(\\.0+)?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    private static final String DATE_FORMS = "is not a date (write DD.MM.YYYY or YYYY-MM-DD)";
    private static final String PARTIAL_FORMS = "is not a date (write DD.MM.YYYY, YYYY-MM-DD, MM.YYYY, YYYY-MM or YYYY)";

    private static final Map<String, Sex> SEXES = Map.ofEntries(Map.entry("m", Sex.MALE), Map.entry("male", Sex.MALE),
            Map.entry("м", Sex.MALE), Map.entry("ч", Sex.MALE), Map.entry("чол", Sex.MALE),
            Map.entry("чоловіча", Sex.MALE), Map.entry("чоловік", Sex.MALE), Map.entry("муж", Sex.MALE),
            Map.entry("мужской", Sex.MALE), Map.entry("f", Sex.FEMALE), Map.entry("female", Sex.FEMALE),
            Map.entry("ж", Sex.FEMALE), Map.entry("жін", Sex.FEMALE), Map.entry("жіноча", Sex.FEMALE),
            Map.entry("жінка", Sex.FEMALE), Map.entry("жен", Sex.FEMALE), Map.entry("женский", Sex.FEMALE));
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(Map.entry("true", true),
            Map.entry("yes", true), Map.entry("y", true), Map.entry("1", true), Map.entry("x", true),
            Map.entry("+", true), Map.entry("так", true), Map.entry("да", true), Map.entry("false", false),
            Map.entry("no", false), Map.entry("n", false), Map.entry("0", false), Map.entry("-", false),
            Map.entry("ні", false), Map.entry("нет", false));

    /** Latin letters that look like Cyrillic ones. */
    private static final String LOOK_ALIKES = "AaBCcEeHIiKMOoPpTXxYy";

    private ImportCells() {
    }

    /** The value of a person's field from a cell's text (not blank). */
    public static Cell person(PersonField field, String text) {
        String kind = field.kind().name();
        return switch (kind) {
            case "partialDate" -> partialDate(text.strip());
            case "date" -> date(text.strip());
            case "boolean" -> {
                Boolean value = BOOLEANS.get(text.strip().toLowerCase(Locale.ROOT));
                yield value == null ? Cell.refused("is not yes or no (write yes, no, так, ні, да, нет, 1 or 0)")
                        : Cell.of(value);
            }
            case "enum" -> choice(field, text.strip());
            case "language" -> LANGUAGE.matcher(text.strip()).matches() ? Cell.of(text.strip())
                    : Cell.refused("is not a language tag (uk, ru, en…)");
            case "party" -> Cell.of(text.strip());
            default -> text(text, field.textKind(), field.kind().maxLength(), field.kind().name().equals("name"));
        };
    }

    /** A one-line or multi-line text of at most {@code maxLength} characters; a name is checked for look-alikes. */
    public static Cell text(String text, TextCheck.Kind kind, int maxLength, boolean name) {
        TextCheck.Result checked = TextCheck.check(text, kind);
        if (checked.problem() != null) {
            return Cell.refused(checked.problem());
        }
        if (checked.text().codePointCount(0, checked.text().length()) > maxLength) {
            return Cell.refused("is longer than " + maxLength + " characters");
        }
        return new Cell(checked.text().isEmpty() ? null : checked.text(), null, name ? lookAlikes(checked.text()) : null);
    }

    /** A whole date: DD.MM.YYYY, YYYY-MM-DD or an Excel day number; not in the future. */
    public static Cell date(String text) {
        Cell partial = partialDate(text);
        if (!partial.ok()) {
            return partial.problem().equals(PARTIAL_FORMS) ? Cell.refused(DATE_FORMS) : partial;
        }
        PartialDate date = (PartialDate) partial.value();
        if (date.day() == null) {
            return Cell.refused("is not a whole date: this field needs the day, month and year");
        }
        return Cell.of(date.earliest());
    }

    /** A date that may be partial: DD.MM.YYYY, MM.YYYY, YYYY-MM-DD, YYYY-MM, YYYY, or an Excel day number. */
    public static Cell partialDate(String text) {
        PartialDate date;
        Matcher dotted = DOTTED.matcher(text);
        Matcher monthDotted = MONTH_DOTTED.matcher(text);
        Matcher serial = SERIAL.matcher(text);
        try {
            if (dotted.matches()) {
                date = PartialDate.parse(String.format("%s-%02d-%02d", dotted.group(3),
                        Integer.parseInt(dotted.group(2)), Integer.parseInt(dotted.group(1))));
            } else if (monthDotted.matches()) {
                date = PartialDate.parse(String.format("%s-%02d", monthDotted.group(2),
                        Integer.parseInt(monthDotted.group(1))));
            } else if (ISO.matcher(text).matches()) {
                date = PartialDate.parse(text);
            } else if (serial.matches()) {
                // Excel counts days from 1900 (its serial 1 is 1900-01-01): a date cell saved as a number
                date = PartialDate.parse(DateUtil.getLocalDateTime(Double.parseDouble(text)).toLocalDate().toString());
            } else {
                return Cell.refused(PARTIAL_FORMS);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            return Cell.refused("is not a date");
        }
        if (date.year() < 1900) {
            return Cell.refused("is not a date after 1900");
        }
        if (date.earliest().isAfter(LocalDate.now())) {
            return Cell.refused("is in the future");
        }
        return Cell.of(date);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Cell choice(PersonField field, String text) {
        Class<? extends Enum> type = field.kind().enumType();
        if (type == Sex.class && SEXES.containsKey(text.toLowerCase(Locale.ROOT))) {
            return Cell.of(SEXES.get(text.toLowerCase(Locale.ROOT)));
        }
        String name = text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Enum constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return Cell.of(constant);
            }
        }
        return Cell.refused("is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }

    /**
     * Latin letters that look like Cyrillic inside a word that is otherwise Cyrillic (Шевченкo with a Latin o):
     * the name is kept as written, and this says where they are; null when there are none.
     */
    public static String lookAlikes(String name) {
        StringBuilder found = new StringBuilder();
        int position = 0;
        for (String word : name.split("(?<=\\s)|(?=\\s)")) {
            boolean cyrillic = word.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC);
            int[] points = word.codePoints().toArray();
            for (int i = 0; i < points.length; i++) {
                if (cyrillic && LOOK_ALIKES.indexOf(points[i]) >= 0) {
                    found.append(found.isEmpty() ? "" : ", ").appendCodePoint(points[i]).append(" at character ")
                            .append(position + i + 1);
                }
            }
            position += points.length;
        }
        return found.isEmpty() ? null : "has Latin letters among Cyrillic ones (" + found + "): kept as written";
    }
}
