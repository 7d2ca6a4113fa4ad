package org.parley.names;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The persons of one list by their {@link PreparedPerson#blockingKeys() blocking keys}, so that a person of the
 * other list is compared only with those sharing a key rather than with all of them. A key shared by more than
 * {@link #MAX_BLOCK} persons carries too little information to narrow anything down and is not used.
 *
 * <p>Built for a million persons in little memory: every (key, person) pair is one {@code long}, a 64-bit hash
 * of the key in the high bits and the person's position in the low bits, and the array is sorted, so a lookup
 * is a binary search. Two keys whose hashes collide only add candidates, which the scorer then rejects.
 */
public final class BlockingIndex implements Linkage.Candidates {

    /** Blocks larger than this are skipped: their persons are still found through their other keys. */
    public static final int MAX_BLOCK = 2_000;

    private static final int[] NONE = new int[0];

    private final long[] entries;
    private final int positionBits;
    private final long positionMask;

    private BlockingIndex(long[] entries, int positionBits) {
        this.entries = entries;
        this.positionBits = positionBits;
        this.positionMask = (1L << positionBits) - 1;
    }

    /** Indexes a list; candidates are returned as positions in it. */
    public static BlockingIndex of(List<PreparedPerson> persons) {
        int positionBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, persons.size() - 1)));
        long[][] perPerson = IntStream.range(0, persons.size()).parallel().mapToObj(i -> {
            List<String> keys = persons.get(i).blockingKeys();
            long[] entries = new long[keys.size()];
            for (int k = 0; k < entries.length; k++) {
                entries[k] = (hash(keys.get(k)) << positionBits) | i;
            }
            return entries;
        }).toArray(long[][]::new);
        long[] entries = new long[Arrays.stream(perPerson).mapToInt(e -> e.length).sum()];
        int count = 0;
        for (long[] personEntries : perPerson) {
            System.arraycopy(personEntries, 0, entries, count, personEntries.length);
            count += personEntries.length;
        }
        Arrays.parallelSort(entries);
        return new BlockingIndex(entries, positionBits);
    }

    /** The positions of the indexed persons that share a key with {@code person} (in either name order), each once. */
    @Override
    public int[] of(PreparedPerson person) {
        int[] found = NONE;
        int count = 0;
        for (List<String> keys : List.of(person.blockingKeys(), person.swappedBlockingKeys())) {
            for (String key : keys) {
                long first = hash(key) << positionBits;
                long last = first | positionMask;
                int from = firstAtLeast(first);
                int to = last == Long.MAX_VALUE ? entries.length : firstAtLeast(last + 1);
                if (to == from || to - from > MAX_BLOCK) {
                    continue;
                }
                if (count + to - from > found.length) {
                    found = Arrays.copyOf(found, Math.max(16, 2 * (count + to - from)));
                }
                for (int i = from; i < to; i++) {
                    found[count++] = (int) (entries[i] & positionMask);
                }
            }
        }
        if (count == 0) {
            return NONE;
        }
        Arrays.sort(found, 0, count);
        int unique = 1;
        for (int i = 1; i < count; i++) {
            if (found[i] != found[unique - 1]) {
                found[unique++] = found[i];
            }
        }
        return Arrays.copyOf(found, unique);
    }

    /** The first position whose entry is at least {@code value} (entries compare as signed longs). */
    private int firstAtLeast(long value) {
        int low = 0;
        int high = entries.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * FNV-1a, 64 bits, of a key's characters: what a database stores of a person's blocking keys (two keys whose
     * hashes collide only add candidates, as in the index).
     */
    public static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
