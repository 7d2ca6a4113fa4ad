package org.parley.names;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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
        Comparison comparison = new Comparison();
        comparison.sum(surname, given, patronymic(x.patronymic(), y.patronymic()),
                Level.ofDate(DateAgreement.of(a.record().dateOfBirth(), b.record().dateOfBirth())),
                serviceNumber(a.serviceNumber(), b.serviceNumber()), unit(a.unit(), b.unit()), swapped);
        return comparison.score();
    }

    /**
     * Compares a person with one of a compact list's, into {@code comparison} (which is then read or scored),
     * without allocating: a linkage compares each left person with thousands of candidates and keeps a handful,
     * so only those become a {@link Score}. The levels are those {@link #score} gives.
     *
     * <p>Only pairs whose weight reaches {@code least} are wanted, and most candidates fall far short of it (they
     * share one blocking key, not the person). So the surnames, the costly comparison (a registry has hundreds of
     * thousands of spellings, each compared anew for each left surname, and in the swapped reading for each left
     * given name), are compared only if the other fields leave room: when even {@link Level#SURNAME_SAME} would
     * leave the pair below {@code least} in both readings, or the swapped reading, it is not compared.
     *
     * @return whether the pair's weight reaches {@code least}; only then does {@code comparison} hold its levels
     */
    boolean compare(PreparedPerson a, CompactPersons b, int j, Comparison comparison, double least) {
        comparison.meet(a, b);
        ParsedName x = a.name();
        int theirSurname = b.surname(j);
        int theirGiven = b.givenName(j);
        Level given = comparison.givenNames.level(x.givenName(), b, theirGiven, Scorer::givenName);
        Level swappedGiven = comparison.swappedGivenNames.level(x.surname(), b, theirGiven, Scorer::givenName);
        Level patronymic = comparison.patronymics.level(x.patronymic(), b, b.patronymic(j), Scorer::patronymic);
        Level date = comparison.date(b, b.dateOfBirth(j));
        Level serviceNumber = a.serviceNumber().isEmpty() || b.lacksServiceNumber(j) ? Level.MISSING
                : b.serviceNumber(a.serviceNumber(), j);
        int unitNumber = b.unit(j);
        Level unit = a.unit().isEmpty() || unitNumber == CompactPersons.NONE ? Level.MISSING
                : unitNumber == comparison.unit ? Level.UNIT_SAME : Level.UNIT_DIFFERENT;
        double others = patronymic.weight() + date.weight() + serviceNumber.weight() + unit.weight();
        // The most any surname comparison adds (a missing one adds 0); the bounds are summed in another order than
        // the weight, so they get room for rounding.
        double bestSurname = Level.SURNAME_SAME.weight();
        double floor = least - 1e-9;
        boolean swappedMayReach = bestSurname + swappedGiven.weight() + others >= floor;
        if (bestSurname + given.weight() + others < floor && !swappedMayReach) {
            return false;
        }
        Level surname = comparison.surnames.level(x.surname(), b, theirSurname, Scorer::surname);
        boolean swapped = false;
        double names = surname.weight() + given.weight();
        // The swapped reading counts only if it is better, and matters only if it may reach least.
        if (names < 0 && swappedMayReach && bestSurname + swappedGiven.weight() > names) {
            Level swappedSurname = comparison.swappedSurnames.level(x.givenName(), b, theirSurname, Scorer::surname);
            if (swappedSurname.weight() + swappedGiven.weight() > names) {
                surname = swappedSurname;
                given = swappedGiven;
                swapped = true;
            }
        }
        comparison.sum(surname, given, patronymic, date, serviceNumber, unit, swapped);
        return comparison.weight() >= least;
    }

    private static Level unit(String a, String b) {
        return a.isEmpty() || b.isEmpty() ? Level.MISSING : a.equals(b) ? Level.UNIT_SAME : Level.UNIT_DIFFERENT;
    }

    /**
     * One comparison's levels (by {@link Field} order), summed weight and reading. Reused from pair to pair (by
     * one thread): while it compares one left person, it remembers the levels of that person's name parts and
     * date of birth against each distinct one of the compact list met, by their numbers there.
     */
    static final class Comparison {
        private final Level[] levels = new Level[Field.values().length];
        private double weight;
        private boolean swapped;
        private final PartLevels surnames = new PartLevels(CompactPersons.Column.SURNAME);
        private final PartLevels givenNames = new PartLevels(CompactPersons.Column.GIVEN_NAME);
        private final PartLevels swappedSurnames = new PartLevels(CompactPersons.Column.SURNAME);
        private final PartLevels swappedGivenNames = new PartLevels(CompactPersons.Column.GIVEN_NAME);
        private final PartLevels patronymics = new PartLevels(CompactPersons.Column.PATRONYMIC);
        private PreparedPerson person;
        private CompactPersons list;
        /** Which left person the remembered levels are of: a remembered level of another one's is stale. */
        private int round;
        private int[] dateRounds = new int[0];
        private Level[] dateLevels = new Level[0];
        /** The left person's unit by its number in the compact list. */
        private int unit;

        /** Meets a left person: its date's levels are remembered anew, and all levels for another list. */
        private void meet(PreparedPerson a, CompactPersons b) {
            if (a == person && b == list) {
                return;
            }
            if (b != list) {
                list = b;
                for (PartLevels memory : List.of(surnames, givenNames, swappedSurnames, swappedGivenNames,
                        patronymics)) {
                    memory.meet(b);
                }
                dateRounds = new int[b.dateCount()];
                dateLevels = new Level[b.dateCount()];
                round = 0;
            }
            person = a;
            round++;
            unit = a.unit().isEmpty() ? CompactPersons.NONE : b.unitNumber(a.unit());
        }

        private Level date(CompactPersons b, int number) {
            if (number == CompactPersons.NONE || person.record().dateOfBirth() == null) {
                return Level.MISSING;
            }
            if (dateRounds[number] != round) {
                dateLevels[number] = Level.ofDate(DateAgreement.of(person.record().dateOfBirth(), b.date(number)));
                dateRounds[number] = round;
            }
            return dateLevels[number];
        }

        private void sum(Level surname, Level given, Level patronymic, Level date, Level serviceNumber, Level unit,
                boolean swapped) {
            levels[Field.SURNAME.ordinal()] = surname;
            levels[Field.GIVEN_NAME.ordinal()] = given;
            levels[Field.PATRONYMIC.ordinal()] = patronymic;
            levels[Field.DATE_OF_BIRTH.ordinal()] = date;
            levels[Field.SERVICE_NUMBER.ordinal()] = serviceNumber;
            levels[Field.UNIT.ordinal()] = unit;
            double sum = 0;
            for (Level level : levels) {
                sum += level.weight();
            }
            this.weight = sum;
            this.swapped = swapped;
        }

        double weight() {
            return weight;
        }

        Score score() {
            Map<Field, Level> byField = new EnumMap<>(Field.class);
            for (Field field : Field.values()) {
                byField.put(field, levels[field.ordinal()]);
            }
            return new Score(probability(weight), weight, byField, swapped);
        }
    }

    /** The log odds of the prior, which {@link #probability} adds to a summed weight. */
    static double priorLogOdds() {
        return PRIOR_LOG_ODDS;
    }

    /**
     * The levels of one part of a left person's name against the parts of one column of a compact list, by their
     * numbers there: the candidates of a name share a few hundred spellings, so a level is found without reading
     * any text; a part seen first is compared and remembered. A column of few spellings (given names, patronymics:
     * some thousands at most) has the levels remembered per left part as well, as the left persons share their
     * given names; one of many (surnames, with their typing slips: hundreds of thousands) has one array, valid
     * while the left part stays the same, as a linkage meets the left persons in the order of their surnames.
     */
    private static final class PartLevels {
        private static final Level[] LEVELS = Level.values();
        /** Bytes of levels remembered per left part, at most (then they are forgotten and remembered anew). */
        private static final int REMEMBERED_BYTES = 4 << 20;
        /** Columns of up to this many spellings have their levels remembered per left part. */
        private static final int FEW = 1 << 15;

        private final CompactPersons.Column column;
        private final Map<NamePart, byte[]> byPart = new IdentityHashMap<>();
        private CompactPersons list;
        private int parts;
        private NamePart mine;
        /** Per part of the column, the level against {@link #mine} by its ordinal plus one; 0 if not known yet. */
        private byte[] levels;
        /** For a column of many spellings: per part, the round its level is of (one round per left part). */
        private int[] rounds;
        private int round;

        PartLevels(CompactPersons.Column column) {
            this.column = column;
        }

        void meet(CompactPersons list) {
            this.list = list;
            parts = list.partCount(column);
            byPart.clear();
            mine = null;
            levels = null;
            rounds = null;
            round = 0;
        }

        Level level(NamePart mine, CompactPersons list, int theirs, BiFunction<NamePart, NamePart, Level> compare) {
            if (mine == null || theirs == CompactPersons.NONE) {
                return Level.MISSING;
            }
            if (mine != this.mine) {
                this.mine = mine;
                forget();
            }
            int known = rounds == null || rounds[theirs] == round ? levels[theirs] : 0;
            if (known == 0) {
                Level level = compare.apply(mine, list.part(column, theirs));
                levels[theirs] = (byte) (level.ordinal() + 1);
                if (rounds != null) {
                    rounds[theirs] = round;
                }
                return level;
            }
            return LEVELS[known - 1];
        }

        /** Finds {@link #mine}'s levels, or starts them. */
        private void forget() {
            if (parts > FEW) {
                if (rounds == null) {
                    rounds = new int[parts];
                    levels = new byte[parts];
                }
                round++;
                return;
            }
            levels = byPart.get(mine);
            if (levels == null) {
                if ((long) (byPart.size() + 1) * parts > REMEMBERED_BYTES) {
                    byPart.clear();
                }
                levels = new byte[parts];
                byPart.put(mine, levels);
            }
        }
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
