package org.parley.registry;

import java.util.List;
import java.util.Map;
import org.parley.api.Caller;

/**
 * A column of the person list that another feature contributes (the repatriation wish status, for instance), by
 * which the list — the page and {@code GET /api/v1/persons} — can also be filtered: the registry names none of
 * them. The filter is a condition inside the list's query, beside the caller's visibility, so that counts and pages
 * only ever include persons the caller may see; an implementation whose values are visible to fewer callers than the
 * persons are must say so in its condition, so that nobody filters on a value they may not read.
 */
public interface PersonListColumn {

    /** The query parameter and the person's JSON field, e.g. {@code wishStatus}. */
    String name();

    /** The values the column takes, in the order the filter offers them. */
    List<String> choices();

    /** The message key of the column's heading and filter label; a choice's label is this key, a dot and it. */
    String messageKey();

    /** What the column means, for the OpenAPI document. */
    String description();

    /**
     * The SQL condition, on table {@code person} as {@code p}, that keeps the persons whose value is {@code choice}
     * (one of {@link #choices}) as far as the caller may know it; its parameters are added to {@code params}, named
     * after {@link #name} so that they do not clash with the list's own.
     */
    String condition(Caller caller, String choice, Map<String, Object> params);

    /** The value of each of these persons (all visible to the caller), by person id; those without one are left out. */
    Map<Long, String> values(Caller caller, List<Person> persons);
}
