package org.parley.names;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keys for searching a registry by name in any script or language: a query word finds a person when the two
 * share a key. A word's keys are its {@link MatchKey}, its surname stem (Петрова finds Петров), the key of its
 * line in the given-name table (Aleksandr finds Олександр) and, for a patronymic, that of the father's name
 * (Sergeevich finds Сергійович). Stored per person, so that the database can index them.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /** The keys of a person's name parts (any may be null). */
    public static Set<String> ofPerson(String surname, String givenName, String patronymic) {
        Set<String> keys = new LinkedHashSet<>();
        for (String part : new String[] {surname, givenName, patronymic}) {
            if (part != null) {
                MatchKey.words(part).forEach(word -> keys.addAll(ofKey(word)));
            }
        }
        return keys;
    }

    /** The keys one word of a query matches: any one of them in a person's keys is a hit. */
    public static Set<String> ofQueryWord(String word) {
        Set<String> keys = new LinkedHashSet<>();
        MatchKey.words(word).forEach(key -> keys.addAll(ofKey(key)));
        return keys;
    }

    private static Set<String> ofKey(String key) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key);
        keys.add(Surnames.stem(key));
        GivenNames.table().byKey(key).ifPresent(name -> keys.add("=" + MatchKey.of(name.label())));
        Patronymics.father(key, GivenNames.table()).ifPresent(name -> keys.add("<" + MatchKey.of(name.label())));
        return keys;
    }
}
