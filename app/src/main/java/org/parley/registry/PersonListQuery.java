package org.parley.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters and page of the person list as given in the URL, checked one by one. Every value that cannot be
 * used becomes a message for the page (never an exception): unknown choices, unknown parties, dates that are not
 * dates, an unreadable page number.
 *
 * @param values the filter values as given (blank ones left out), to fill the form and build links
 * @param filter the filter for the registry; meaningful only when there are no problems
 * @param page the page, counted from 1
 * @param problems what is wrong with the URL, as translated sentences
 */
record PersonListQuery(Map<String, String> values, PersonFilter filter, int page, List<String> problems) {

    static final String PATH = "/persons";
    /** The filters, in the order links write them. */
    static final List<String> FILTERS = List.of("q", "holdingParty", "powerOfOrigin", "status", "category", "branch",
            "rankGroup", "capturedFrom", "capturedTo");
    static final int MAX_QUERY_LENGTH = 200;
    /** Far beyond any real list, low enough that the offset cannot overflow. */
    static final int MAX_PAGE = 1_000_000;
    private static final int MAX_ECHO = 60;

    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * Reads the request parameters.
     *
     * @param parties codes of the parties a person can be held by or come from
     * @param messages translates a message key with its arguments
     */
    static PersonListQuery parse(Map<String, String> parameters, Set<String> parties,
            BiFunction<String, Object[], String> messages) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        }
        List<String> problems = new ArrayList<>();
        Parser in = new Parser(values, problems, messages);
        String q = values.get("q");
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            problems.add(messages.apply("filter.error.tooLong", new Object[] {in.label("q"), MAX_QUERY_LENGTH}));
            q = null;
        }
        PersonFilter filter = new PersonFilter(q, in.party("holdingParty", parties), in.party("powerOfOrigin", parties),
                in.choice("status", Status.class), in.choice("category", Category.class),
                in.choice("branch", Branch.class), in.choice("rankGroup", RankGroup.class),
                in.date("capturedFrom"), in.date("capturedTo"));
        if (filter.capturedFrom() != null && filter.capturedTo() != null
                && filter.capturedFrom().isAfter(filter.capturedTo())) {
            problems.add(messages.apply("filter.error.dateOrder",
                    new Object[] {filter.capturedFrom().toString(), filter.capturedTo().toString()}));
        }
        int page = 1;
        String pageText = parameters.get("page");
        if (pageText != null && !pageText.isBlank()) {
            try {
                page = Integer.parseInt(pageText.strip());
            } catch (NumberFormatException e) {
                page = -1;
            }
            if (page < 1 || page > MAX_PAGE) {
                problems.add(messages.apply("filter.error.page", new Object[] {echo(pageText)}));
                page = 1;
            }
        }
        return new PersonListQuery(Map.copyOf(values), filter, page, List.copyOf(problems));
    }

    /** The value of a filter as given, or the empty string, for the form. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean filtered() {
        return !values.isEmpty();
    }

    /** The list with these filters at another page. */
    String pageUrl(int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(PATH);
        FILTERS.stream().filter(values::containsKey).forEach(name -> url.queryParam(name, values.get(name)));
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    private static String echo(String value) {
        String stripped = value.strip();
        return stripped.length() <= MAX_ECHO ? stripped : stripped.substring(0, MAX_ECHO) + "…";
    }

    /** Checks one parameter after the other and collects what is wrong. */
    private record Parser(Map<String, String> values, List<String> problems,
            BiFunction<String, Object[], String> messages) {

        String label(String name) {
            return messages.apply("filter." + name, new Object[0]);
        }

        String party(String name, Set<String> parties) {
            String code = values.get(name);
            if (code == null) {
                return null;
            }
            if (!parties.contains(code)) {
                problems.add(messages.apply("filter.error.party", new Object[] {label(name), echo(code)}));
                values.remove(name);
                return null;
            }
            return code;
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            String text = values.get(name);
            if (text == null) {
                return null;
            }
            E value = Arrays.stream(type.getEnumConstants())
                    .filter(c -> c.name().equals(text.toUpperCase(Locale.ROOT).replace('-', '_')))
                    .findFirst().orElse(null);
            if (value == null) {
                problems.add(messages.apply("filter.error.choice", new Object[] {label(name), echo(text)}));
                values.remove(name);
                return null;
            }
            values.put(name, value.name());
            return value;
        }

        LocalDate date(String name) {
            String text = values.get(name);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(messages.apply("filter.error.date", new Object[] {label(name), echo(text)}));
                return null;
            }
        }
    }
}
