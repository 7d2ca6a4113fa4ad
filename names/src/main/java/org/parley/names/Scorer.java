package org.parley.names;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fellegi–Sunter scoring of two prepared persons: every field is compared to a {@link Level}, the levels'
 * weights ln(m/u) are summed with the log prior odds, and the logistic function turns the sum into a match
 * probability. The prior is the share of true matches among the candidate pairs blocking produces: about one
 * in a thousand when one list is matched against a registry, set as {@link #PRIOR}.
 *
 * <p>Names are compared both as given and with surname and given name swapped on one side (lists differ in the
 * order of a full name, and columns get mixed up); the better reading counts.
 */
public final class Scorer {

    /** Prior probability that a candidate pair is a match. */
    public static final double PRIOR = 0.001;

    private static final double PRIOR_LOG_ODDS = Math.log(PRIOR / (1 - PRIOR));

    /** Compares two persons. */
    public Score score(PreparedPerson a, PreparedPerson b) {
        Level[] compared = new Level[FIELDS.length];
        boolean swapped = compare(a, b, compared);
        Map<Field, Level> levels = new EnumMap<>(Field.class);
        for (Field field : FIELDS) {
            levels.put(field, compared[field.ordinal()]);
        }
        double weight = weight(compared);
        return new Score(probability(weight), weight, levels, swapped);
    }

    /**
     * The summed weight {@link #score} gives two persons, without the levels kept: a linkage compares each record with
     * a thousand or more candidates and keeps the few above its review threshold, so only those need a {@link Score}.
     */
    public double weight(PreparedPerson a, PreparedPerson b) {
        Level[] compared = new Level[FIELDS.length];
        compare(a, b, compared);
        return weight(compared);
    }

    private static final Field[] FIELDS = Field.values();

    /** Each field's level, by the field's ordinal, into {@code levels}; answers whether the names were swapped. */
    private static boolean compare(PreparedPerson a, PreparedPerson b, Level[] levels) {
        ParsedName x = a.name();
        ParsedName y = b.name();
        Level surname = surname(x.surname(), y.surname());
        Level given = givenName(x.givenName(), y.givenName());
        boolean swapped = false;
        if (surname.weight() + given.weight() < 0) {
            Level swappedSurname = surname(x.givenName(), y.surname());
            Level swappedGiven = givenName(x.surname(), y.givenName());
            if (swappedSurname.weight() + swappedGiven.weight() > surname.weight() + given.weight()) {
                surname = swappedSurname;
                given = swappedGiven;
                swapped = true;
            }
        }
        levels[Field.SURNAME.ordinal()] = surname;
        levels[Field.GIVEN_NAME.ordinal()] = given;
        levels[Field.PATRONYMIC.ordinal()] = patronymic(x.patronymic(), y.patronymic());
        levels[Field.DATE_OF_BIRTH.ordinal()] = Level.ofDate(DateAgreement.of(a.record().dateOfBirth(),
                b.record().dateOfBirth()));
        levels[Field.SERVICE_NUMBER.ordinal()] = serviceNumber(a.serviceNumber(), b.serviceNumber());
        levels[Field.UNIT.ordinal()] = a.unit().isEmpty() || b.unit().isEmpty() ? Level.MISSING
                : a.unit().equals(b.unit()) ? Level.UNIT_SAME : Level.UNIT_DIFFERENT;
        return swapped;
    }

    /** The levels' weights summed in the order of the fields (so that every way of scoring gives the same double). */
    private static double weight(Level[] levels) {
        double weight = 0;
        for (Level level : levels) {
            weight += level.weight();
        }
        return weight;
    }

    /** The match probability of a summed weight. */
    public static double probability(double weight) {
        return 1 / (1 + Math.exp(-(PRIOR_LOG_ODDS + weight)));
    }

    static Level surname(NamePart a, NamePart b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.initial() || b.initial()) {
            return a.firstLetter() == b.firstLetter() ? Level.MISSING : Level.SURNAME_DIFFERENT;
        }
        if (a.key().equals(b.key())) {
            return Level.SURNAME_SAME;
        }
        // A linkage compares each requested surname with thousands of registered ones, mostly the same few
        // hundred keys: the level depends on the two keys only, so each thread remembers the levels it found.
        Map<String, Level> ofA = SURNAME_LEVELS.get().computeIfAbsent(a.key(), k -> new HashMap<>());
        Level known = ofA.get(b.key());
        if (known == null) {
            known = surnameOfKeys(a, b);
            if (ofA.size() < REMEMBERED_PER_KEY) {
                ofA.put(b.key(), known);
            }
        }
        return known;
    }

    /** Surname levels found, per thread: first key, second key, level (bounded: see {@link #surname}). */
    private static final ThreadLocal<Map<String, Map<String, Level>>> SURNAME_LEVELS = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Level>> eldest) {
                    return size() > REMEMBERED_KEYS;
                }
            });
    private static final int REMEMBERED_KEYS = 1_000;
    private static final int REMEMBERED_PER_KEY = 1_000;

    /** The level of two different surnames, neither an initial. */
    private static Level surnameOfKeys(NamePart a, NamePart b) {
        if (Surnames.sameExceptGender(a.key(), b.key())) {
            return Level.SURNAME_FEMALE_FORM;
        }
        String x = Surnames.stem(a.key());
        String y = Surnames.stem(b.key());
        if (Surnames.isDerived(x, y)) {
            return Level.SURNAME_DIFFERENT;
        }
        return Similarity.isClose(x, y) || Similarity.isClose(a.key(), b.key()) ? Level.SURNAME_CLOSE
                : Level.SURNAME_DIFFERENT;
    }

    static Level givenName(NamePart a, NamePart b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.initial() || b.initial()) {
            return initialsAgree(a, b) ? Level.GIVEN_NAME_INITIAL : Level.GIVEN_NAME_DIFFERENT;
        }
        if (a.key().equals(b.key())) {
            return Level.GIVEN_NAME_SAME;
        }
        if (a.name() != null && a.name() == b.name()) {
            return Level.GIVEN_NAME_EQUIVALENT;
        }
        if (a.name() != null && b.name() != null) {
            return Level.GIVEN_NAME_DIFFERENT;
        }
        return Similarity.isClose(a.key(), b.key()) ? Level.GIVEN_NAME_CLOSE : Level.GIVEN_NAME_DIFFERENT;
    }

    static Level patronymic(NamePart a, NamePart b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.initial() || b.initial()) {
            return initialsAgree(a, b) ? Level.PATRONYMIC_INITIAL : Level.PATRONYMIC_DIFFERENT;
        }
        if (a.key().equals(b.key())) {
            return Level.PATRONYMIC_SAME;
        }
        if (a.name() != null && a.name() == b.name()) {
            return Level.PATRONYMIC_EQUIVALENT;
        }
        if (a.name() != null && b.name() != null) {
            return Level.PATRONYMIC_DIFFERENT;
        }
        if (Patronymics.stem(a.key()).equals(Patronymics.stem(b.key()))) {
            return Level.PATRONYMIC_EQUIVALENT;
        }
        return Similarity.isClose(a.key(), b.key()) ? Level.PATRONYMIC_CLOSE : Level.PATRONYMIC_DIFFERENT;
    }

    /** An initial agrees with a name if it is the first letter of any of the name's forms (О. = Александр). */
    private static boolean initialsAgree(NamePart a, NamePart b) {
        NamePart full = a.initial() ? b : a;
        NamePart initial = a.initial() ? a : b;
        if (full.initial()) {
            return full.firstLetter() == initial.firstLetter();
        }
        if (full.name() != null) {
            return full.name().initials().contains(initial.firstLetter());
        }
        return full.firstLetter() == initial.firstLetter();
    }

    static Level serviceNumber(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.SERVICE_NUMBER_SAME;
        }
        return oneCharacterApart(a, b) ? Level.SERVICE_NUMBER_ONE_DIGIT : Level.SERVICE_NUMBER_DIFFERENT;
    }

    /** One character replaced, or two neighbours transposed. */
    private static boolean oneCharacterApart(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        int differ = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (differ++ == 0) {
                    first = i;
                }
            }
        }
        return differ == 1 || (differ == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first));
    }
}
