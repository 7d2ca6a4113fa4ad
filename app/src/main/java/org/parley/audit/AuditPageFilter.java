package org.parley.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The audit page's filters as the query of its address, read and checked with messages in the reader's language:
 * organisation, user, action, record type, record id, and days from and to (YYYY-MM-DD, whole days of the
 * reader's time zone), page (from 0) and size. Either a query, or every problem found.
 */
final class AuditPageFilter {

    private static final Set<String> PARAMETERS = Set.of("organisation", "actor", "action", "recordType", "recordId",
            "from", "to", "page", "size", "lang");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,7}");
    private static final int MAX_TEXT = 200;

    /** The query, or (when it is null) the problems. */
    record Result(EntryQuery query, List<String> errors) {
    }

    private final Map<String, String> parameters;
    private final ZoneId zone;
    /** A message by key and arguments, in the reader's language. */
    private final BiFunction<String, Object[], String> messages;
    private final List<String> errors = new ArrayList<>();

    private AuditPageFilter(Map<String, String> parameters, ZoneId zone,
            BiFunction<String, Object[], String> messages) {
        this.parameters = parameters;
        this.zone = zone;
        this.messages = messages;
    }

    static Result read(Map<String, String> parameters, ZoneId zone, BiFunction<String, Object[], String> messages) {
        return new AuditPageFilter(parameters, zone, messages).read();
    }

    private Result read() {
        parameters.keySet().stream().filter(p -> !PARAMETERS.contains(p)).sorted()
                .forEach(p -> error("audit.error.unknown", p));
        LocalDate fromDay = day("from");
        LocalDate toDay = day("to");
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            error("audit.error.dateOrder", fromDay, toDay);
        }
        EntryFilter filter = new EntryFilter(text("organisation"), text("actor"), text("action"), text("recordType"),
                text("recordId"), fromDay == null ? null : start(fromDay), toDay == null ? null
                : start(toDay.plusDays(1)));
        int page = number("page", 0, 1_000_000, 0);
        int size = number("size", 1, AuditEntries.MAX_PAGE_SIZE, 50);
        return errors.isEmpty() ? new Result(new EntryQuery(filter, page, size), List.of())
                : new Result(null, List.copyOf(errors));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private String text(String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            error("audit.error.tooLong", label(name), MAX_TEXT);
            return null;
        }
        return value.strip();
    }

    private LocalDate day(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (DAY.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException e) {
                // 2026-02-30: not a day, said below
            }
        }
        error("audit.error.date", label(name), value);
        return null;
    }

    private int number(String name, int min, int max, int absent) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        if (!WHOLE_NUMBER.matcher(value).matches() || Integer.parseInt(value) < min
                || Integer.parseInt(value) > max) {
            error("audit.error.number", name, value, min, max);
            return absent;
        }
        return Integer.parseInt(value);
    }

    private String label(String name) {
        return messages.apply("audit.filter." + name, null);
    }

    private void error(String key, Object... arguments) {
        errors.add(messages.apply(key, arguments));
    }
}
