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
 * <p>A key shared by more than {@link #MAX_BLOCK} persons carries too little information to narrow anything
 * down and is not used: its persons are still found through their other keys. (Refining such blocks by birth
 * year was tried and measured on lists with realistically concentrated names: it cost more comparisons than it
 * saved and lowered precision and recall slightly; README, "Benchmarks".)
 */
public final class BlockingIndex implements Linkage.Candidates {

    /** Blocks larger than this are skipped. */
    public static final int MAX_BLOCK = 2_000;

    /** The most keys a person has ({@link PreparedPerson#blockingKeys()}). */
    static final int MAX_KEYS = 7;

    /** Marks an unused place in the arrays: it sorts last and, as its position bits exceed any position, is no entry. */
    private static final long UNUSED = Long.MAX_VALUE;

    private static final int[] NONE = new int[0];

    /** Sorted; the entries come first, then unused places. */
    private final long[] entries;
    private final int used;
    private final int positionBits;
    private final long positionMask;

    private BlockingIndex(long[] entries, int positionBits) {
        this.entries = entries;
        this.used = firstAtLeast(entries, entries.length, UNUSED);
        this.positionBits = positionBits;
        this.positionMask = (1L << positionBits) - 1;
    }

    /** The bits of an entry that hold a person's position, for a list of {@code size} persons (up to size itself). */
    static int positionBits(int size) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(size));
    }

    /**
     * Writes person {@code i}'s entries, {@link #MAX_KEYS} places from {@code i * MAX_KEYS}, the places it does
     * not need marked unused; for {@link #of}.
     */
    static void write(PreparedPerson person, int i, int positionBits, long[] entries) {
        int at = i * MAX_KEYS;
        Arrays.fill(entries, at, at + MAX_KEYS, UNUSED);
        for (String key : person.blockingKeys()) {
            entries[at++] = hash(key) << positionBits | i;
        }
    }

    /** Indexes a list of persons. */
    public static BlockingIndex of(List<PreparedPerson> persons) {
        int positionBits = positionBits(persons.size());
        long[] entries = new long[persons.size() * MAX_KEYS];
        for (int i = 0; i < persons.size(); i++) {
            write(persons.get(i), i, positionBits, entries);
        }
        return of(entries, positionBits);
    }

    /** Indexes a list from the array its persons {@link #write wrote}, sorting it in place and keeping it. */
    static BlockingIndex of(long[] entries, int positionBits) {
        Arrays.parallelSort(entries);
        return new BlockingIndex(entries, positionBits);
    }

    /** The positions of the indexed persons that share a key with {@code person} (in either name order), each once. */
    @Override
    public int[] of(PreparedPerson person) {
        Found found = new Found();
        for (List<String> keys : List.of(person.blockingKeys(), person.swappedBlockingKeys())) {
            for (String key : keys) {
                long hash = hash(key);
                int from = from(hash);
                int to = to(hash);
                if (to - from <= MAX_BLOCK) {
                    found.add(from, to);
                }
            }
        }
        return found.unique();
    }

    /** The positions found so far, with repeats. */
    private final class Found {
        private int[] positions = NONE;
        private int count;

        void add(int from, int to) {
            if (count + to - from > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(16, 2 * (count + to - from)));
            }
            for (int i = from; i < to; i++) {
                positions[count++] = (int) (entries[i] & positionMask);
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
    private int from(long hash) {
        return firstAtLeast(entries, used, hash << positionBits);
    }

    /** The place after a key's block. */
    private int to(long hash) {
        long last = hash << positionBits | positionMask;
        return last == Long.MAX_VALUE ? used : firstAtLeast(entries, used, last + 1);
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

    /** FNV-1a, 64 bits, of a key's characters (also the hash the registry stores of each person's keys). */
    public static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
