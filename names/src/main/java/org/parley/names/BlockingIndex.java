package org.parley.names;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The persons of one list by their {@link PreparedPerson#blockingKeys() blocking keys}, so that a person of the
 * other list is compared only with those sharing a key rather than with all of them. A key shared by more than
 * {@link #MAX_BLOCK} persons carries too little information to narrow anything down and is not used.
 */
public final class BlockingIndex {

    /** Blocks larger than this are skipped: their persons are still found through their other keys. */
    public static final int MAX_BLOCK = 2_000;

    private static final int[] NONE = new int[0];

    private final Map<String, int[]> blocks;

    private BlockingIndex(Map<String, int[]> blocks) {
        this.blocks = blocks;
    }

    /** Indexes a list; candidates are returned as positions in it. */
    public static BlockingIndex of(List<PreparedPerson> persons) {
        Map<String, int[]> blocks = new HashMap<>(persons.size() * 4);
        Map<String, Integer> sizes = new HashMap<>(persons.size() * 4);
        for (PreparedPerson person : persons) {
            for (String key : person.blockingKeys()) {
                sizes.merge(key, 1, Integer::sum);
            }
        }
        sizes.forEach((key, size) -> {
            if (size <= MAX_BLOCK) {
                blocks.put(key, new int[size]);
            }
        });
        Map<String, Integer> filled = new HashMap<>(blocks.size());
        for (int i = 0; i < persons.size(); i++) {
            for (String key : persons.get(i).blockingKeys()) {
                int[] block = blocks.get(key);
                if (block != null) {
                    block[filled.merge(key, 1, Integer::sum) - 1] = i;
                }
            }
        }
        return new BlockingIndex(blocks);
    }

    /** The positions of the indexed persons that share a key with {@code person} (in either name order), each once. */
    public int[] candidates(PreparedPerson person) {
        int[] found = NONE;
        int count = 0;
        for (List<String> keys : List.of(person.blockingKeys(), person.swappedBlockingKeys())) {
            for (String key : keys) {
                int[] block = blocks.getOrDefault(key, NONE);
                if (count + block.length > found.length) {
                    found = Arrays.copyOf(found, Math.max(16, 2 * (count + block.length)));
                }
                System.arraycopy(block, 0, found, count, block.length);
                count += block.length;
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
}
