package org.parley.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * "Left off" of several lists from each population's size and its few persons some version named, rather than from
 * every person left off: a list leaves off every person of its population its latest version does not name, so its
 * count is the population's size less those it names; a person never named by any version of a list is NEVER_LISTED
 * for it. The persons named by some version are a few hundred; the populations are hundreds of thousands.
 */
final class LeftOffArithmetic {

    /** Makes one list's counts from its index, persons by reason, and persons left off. */
    interface ListMaker {
        ExchangeFigures.ListCounts make(int list, Map<String, Long> byReason, long persons);
    }

    private LeftOffArithmetic() {
    }

    /**
     * @param populations the lists' indexes, by population (a person is in at most one)
     * @param sizes each population's size (visible, selected persons in custody)
     * @param reasons per population, per person named by some version: per list, its removal reason or null
     * @param listed per population, per such person: per list, whether its latest version names them
     */
    static ExchangeFigures.LeftOffCounts counts(int lists, List<List<Integer>> populations, long[] sizes,
            List<List<String[]>> reasons, List<List<boolean[]>> listed, ListMaker maker) {
        List<Map<String, Long>> perList = new ArrayList<>();
        long[] off = new long[lists];
        for (int i = 0; i < lists; i++) {
            perList.add(new TreeMap<>());
        }
        Map<String, Long> byReason = new TreeMap<>();
        long total = 0;
        for (int g = 0; g < populations.size(); g++) {
            List<Integer> members = populations.get(g);
            long namedByAll = 0;
            long namedOrRemovedEverywhere = 0;
            for (int i : members) {
                off[i] = sizes[g];
            }
            for (int t = 0; t < listed.get(g).size(); t++) {
                boolean[] on = listed.get(g).get(t);
                String[] why = reasons.get(g).get(t);
                boolean all = true;
                boolean everywhere = true;
                Set<String> personReasons = new HashSet<>();
                for (int i : members) {
                    if (on[i]) {
                        off[i]--;
                    } else {
                        all = false;
                        if (why[i] == null) {
                            everywhere = false;
                        } else {
                            perList.get(i).merge(why[i], 1L, Long::sum);
                            personReasons.add(why[i]);
                        }
                    }
                }
                namedByAll += all ? 1 : 0;
                namedOrRemovedEverywhere += everywhere ? 1 : 0;
                personReasons.forEach(r -> byReason.merge(r, 1L, Long::sum));
            }
            total += sizes[g] - namedByAll;
            long neverListed = sizes[g] - namedOrRemovedEverywhere;
            if (neverListed > 0) {
                byReason.merge(ExchangeFigures.NEVER_LISTED, neverListed, Long::sum);
            }
        }
        List<ExchangeFigures.ListCounts> counts = new ArrayList<>();
        for (int i = 0; i < lists; i++) {
            long removed = perList.get(i).values().stream().mapToLong(Long::longValue).sum();
            if (off[i] - removed > 0) {
                perList.get(i).put(ExchangeFigures.NEVER_LISTED, off[i] - removed);
            }
            counts.add(maker.make(i, new LinkedHashMap<>(perList.get(i)), off[i]));
        }
        return new ExchangeFigures.LeftOffCounts(total, counts, new LinkedHashMap<>(byReason));
    }
}
