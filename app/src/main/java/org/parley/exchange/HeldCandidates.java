package org.parley.exchange;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.parley.names.BlockingIndex;
import org.parley.names.Linkage;
import org.parley.names.PreparedPerson;
import org.parley.registry.MatchablePerson;
import org.parley.registry.RegistryService;

/**
 * The persons of a holder's registry that the requested records of a reconciliation are compared with, found through
 * the blocking keys the registry stores with each person: one query joins the records' keys (in either name order)
 * to the holder's stored ones, and only the persons it names are read. They are the persons the {@code names}
 * library's {@link BlockingIndex} over the holder's whole registry would give (a block is counted over all the
 * holder's persons and skipped above {@link BlockingIndex#MAX_BLOCK}), without reading and preparing a million rows.
 */
final class HeldCandidates implements Linkage.Candidates {

    private static final int[] NONE = new int[0];

    /** The candidates, by id: the right list of the linkage. */
    private final List<MatchablePerson> persons;
    /** Key hash → positions in {@link #persons} of the holder's persons under it. */
    private final Map<Long, int[]> blocks;

    private HeldCandidates(List<MatchablePerson> persons, Map<Long, int[]> blocks) {
        this.persons = persons;
        this.blocks = blocks;
    }

    static HeldCandidates of(RegistryService registry, String holder, List<PreparedPerson> requested) {
        long[] keys = requested.stream().flatMapToLong(p -> Arrays.stream(p.lookupKeyHashes())).distinct()
                .toArray();
        if (keys.length == 0) {
            return new HeldCandidates(List.of(), Map.of());
        }
        Map<Long, long[]> held = registry.heldUnderBlockingKeys(holder, keys, BlockingIndex.MAX_BLOCK);
        long[] ids = held.values().stream().flatMapToLong(LongStream::of).sorted().distinct().toArray();
        List<MatchablePerson> persons = registry.matchable(ids);
        Map<Long, Integer> positions = new HashMap<>(persons.size() * 2);
        for (int i = 0; i < persons.size(); i++) {
            positions.put(persons.get(i).id(), i);
        }
        Map<Long, int[]> blocks = new HashMap<>(held.size() * 2);
        // a person gone since the keys were read is left out
        held.forEach((key, block) -> blocks.put(key, LongStream.of(block).mapToObj(positions::get)
                .filter(p -> p != null).mapToInt(Integer::intValue).toArray()));
        return new HeldCandidates(persons, blocks);
    }

    /** The candidates, by id. */
    List<MatchablePerson> persons() {
        return persons;
    }

    @Override
    public int[] of(PreparedPerson left) {
        int[] found = Arrays.stream(left.lookupKeyHashes()).mapToObj(blocks::get).filter(b -> b != null)
                .flatMapToInt(Arrays::stream).sorted().distinct().toArray();
        return found.length == 0 ? NONE : found;
    }
}
