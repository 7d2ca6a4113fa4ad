package org.parley.registry;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.parley.names.SearchKeys;

/**
 * The search keys of single name parts ({@link SearchKeys#ofPerson} of one part alone), remembered for the length of
 * a bulk load, an import or one person's write: a million persons have some thousands of distinct surnames and far
 * fewer given names and patronymics, so each is keyed once instead of once per person, and once for a person's name
 * keys and search words together. Safe for the loader's several threads.
 */
final class NamePartKeys implements Function<String, Set<String>> {

    /** Keys every part anew, where nothing is remembered (a migration's or a test's single use). */
    static final Function<String, Set<String>> UNREMEMBERED = part -> SearchKeys.ofPerson(part, null, null);

    private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public Set<String> apply(String part) {
        return known.computeIfAbsent(part, UNREMEMBERED);
    }
}
