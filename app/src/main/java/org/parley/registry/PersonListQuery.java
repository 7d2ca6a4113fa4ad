package org.parley.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
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
 * The filters, order and page of the person list as given in the URL, checked one by one. Every value that cannot be
 * used becomes a message for the page (never an exception): unknown choices, unknown parties, dates that are not
 * dates, an unknown order, an unreadable page number or page size.
 *
 * @param values the filter values as given (blank ones left out), to fill the form and build links
 * @param filter the filter for the registry; meaningful only when there are no problems
 * @param sort the order: as asked for ({@code sortGiven}), or the default one (by relevance for a name search, else
 *        by name)
 * @param page the page, counted from 1
 * @param size the rows per page, one of {@link #SIZES}
 * @param problems what is wrong with the URL, as translated sentences
 */
record PersonListQuery(Map<String, String> values, PersonFilter filter, PersonSort sort, boolean sortGiven, int page,
        int size, List<String> problems) {

    static final String PATH = "/persons";
    /** The registry's own filters, in the order links write them; other features' columns follow. */
    static final List<String> FILTERS = List.of("q", "holdingParty", "powerOfOrigin", "status", "category", "branch",
            "rankGroup", "capturedFrom", "capturedTo");
    /** The rows per page a reader may choose. */
    static final List<Integer> SIZES = List.of(25, 50, 100, 200);
    static final int DEFAULT_SIZE = 50;
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
     * @param columns the columns other features add, which the list can be filtered by too
     * @param collation the reader's alphabetical order
     * @param messages translates a message key with its arguments
     */
    static PersonListQuery parse(Map<String, String> parameters, Set<String> parties, List<PersonListColumn> columns,
            NameCollation collation, BiFunction<String, Object[], String> messages) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(FILTERS);
        columns.forEach(c -> names.add(c.name()));
        for (String name : names) {
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
        Map<String, String> contributed = new LinkedHashMap<>();
        for (PersonListColumn column : columns) {
            String choice = in.choice(column.name(), column.messageKey(), column.choices());
            if (choice != null) {
                contributed.put(column.name(), choice);
            }
        }
        PersonFilter filter = new PersonFilter(q, in.party("holdingParty", parties), in.party("powerOfOrigin", parties),
                in.choice("status", Status.class), in.choice("category", Category.class),
                in.choice("branch", Branch.class), in.choice("rankGroup", RankGroup.class),
                in.date("capturedFrom"), in.date("capturedTo"), contributed);
        if (filter.capturedFrom() != null && filter.capturedTo() != null
                && filter.capturedFrom().isAfter(filter.capturedTo())) {
            problems.add(messages.apply("filter.error.dateOrder",
                    new Object[] {filter.capturedFrom().toString(), filter.capturedTo().toString()}));
        }
        PersonSort sort = PersonSort.byDefault(q != null, collation);
        boolean sortGiven = false;
        String sortText = parameters.get("sort");
        if (sortText != null && !sortText.isBlank()) {
            PersonSort asked = PersonSort.parse(sortText.strip(), collation).orElse(null);
            if (asked == null) {
                problems.add(messages.apply("list.error.sort", new Object[] {echo(sortText)}));
            } else if (asked.key() != PersonSort.Key.RELEVANCE || q != null) {
                // the form keeps the order when the search is cleared; relevance then gives way to the default
                sort = asked;
                sortGiven = true;
            }
        }
        int size = DEFAULT_SIZE;
        String sizeText = parameters.get("size");
        if (sizeText != null && !sizeText.isBlank()) {
            size = SIZES.stream().filter(s -> String.valueOf(s).equals(sizeText.strip())).findFirst().orElse(-1);
            if (size < 0) {
                problems.add(messages.apply("list.error.size", new Object[] {echo(sizeText)}));
                size = DEFAULT_SIZE;
            }
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
        return new PersonListQuery(Map.copyOf(values), filter, sort, sortGiven, page, size, List.copyOf(problems));
    }

    /** The value of a filter as given, or the empty string, for the form. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean filtered() {
        return !values.isEmpty();
    }

    /** How many filters other than the name search are set, for the summary of the collapsed filter panel. */
    public long activeFilters() {
        return values.keySet().stream().filter(name -> !name.equals("q")).count();
    }

    /** The order as the {@code sort} parameter writes it, if one was asked for; else the empty string. */
    public String sortParameter() {
        return sortGiven ? sort.parameter() : "";
    }

    /** The list with these filters, order and page size at another page. */
    public String pageUrl(int page) {
        return url(sortGiven ? sort.parameter() : null, page);
    }

    /**
     * The list ordered by {@code key} (a {@link PersonSort.Key#parameter}), from the first page: ascending, or
     * descending when it is already ordered by it ascending.
     */
    public String sortUrl(String key) {
        boolean ascendingNow = sort.key().parameter().equals(key) && !sort.descending();
        return url(ascendingNow ? "-" + key : key, 1);
    }

    /** {@code aria-sort} of the column ordered by {@code key}: ascending, descending, or none. */
    public String ariaSort(String key) {
        if (!sort.key().parameter().equals(key)) {
            return "none";
        }
        return sort.descending() ? "descending" : "ascending";
    }

    /**
     * The parameters that keep this list as it is apart from the page (filters, order, page size), for the hidden
     * fields of a form that asks for another page.
     */
    public List<Map.Entry<String, String>> keptParameters() {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        linkOrder().forEach(name -> kept.add(new AbstractMap.SimpleEntry<>(name, values.get(name))));
        if (sortGiven) {
            kept.add(new AbstractMap.SimpleEntry<>("sort", sort.parameter()));
        }
        if (size != DEFAULT_SIZE) {
            kept.add(new AbstractMap.SimpleEntry<>("size", String.valueOf(size)));
        }
        return kept;
    }

    /**
     * This list — its filters and its order, not its page or page size — at another address that takes the list's
     * parameters, with {@code extra} parameters as name, value pairs: for downloads of the whole list.
     */
    public String listUrl(String path, String... extra) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            url.queryParam(extra[i], extra[i + 1]);
        }
        linkOrder().forEach(name -> url.queryParam(name, values.get(name)));
        if (sortGiven) {
            url.queryParam("sort", sort.parameter());
        }
        return url.encode().build().toUriString();
    }

    private String url(String sortParameter, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(PATH);
        linkOrder().forEach(name -> url.queryParam(name, values.get(name)));
        if (sortParameter != null) {
            url.queryParam("sort", sortParameter);
        }
        if (size != DEFAULT_SIZE) {
            url.queryParam("size", size);
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    /** The filters given, the registry's in the order of {@link #FILTERS}, then the others by name. */
    private List<String> linkOrder() {
        List<String> order = new ArrayList<>(FILTERS.stream().filter(values::containsKey).toList());
        values.keySet().stream().filter(name -> !FILTERS.contains(name)).sorted().forEach(order::add);
        return order;
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

        /** A value of another feature's column, labelled by its message key. */
        String choice(String name, String messageKey, List<String> choices) {
            String text = values.get(name);
            if (text == null) {
                return null;
            }
            String value = text.toUpperCase(Locale.ROOT).replace('-', '_');
            if (!choices.contains(value)) {
                problems.add(messages.apply("filter.error.choice",
                        new Object[] {messages.apply(messageKey, new Object[0]), echo(text)}));
                values.remove(name);
                return null;
            }
            values.put(name, value);
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
