package org.parley.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The side of a linkage that is searched (a registry, a right list of a million persons), held as one row of
 * numbers per person rather than as one {@link PreparedPerson} each, with its {@link BlockingIndex}. A row names
 * the person's name parts, date of birth and unit by their number in tables of distinct values (names repeat: a
 * million persons have some thousands of spellings, tens of thousands of dates), and where its service number
 * itself (or, if long, where it lies in one shared array of characters). So a person costs 64 bytes, the garbage
 * collector has almost nothing to copy, a comparison reads one row from memory instead of a dozen scattered
 * objects, and the scorer can remember a level per distinct value ({@link Scorer.Comparison}).
 */
public final class CompactPersons {

    /**
     * Ints per row (64 bytes): surname, given name, patronymic, date, unit, service number length, its start in
     * the shared array when it is longer than {@link #INLINE} characters, else its characters, two per int.
     */
    private static final int ROW = 16;
    private static final int INLINE = 18;
    private static final int NUMBER_CHARACTERS = 7;
    private static final int SURNAME = 0;
    private static final int GIVEN_NAME = 1;
    private static final int PATRONYMIC = 2;
    private static final int DATE = 3;
    private static final int UNIT = 4;
    private static final int NUMBER_LENGTH = 5;
    private static final int NUMBER_START = 6;

    /** The number of an absent value. */
    static final int NONE = -1;

    private final int size;
    private final int[] rows;
    private final char[] serviceNumbers;
    /** The distinct parts of each name column, by their numbers: surnames, given names, patronymics. */
    private final NamePart[][] parts;
    private final BirthDate[] dates;
    private final Map<String, Integer> units;
    private final BlockingIndex index;

    private CompactPersons(Builder builder, BlockingIndex.KeySet sought) {
        size = builder.size;
        rows = builder.rows; // its places after the last row stay unused: not copied, as it is the largest array
        serviceNumbers = Arrays.copyOf(builder.serviceNumbers, builder.serviceNumbersUsed);
        parts = new NamePart[][] {builder.surnames.parts(), builder.givenNames.parts(), builder.patronymics.parts()};
        dates = builder.dates.toArray(new BirthDate[0]);
        units = builder.units;
        long[] entries = builder.entries;
        builder.entries = null;
        builder.rows = null;
        index = BlockingIndex.of(entries, size * BlockingIndex.MAX_KEYS, BlockingIndex.positionBits(size), sought);
    }

    /** Keeps what linking needs of persons already prepared. */
    public static CompactPersons of(List<PreparedPerson> persons) {
        Builder builder = new Builder();
        builder.addAll(persons);
        return builder.build();
    }

    /**
     * A person prepared for a compact list, with its blocking keys' hashes: the part of the work that needs nothing
     * but the record, done on any thread.
     */
    public static final class Entry {
        private final PreparedPerson person;
        private final long[] keyHashes = new long[BlockingIndex.MAX_KEYS];
        private final int keys;

        private Entry(PreparedPerson person) {
            this.person = person;
            this.keys = person.blockingKeyHashes(keyHashes);
        }

        public static Entry of(PersonRecord record) {
            return new Entry(PreparedPerson.of(record));
        }
    }

    /**
     * Fills the rows one person after the other, in the order of the list being built (one thread at a time), so
     * that a list being read can be prepared while the rest of it is read.
     */
    public static final class Builder {
        private int size;
        private int[] rows = new int[1024 * ROW];
        private long[] entries = new long[1024 * BlockingIndex.MAX_KEYS];
        private char[] serviceNumbers = new char[1024];
        private int serviceNumbersUsed;
        private final PartTable surnames = new PartTable();
        private final PartTable givenNames = new PartTable();
        private final PartTable patronymics = new PartTable();
        private final List<BirthDate> dates = new ArrayList<>();
        private final Map<Integer, Integer> dateNumbers = new HashMap<>();
        private final Map<String, Integer> units = new HashMap<>();

        /** Adds persons at the end, in order. */
        public void addAll(List<PreparedPerson> persons) {
            persons.forEach(person -> add(new Entry(person)));
        }

        /** Adds a person at the end. */
        public void add(Entry entry) {
            if (size == rows.length / ROW) {
                rows = Arrays.copyOf(rows, rows.length * 2);
                entries = Arrays.copyOf(entries, entries.length * 2);
            }
            PreparedPerson person = entry.person;
            int row = size * ROW;
            ParsedName name = person.name();
            rows[row + SURNAME] = surnames.number(name.surname());
            rows[row + GIVEN_NAME] = givenNames.number(name.givenName());
            rows[row + PATRONYMIC] = patronymics.number(name.patronymic());
            BirthDate born = person.record().dateOfBirth();
            rows[row + DATE] = born == null ? NONE
                    : dateNumbers.computeIfAbsent(born.year() * 10_000 + born.month() * 100 + born.day(), d -> {
                        dates.add(born);
                        return dates.size() - 1;
                    });
            rows[row + UNIT] = person.unit().isEmpty() ? NONE : units.computeIfAbsent(person.unit(), u -> units.size());
            String number = person.serviceNumber();
            rows[row + NUMBER_LENGTH] = number.length();
            if (number.length() <= INLINE) {
                for (int k = 0; k < number.length(); k++) {
                    rows[row + NUMBER_CHARACTERS + k / 2] |= number.charAt(k) << 16 * (k & 1);
                }
            } else {
                if (serviceNumbersUsed + number.length() > serviceNumbers.length) {
                    serviceNumbers = Arrays.copyOf(serviceNumbers, Math.max(2 * serviceNumbers.length,
                            serviceNumbersUsed + number.length()));
                }
                number.getChars(0, number.length(), serviceNumbers, serviceNumbersUsed);
                rows[row + NUMBER_START] = serviceNumbersUsed;
                serviceNumbersUsed += number.length();
            }
            BlockingIndex.write(entry.keyHashes, entry.keys, size, entries);
            size++;
        }

        /** The list as built; the builder is spent. */
        public CompactPersons build() {
            return new CompactPersons(this, null);
        }

        /**
         * The list as built, for linking {@code seekers} only: its index keeps only the keys they look up, so
         * they get the same candidates from a smaller index, sorted sooner; other persons may miss theirs.
         */
        public CompactPersons buildFor(List<PreparedPerson> seekers) {
            return new CompactPersons(this, new BlockingIndex.KeySet(seekers));
        }
    }

    /** The distinct parts of one name column, numbered as they are met. */
    private static final class PartTable {
        private final List<NamePart> parts = new ArrayList<>();
        private final Map<PartValue, Integer> numbers = new HashMap<>();
        /** The numbers of parts met lately, by the parts' identity: most are met again and again. */
        private final NamePart[] recentParts = new NamePart[1 << 12];
        private final int[] recentNumbers = new int[recentParts.length];

        int number(NamePart part) {
            if (part == null) {
                return NONE;
            }
            int slot = System.identityHashCode(part) & (recentParts.length - 1);
            if (recentParts[slot] == part) {
                return recentNumbers[slot];
            }
            int number = numbers.computeIfAbsent(new PartValue(part), p -> {
                parts.add(part);
                return parts.size() - 1;
            });
            recentParts[slot] = part;
            recentNumbers[slot] = number;
            return number;
        }

        NamePart[] parts() {
            return parts.toArray(new NamePart[0]);
        }
    }

    /**
     * A name part as a key of the table of distinct parts: equal when every component is (its table name compared
     * by identity, as the table has one object per name), so the parts the scorer compares alike share a number.
     */
    private record PartValue(NamePart part) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof PartValue that)) {
                return false;
            }
            NamePart a = part;
            NamePart b = that.part;
            return a == b || a.written().equals(b.written()) && a.key().equals(b.key()) && a.initial() == b.initial()
                    && a.phonetic().equals(b.phonetic()) && a.name() == b.name();
        }

        @Override
        public int hashCode() {
            return part.written().hashCode() * 31 + part.key().hashCode();
        }
    }

    public int size() {
        return size;
    }

    BlockingIndex index() {
        return index;
    }

    /** Which column of name parts: its distinct parts are numbered apart. */
    enum Column { SURNAME, GIVEN_NAME, PATRONYMIC }

    /** How many distinct parts a column has; a part's number is below it. */
    int partCount(Column column) {
        return parts[column.ordinal()].length;
    }

    NamePart part(Column column, int number) {
        return parts[column.ordinal()][number];
    }

    int surname(int i) {
        return rows[i * ROW + SURNAME];
    }

    int givenName(int i) {
        return rows[i * ROW + GIVEN_NAME];
    }

    int patronymic(int i) {
        return rows[i * ROW + PATRONYMIC];
    }

    /** How many distinct dates of birth the rows name. */
    int dateCount() {
        return dates.length;
    }

    BirthDate date(int number) {
        return dates[number];
    }

    int dateOfBirth(int i) {
        return rows[i * ROW + DATE];
    }

    /** The number of a unit's key among the rows', or {@link #NONE} if none of them has it. */
    int unitNumber(String unitKey) {
        return units.getOrDefault(unitKey, NONE);
    }

    int unit(int i) {
        return rows[i * ROW + UNIT];
    }

    /** Whether person {@code i} has no service number. */
    boolean lacksServiceNumber(int i) {
        return rows[i * ROW + NUMBER_LENGTH] == 0;
    }

    /** Compares a service number with person {@code i}'s, which is given. */
    Level serviceNumber(String number, int i) {
        int row = i * ROW;
        int length = rows[row + NUMBER_LENGTH];
        if (number.length() != length) {
            return Level.SERVICE_NUMBER_DIFFERENT;
        }
        int first = -1;
        int differ = 0;
        for (int k = 0; k < length; k++) {
            if (number.charAt(k) != numberCharacter(row, length, k) && differ++ == 0) {
                first = k;
            }
        }
        if (differ == 0) {
            return Level.SERVICE_NUMBER_SAME;
        }
        // One character replaced, or two neighbours transposed.
        return differ == 1 || (differ == 2 && first + 1 < length
                && number.charAt(first) == numberCharacter(row, length, first + 1)
                && number.charAt(first + 1) == numberCharacter(row, length, first)) ? Level.SERVICE_NUMBER_ONE_DIGIT
                : Level.SERVICE_NUMBER_DIFFERENT;
    }

    private char numberCharacter(int row, int length, int k) {
        return length <= INLINE ? (char) (rows[row + NUMBER_CHARACTERS + k / 2] >>> 16 * (k & 1))
                : serviceNumbers[rows[row + NUMBER_START] + k];
    }
}
