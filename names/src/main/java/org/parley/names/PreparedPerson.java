package org.parley.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PersonRecord} with everything the scorer and the blocking index need computed once: the parsed name
 * with its keys, the service number without separators, the unit's key. Preparing costs a few microseconds,
 * comparing two prepared persons much less.
 */
public final class PreparedPerson {

    /** Cyrillic capitals that look like Latin ones, written either way in service numbers (АА123 = AA123). */
    private static final String CYRILLIC_LOOKALIKES = "АВЕКМНОРСТХ";
    private static final String LATIN_LOOKALIKES = "ABEKMHOPCTX";

    private final PersonRecord record;
    private final ParsedName name;
    private final String serviceNumber;
    private final String unit;

    private PreparedPerson(PersonRecord record) {
        this.record = record;
        this.name = ParsedName.of(record);
        this.serviceNumber = alphanumeric(record.serviceNumber());
        this.unit = record.unit() == null ? "" : unitKey(record.unit());
    }

    public static PreparedPerson of(PersonRecord record) {
        return new PreparedPerson(record);
    }

    public PersonRecord record() {
        return record;
    }

    public ParsedName name() {
        return name;
    }

    /** The service number in upper case without spaces, dashes or other separators; empty if not given. */
    public String serviceNumber() {
        return serviceNumber;
    }

    /** The unit's matching key; empty if not given. */
    public String unit() {
        return unit;
    }

    /**
     * The blocking keys under which this person is indexed and looked up: surname key prefix with birth year,
     * surname sound key with birth year, given name (its equivalence-table line, so Олександр and Александр
     * share it) with surname sound key, given name with full birth date, father's name (from the patronymic)
     * with surname sound key, given name with father's name (these three for misspelt surnames and missing
     * dates), and the service number. Two records of one person written in different
     * scripts, with a typo or a date error, still share at least one of them in nearly every case.
     */
    public List<String> blockingKeys() {
        return blockingKeys(name.surname(), name.givenName());
    }

    /** The blocking keys as if surname and given name were swapped (for lookups of lists that mix the order). */
    public List<String> swappedBlockingKeys() {
        return blockingKeys(name.givenName(), name.surname());
    }

    private List<String> blockingKeys(NamePart surname, NamePart given) {
        List<String> keys = new ArrayList<>(7);
        NamePart patronymic = name.patronymic() != null && !name.patronymic().initial() ? name.patronymic() : null;
        BirthDate date = record.dateOfBirth();
        if (surname != null && !surname.initial()) {
            String stem = Surnames.stem(surname.key());
            if (date != null) {
                keys.add("s" + stem.substring(0, Math.min(4, stem.length())) + date.year());
                keys.add("p" + surname.phonetic() + date.year());
            }
            if (given != null && !given.initial()) {
                keys.add("g" + givenKey(given) + ":" + surname.phonetic());
            }
        }
        if (given != null && !given.initial() && date != null && date.hasDay()) {
            keys.add("d" + givenKey(given) + ":" + date);
        }
        if (patronymic != null) {
            if (surname != null && !surname.initial()) {
                keys.add("f" + fatherKey(patronymic) + ":" + surname.phonetic());
            }
            if (given != null && !given.initial()) {
                keys.add("h" + givenKey(given) + ":" + fatherKey(patronymic));
            }
        }
        if (!serviceNumber.isEmpty()) {
            keys.add("n" + serviceNumber);
        }
        return keys;
    }

    /** The given name's line in the equivalence table, so that every language's form shares it; else its key. */
    private static String givenKey(NamePart given) {
        return given.name() != null ? "#" + given.name().id() : given.key();
    }

    /** The father's name a patronymic is formed from, by its table line; else the patronymic's stem. */
    private static String fatherKey(NamePart patronymic) {
        return patronymic.name() != null ? "#" + patronymic.name().id() : Patronymics.stem(patronymic.key());
    }

    /**
     * Units repeat even more than names (a registry of a million persons names some thousands), so each one's key
     * is made once, for up to {@link #REMEMBERED_UNITS} of them.
     */
    private static String unitKey(String unit) {
        String key = UNIT_KEYS.get(unit);
        if (key == null) {
            key = MatchKey.of(unit);
            if (UNIT_KEYS.size() < REMEMBERED_UNITS) {
                UNIT_KEYS.putIfAbsent(unit, key);
            }
        }
        return key;
    }

    private static final Map<String, String> UNIT_KEYS = new ConcurrentHashMap<>();
    private static final int REMEMBERED_UNITS = 50_000;

    private static String alphanumeric(String text) {
        if (text == null) {
            return "";
        }
        String upper = text.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); ) {
            int c = upper.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                int lookalike = CYRILLIC_LOOKALIKES.indexOf(c);
                out.appendCodePoint(lookalike >= 0 ? LATIN_LOOKALIKES.charAt(lookalike) : c);
            }
        }
        return out.toString();
    }
}
