package org.parley.interchange;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.api.MessageKeys;
import org.parley.registry.PersonField;
import org.springframework.context.MessageSource;

/**
 * The import engine's words (English, as the command line and the API give them) in the page reader's language:
 * the problems of rows ({@code line 17, Date of birth: “31.02.1990” is not a date}), why a file cannot be read, and
 * the fields' labels (the {@code field.*} keys of the registrar's pages). A text the table below does not know is
 * shown as the engine wrote it, so that nothing is hidden.
 */
final class ImportPageTexts {

    /** An engine text and the message key that says it; the pattern's groups are the message's arguments. */
    private record Known(Pattern pattern, String key) {
    }

    private static final List<Known> REASONS = List.of(
            known("is not a date \\(write DD\\.MM\\.YYYY or YYYY-MM-DD\\)", "dateForms"),
            known("is not a date \\(write DD\\.MM\\.YYYY, YYYY-MM-DD, MM\\.YYYY, YYYY-MM or YYYY\\)",
                    "partialDateForms"),
            known("is not a whole date: .*", "wholeDate"),
            known("is not a date after 1900", "before1900"),
            known("is not a date", "notDate"),
            known("is in the future", "future"),
            known("is not yes or no .*", "yesNo"),
            known("is not a language tag .*", "languageTag"),
            known("is longer than (\\d+) characters", "tooLong"),
            known("is not one of (.*)", "notOneOf"),
            known("is not the party this import is for \\((.*)\\)", "otherParty"),
            known("is the holding party itself", "holdingItself"),
            known("is not a known party's code", "unknownParty"),
            known("is required.*", "required"),
            known("has Latin letters among Cyrillic ones \\((.*)\\): kept as written", "lookAlikes"));

    private static final List<Known> FILE_ERRORS = List.of(
            known("the file is empty", "empty"),
            known("the file has no rows", "noRows"),
            known("the file looks like UTF-16 without a byte order mark.*", "utf16"),
            known("the file is neither UTF-8 nor Windows-1251 Cyrillic.*", "encoding"),
            known("encoding: '(.*)' is not an encoding Parley knows.*", "unknownEncoding"),
            known("line (\\d+): the text is not valid (\\S+):.*", "notValidText"),
            known("the file is an old Excel workbook.*", "oldExcel"),
            known("the file is not an Excel workbook that can be read.*", "badWorkbook"),
            known("line (\\d+): a quoted cell is never closed.*", "unclosedQuote"),
            known("line (\\d+): text after a quoted cell.*", "textAfterQuote"),
            known("line (\\d+): the file cannot be read as CSV", "badCsv"),
            known("line (\\d+): no column is the surname or the prisoner number.*", "noKeyColumn"),
            known("mapping: two columns map to (\\S+)", "twoColumns"),
            known("events: the header must name the columns.*", "eventsHeader"));

    private final MessageSource messages;
    private final Locale locale;

    ImportPageTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** A field's label: {@code date_of_birth} → "Date of birth"; a header that is no field stays as written. */
    String label(String field) {
        if (field == null) {
            return "";
        }
        PersonField known = ImportColumns.field(field);
        return known == null ? field : messages.getMessage(known.messageKey(), null, field, locale);
    }

    /**
     * A value as read, as the registrar's pages show it: a choice (sex, category…) in words, yes or no, a party by
     * its name, a language by its name; anything else as read.
     */
    String value(String field, Object value, Map<String, String> partyNames) {
        PersonField known = ImportColumns.field(field);
        if (value instanceof Boolean flag) {
            return message(flag ? "common.yes" : "common.no");
        }
        String text = value.toString();
        if (known == null) {
            return text;
        }
        Class<? extends Enum<?>> choices = known.kind().enumType();
        if (choices != null && Arrays.stream(choices.getEnumConstants()).anyMatch(c -> c.name().equals(text))) {
            return message(MessageKeys.of(choices, text));
        }
        return switch (known.kind().name()) {
            case "party" -> partyNames.getOrDefault(text, text);
            case "language" -> {
                String name = Locale.forLanguageTag(text).getDisplayName(locale);
                yield name.isEmpty() || name.equals(text) ? text : name + " (" + text + ")";
            }
            default -> text;
        };
    }

    /** "line 17, Date of birth: “31.02.1990” is not a date". */
    String problem(ImportProblem problem) {
        String reason = reason(problem.reason());
        String line = Long.toString(problem.line());
        if (problem.field() == null) {
            return message("importpage.problem.row", line, reason);
        }
        return problem.value() == null || problem.value().isEmpty()
                ? message("importpage.problem.field", line, label(problem.field()), reason)
                : message("importpage.problem.value", line, label(problem.field()), problem.value(), reason);
    }

    private static final Pattern CSV_FORMAT =
            Pattern.compile("CSV, (\\S+)( with a byte order mark)?, separated by (?:'(.)'|tabs)");

    /** What the file was found to be: "CSV, windows-1251, separated by ';'" or "Excel workbook". */
    String format(String format) {
        Matcher csv = CSV_FORMAT.matcher(format);
        if (csv.matches()) {
            String separator = csv.group(3) == null ? message("importpage.format.tabs") : csv.group(3);
            return message(csv.group(2) == null ? "importpage.format.csv" : "importpage.format.csvBom", csv.group(1),
                    separator);
        }
        return format.equals("Excel workbook") ? message("importpage.format.xlsx") : format;
    }

    String reason(String reason) {
        return translate(reason, REASONS, "importpage.reason.", null);
    }

    /** Why a file cannot be read, in the reader's language. */
    String fileError(String message) {
        return translate(message, FILE_ERRORS, "importpage.fileError.", "importpage.fileError.other");
    }

    private String translate(String text, List<Known> table, String prefix, String fallback) {
        if (text == null) {
            return "";
        }
        for (Known known : table) {
            Matcher match = known.pattern().matcher(text);
            if (match.matches()) {
                Object[] args = new Object[match.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    String group = match.group(i + 1);
                    args[i] = switch (known.key()) {
                        case "twoColumns" -> label(group);
                        // "a at character 3, o at character 5"
                        case "lookAlikes" -> group.replace(" at character ", message("importpage.reason.atCharacter"));
                        default -> group;
                    };
                }
                return messages.getMessage(prefix + known.key(), args, locale);
            }
        }
        return fallback == null ? text : message(fallback, text);
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex, Pattern.DOTALL), key);
    }
}
