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

    /** Sorted as far as {@link #used}: the entries; the places after it are none. */
    private final long[] entries;
    private final int used;
    private final int positionBits;
    private final long positionMask;

    private BlockingIndex(long[] entries, int length, int positionBits) {
        this.entries = entries;
        this.used = firstAtLeast(entries, length, UNUSED);
        this.positionBits = positionBits;
        this.positionMask = (1L << positionBits) - 1;
    }

    /** The bits of an entry that hold a person's position, for a list of {@code size} persons (up to size itself). */
    static int positionBits(int size) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(size));
    }

    /**
     * Writes a person's key hashes, {@link #MAX_KEYS} places from {@code i * MAX_KEYS}, the places it does not need
     * marked unused; {@link #of(long[], int)} makes them entries.
     */
    static void write(long[] hashes, int count, int i, long[] entries) {
        int at = i * MAX_KEYS;
        System.arraycopy(hashes, 0, entries, at, count);
        Arrays.fill(entries, at + count, at + MAX_KEYS, UNUSED);
    }

    /** Indexes a list of persons. */
    public static BlockingIndex of(List<PreparedPerson> persons) {
        long[] entries = new long[persons.size() * MAX_KEYS];
        long[] hashes = new long[MAX_KEYS];
        for (int i = 0; i < persons.size(); i++) {
            write(hashes, persons.get(i).blockingKeyHashes(hashes), i, entries);
        }
        return of(entries, positionBits(persons.size()));
    }

    /**
     * Indexes a list from the array its persons' key hashes were {@link #write written} to (up to {@code length}),
     * making them entries in place; only the keys {@code sought} holds, if not null (see
     * {@link CompactPersons.Builder#buildFor}).
     */
    static BlockingIndex of(long[] hashes, int length, int positionBits, KeySet sought) {
        int kept = 0;
        for (int at = 0; at < length; at++) {
            if (hashes[at] != UNUSED && (sought == null || sought.contains(hashes[at]))) {
                hashes[kept++] = hashes[at] << positionBits | at / MAX_KEYS;
            }
        }
        // Sorted where they are: the places after them stay unused (a copy would be as large as the array).
        Arrays.parallelSort(hashes, 0, kept);
        return new BlockingIndex(hashes, kept, positionBits);
    }

    static BlockingIndex of(long[] hashes, int positionBits) {
        return of(hashes, hashes.length, positionBits, null);
    }

    /** The hashes of the keys some persons look up, in either name order. */
    static final class KeySet {
        private final long[] slots;
        private final boolean[] used;

        KeySet(List<PreparedPerson> persons) {
            long[] keys = persons.stream().flatMapToLong(p -> Arrays.stream(p.lookupKeyHashes())).distinct()
                    .toArray();
            slots = new long[Integer.highestOneBit(Math.max(1, keys.length)) * 4];
            used = new boolean[slots.length];
            for (long key : keys) {
                int slot = slot(key);
                while (used[slot]) {
                    slot = (slot + 1) & (slots.length - 1);
                }
                slots[slot] = key;
                used[slot] = true;
            }
        }

        boolean contains(long key) {
            for (int slot = slot(key); used[slot]; slot = (slot + 1) & (slots.length - 1)) {
                if (slots[slot] == key) {
                    return true;
                }
            }
            return false;
        }

        private int slot(long key) {
            long mixed = key * 0x9E3779B97F4A7C15L;
            return (int) (mixed >>> 40) & (slots.length - 1);
        }
    }

    /** The positions of the indexed persons that share a key with {@code person} (in either name order), each once. */
    @Override
    public int[] of(PreparedPerson person) {
        long[] keys = person.lookupKeyHashes();
        // The blocks first, then one array of the right length: a left person may have tens of thousands.
        int[] from = new int[keys.length];
        int[] to = new int[keys.length];
        int count = 0;
        for (int k = 0; k < keys.length; k++) {
            long hash = keys[k];
            from[k] = from(hash);
            to[k] = to(hash);
            if (to[k] - from[k] <= MAX_BLOCK) {
                count += to[k] - from[k];
            }
        }
        if (count == 0) {
            return NONE;
        }
        int[] positions = new int[count];
        int at = 0;
        for (int k = 0; k < keys.length; k++) {
            if (to[k] - from[k] <= MAX_BLOCK) {
                for (int i = from[k]; i < to[k]; i++) {
                    positions[at++] = (int) (entries[i] & positionMask);
                }
            }
        }
        Arrays.sort(positions);
        int unique = 1;
        for (int i = 1; i < count; i++) {
            if (positions[i] != positions[unique - 1]) {
                positions[unique++] = positions[i];
            }
        }
        return unique == count ? positions : Arrays.copyOf(positions, unique);
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
        long hash = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= FNV_PRIME;
        }
        return hash;
    }

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;
}
