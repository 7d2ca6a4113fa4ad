package org.parley.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.JsonInput;

/**
 * The filters and order of {@code GET /api/v1/persons} as query parameters, checked the API's way: every problem
 * becomes an error on {@code in} naming the parameter. Shared by the list and by the features that take the same
 * filters (an export of the list, a batch of capture cards), so that they select exactly the same persons.
 *
 * @param filter which persons
 * @param sort in which order
 */
public record PersonListParameters(PersonFilter filter, PersonSort sort) {

    /** The registry's own filters and the order; other features' columns come on top. */
    public static final List<String> NAMES = List.of("q", "holdingParty", "powerOfOrigin", "status", "category",
            "branch", "rankGroup", "capturedFrom", "capturedTo", "sort");

    /**
     * Reads the parameters.
     *
     * @param columns the columns other features contribute (each is a filter too)
     * @param collation the reader's alphabetical order
     * @param extra the other parameters the caller reads itself ({@code page}, {@code format}); any other name is an
     *        error
     */
    public static PersonListParameters read(Map<String, String> parameters, List<PersonListColumn> columns,
            NameCollation collation, List<String> extra, JsonInput in) {
        List<String> known = new ArrayList<>(NAMES);
        known.addAll(extra);
        columns.forEach(c -> known.add(c.name()));
        parameters.keySet().stream().filter(p -> !known.contains(p))
                .forEach(p -> in.error(p, "is not a filter; use one of " + String.join(", ", known)));
        String q = blankToNull(parameters.get("q"));
        if (q != null && q.length() > PersonListQuery.MAX_QUERY_LENGTH) {
            in.error("q", "is longer than " + PersonListQuery.MAX_QUERY_LENGTH + " characters");
        }
        Map<String, String> contributed = new LinkedHashMap<>();
        for (PersonListColumn column : columns) {
            String value = blankToNull(parameters.get(column.name()));
            if (value != null && !column.choices().contains(value)) {
                in.error(column.name(), "'" + value + "' is not one of " + String.join(", ", column.choices()));
            } else if (value != null) {
                contributed.put(column.name(), value);
            }
        }
        PersonFilter filter = new PersonFilter(q,
                blankToNull(parameters.get("holdingParty")), blankToNull(parameters.get("powerOfOrigin")),
                enumParameter(parameters, "status", Status.class, in),
                enumParameter(parameters, "category", Category.class, in),
                enumParameter(parameters, "branch", Branch.class, in),
                enumParameter(parameters, "rankGroup", RankGroup.class, in),
                dateParameter(parameters, "capturedFrom", in), dateParameter(parameters, "capturedTo", in),
                contributed);
        return new PersonListParameters(filter, sort(blankToNull(parameters.get("sort")), q != null, collation, in));
    }

    /** The order a {@code sort} parameter asks for; the default one without it. */
    private static PersonSort sort(String value, boolean searching, NameCollation collation, JsonInput in) {
        if (value == null) {
            return PersonSort.byDefault(searching, collation);
        }
        PersonSort sort = PersonSort.parse(value, collation).orElse(null);
        if (sort == null) {
            in.error("sort", "'" + value + "' is not one of " + String.join(", ", PersonSort.CHOICES));
        } else if (sort.key() == PersonSort.Key.RELEVANCE && !searching) {
            in.error("sort", "relevance orders the results of a name search: give q as well");
        }
        return sort;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E enumParameter(Map<String, String> parameters, String name, Class<E> type,
            JsonInput in) {
        String value = blankToNull(parameters.get(name));
        return value == null ? null : in.enumValue(value, name, type);
    }

    private static LocalDate dateParameter(Map<String, String> parameters, String name, JsonInput in) {
        String value = blankToNull(parameters.get(name));
        return value == null ? null : in.date(value, name);
    }
}
