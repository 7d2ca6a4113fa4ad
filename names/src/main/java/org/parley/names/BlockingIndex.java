package org.parley.names;

import java.util.Arrays;
import java.util.List;

/**
 * The persons of one list by their {@link PreparedPerson#blockingKeys() blocking keys}, so that a person of the
 * other list is compared only with those sharing a key rather than with all of them.
 *
 * <p>Built for a million persons in little memory: every (key, person) pair is one {@code long}, a 64-bit hash
 * of the key in the high bits and the person's position in the low bits, and the array is sorted, so a lookup
 * is a binary search. Two keys whose hashes collide only add candidates, which the scorer then rejects.
 *
 * <p>Frequency-aware: names are concentrated (a few dozen given names cover most men, common surnames have
 * thousands of holders), so a key without a date — given name with surname sound, father's name with surname
 * sound, given name with father's name — can be shared by thousands. Such a key is also indexed with the birth
 * year, and a block larger than {@link #REFINE_FROM} is looked up by those refined keys instead: the persons
 * of the years a written year can be mistaken for (one of its last two digits differing, or one year off) and
 * those without a year (only the same year and none, if those are too many). Only a person without a year of
 * their own still scans the whole block, and a block larger than {@link #MAX_BLOCK} carries too little
 * information to narrow anything down then: it is skipped (its persons are still found through their other
 * keys).
 */
public final class BlockingIndex {

    /** Blocks larger than this are skipped when they cannot be refined. */
    public static final int MAX_BLOCK = 2_000;

    /** Blocks of keys without a date larger than this are looked up by birth year. */
    public static final int REFINE_FROM = 500;

    /** The most keys a person has ({@link PreparedPerson#blockingKeys()}). */
    static final int MAX_KEYS = 7;

    /** The most keys without a date a person has: given name, father's name and their pair, with the surname. */
    static final int MAX_REFINED_KEYS = 3;

    /** Marks an unused place in the arrays: it sorts last and, as its position bits exceed any position, is no entry. */
    private static final long UNUSED = Long.MAX_VALUE;

    private static final int[] NONE = new int[0];

    /** Sorted; the entries come first, then unused places. */
    private final long[] entries;
    private final int used;
    /** The same for the keys without a date, with the birth year ({@link #refined}). */
    private final long[] refinedEntries;
    private final int refinedUsed;
    private final int positionBits;
    private final long positionMask;

    private BlockingIndex(long[] entries, long[] refinedEntries, int positionBits) {
        this.entries = entries;
        this.used = firstAtLeast(entries, entries.length, UNUSED);
        this.refinedEntries = refinedEntries;
        this.refinedUsed = firstAtLeast(refinedEntries, refinedEntries.length, UNUSED);
        this.positionBits = positionBits;
        this.positionMask = (1L << positionBits) - 1;
    }

    /** The bits of an entry that hold a person's position, for a list of {@code size} persons (up to size itself). */
    static int positionBits(int size) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(size));
    }

    /**
     * Writes person {@code i}'s entries: {@link #MAX_KEYS} places from {@code i * MAX_KEYS} in {@code entries},
     * {@link #MAX_REFINED_KEYS} from {@code i * MAX_REFINED_KEYS} in {@code refinedEntries}, the places it does not
     * need marked unused; for {@link #of}.
     */
    static void write(PreparedPerson person, int i, int positionBits, long[] entries, long[] refinedEntries) {
        List<String> keys = person.blockingKeys();
        BirthDate born = person.record().dateOfBirth();
        int at = i * MAX_KEYS;
        int refinedAt = i * MAX_REFINED_KEYS;
        Arrays.fill(entries, at, at + MAX_KEYS, UNUSED);
        Arrays.fill(refinedEntries, refinedAt, refinedAt + MAX_REFINED_KEYS, UNUSED);
        for (String key : keys) {
            entries[at++] = hash(key) << positionBits | i;
            if (withoutDate(key)) {
                refinedEntries[refinedAt++] = hash(refined(key, born == null ? 0 : born.year())) << positionBits | i;
            }
        }
    }

    /** Indexes a list from the arrays its persons {@link #write wrote}, sorting them in place and keeping them. */
    static BlockingIndex of(long[] entries, long[] refinedEntries, int positionBits) {
        Arrays.parallelSort(entries);
        Arrays.parallelSort(refinedEntries);
        return new BlockingIndex(entries, refinedEntries, positionBits);
    }

    /** The positions of the indexed persons that share a key with {@code person} (in either name order), each once. */
    public int[] candidates(PreparedPerson person) {
        BirthDate born = person.record().dateOfBirth();
        Found found = new Found();
        for (List<String> keys : List.of(person.blockingKeys(), person.swappedBlockingKeys())) {
            for (String key : keys) {
                long hash = hash(key);
                int from = from(entries, used, hash);
                int to = to(entries, used, hash);
                if (to - from > REFINE_FROM && born != null && withoutDate(key)) {
                    addRefined(key, yearsMistakenFor(born.year()), found);
                } else if (to - from <= MAX_BLOCK) {
                    found.add(entries, from, to);
                }
            }
        }
        return found.unique();
    }

    /**
     * Adds the persons of a key's block born in one of {@code years} (0: none given), if they are at most
     * {@link #MAX_BLOCK}; else those born in the first year given and with none, if they are (the block of a
     * name held by tens of thousands); else none.
     */
    private void addRefined(String key, int[] years, Found found) {
        int[] from = new int[years.length];
        int[] to = new int[years.length];
        int total = 0;
        for (int y = 0; y < years.length; y++) {
            long refined = hash(refined(key, years[y]));
            from[y] = from(refinedEntries, refinedUsed, refined);
            to[y] = to(refinedEntries, refinedUsed, refined);
            total += to[y] - from[y];
        }
        int using = total <= MAX_BLOCK ? years.length : to[0] - from[0] + to[1] - from[1] <= MAX_BLOCK ? 2 : 0;
        for (int y = 0; y < using; y++) {
            found.add(refinedEntries, from[y], to[y]);
        }
    }

    /** The positions found so far, with repeats. */
    private final class Found {
        private int[] positions = NONE;
        private int count;

        void add(long[] array, int from, int to) {
            if (count + to - from > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(16, 2 * (count + to - from)));
            }
            for (int i = from; i < to; i++) {
                positions[count++] = (int) (array[i] & positionMask);
            }
        }

        int[] unique() {
            if (count == 0) {
                return NONE;
            }
            Arrays.sort(positions, 0, count);
            int unique = 1;
            for (int i = 1; i < count; i++) {
                if (positions[i] != positions[unique - 1]) {
                    positions[unique++] = positions[i];
                }
            }
            return Arrays.copyOf(positions, unique);
        }
    }

    /** The first place of a key's block. */
    private int from(long[] array, int length, long hash) {
        return firstAtLeast(array, length, hash << positionBits);
    }

    /** The place after a key's block. */
    private int to(long[] array, int length, long hash) {
        long last = hash << positionBits | positionMask;
        return last == Long.MAX_VALUE ? length : firstAtLeast(array, length, last + 1);
    }

    /** Given name, father's name or their pair with the surname sound: the keys {@link #refined} by year. */
    private static boolean withoutDate(String key) {
        char kind = key.charAt(0);
        return kind == 'g' || kind == 'f' || kind == 'h';
    }

    /** A key without a date with a birth year (0: none given). */
    private static String refined(String key, int year) {
        return key + "/" + year;
    }

    /**
     * The years whose persons a person born in {@code year} is looked up among in a refined block: the same,
     * none given, one off, one of the last two digits differing (the scorer's {@link DateAgreement} levels).
     */
    private static int[] yearsMistakenFor(int year) {
        int[] years = new int[21];
        int count = 0;
        years[count++] = year;
        years[count++] = 0;
        if (year % 10 == 0) {
            years[count++] = year - 1; // else among the years with another last digit
        } else if (year % 10 == 9) {
            years[count++] = year + 1;
        }
        for (int digit = 0; digit < 10; digit++) {
            int units = year - year % 10 + digit;
            if (units != year) {
                years[count++] = units;
            }
            int tens = year - year / 10 % 10 * 10 + digit * 10;
            if (tens != year) {
                years[count++] = tens;
            }
        }
        return Arrays.copyOf(years, count);
    }

    /** The first place below {@code length} whose entry is at least {@code value} (entries compare as signed longs). */
    private static int firstAtLeast(long[] array, int length, long value) {
        int low = 0;
        int high = length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (array[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** FNV-1a, 64 bits, of a key's characters. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
