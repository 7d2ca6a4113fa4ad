package org.parley.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.parley.api.JsonInput;

/**
 * The query parameters of an entry list, read and checked: organisation, actor, action, recordType, recordId,
 * from and to (an ISO-8601 instant such as 2026-11-25T06:00:00Z, or a date: from its start, to its end, UTC),
 * page (from 0) and size (1 to 200, default 50).
 */
record EntryQuery(EntryFilter filter, int page, int size) {

    static final Set<String> PARAMETERS = Set.of("organisation", "actor", "action", "recordType", "recordId", "from",
            "to", "page", "size");

    /** @throws org.parley.api.InvalidInputException naming every bad parameter */
    static EntryQuery read(Map<String, String> parameters) {
        JsonInput in = new JsonInput();
        parameters.keySet().stream().filter(p -> !PARAMETERS.contains(p)).sorted()
                .forEach(p -> in.error(p, "is not a filter; use one of " + String.join(", ", PARAMETERS.stream()
                        .sorted().toList())));
        EntryFilter filter = new EntryFilter(text(parameters, "organisation", in), text(parameters, "actor", in),
                text(parameters, "action", in), text(parameters, "recordType", in), text(parameters, "recordId", in),
                time(parameters, "from", false, in), time(parameters, "to", true, in));
        int page = in.intParameter(parameters.get("page"), "page", 0, 1_000_000, 0);
        int size = in.intParameter(parameters.get("size"), "size", 1, AuditEntries.MAX_PAGE_SIZE, 50);
        in.throwIfAny();
        return new EntryQuery(filter, page, size);
    }

    private static String text(Map<String, String> parameters, String name, JsonInput in) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            in.error(name, "is longer than 200 characters");
        }
        return value.strip();
    }

    private static Instant time(Map<String, String> parameters, String name, boolean end, JsonInput in) {
        String value = text(parameters, name, in);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            in.error(name, "'" + value + "' is neither a date (YYYY-MM-DD) nor an instant (2026-11-25T06:00:00Z)");
            return null;
        }
    }
}
