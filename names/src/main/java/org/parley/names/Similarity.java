package org.parley.names;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** String similarity over matching keys (commons-text's Jaro–Winkler and bounded Levenshtein). */
public final class Similarity {

    /** Keys at least this Jaro–Winkler-similar count as a close spelling. */
    public static final double CLOSE = 0.92;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);
    private static final LevenshteinDistance TWO_EDITS = new LevenshteinDistance(2);

    private Similarity() {
    }

    /** Jaro–Winkler similarity in [0, 1]. */
    public static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    /**
     * Whether two keys differ only by a typing slip: one edit for keys of 4 to 7 letters, two for longer ones;
     * or are at least {@link #CLOSE} similar by Jaro–Winkler.
     */
    public static boolean isClose(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 4 || surelyApart(a, b, shorter >= 8 ? 2 : 1)) {
            return false;
        }
        // A linkage asks this of the same few hundred name keys again and again: each thread remembers answers.
        Map<String, Boolean> ofA = CLOSE_KEYS.get().computeIfAbsent(a, k -> new HashMap<>());
        Boolean known = ofA.get(b);
        if (known == null) {
            LevenshteinDistance distance = shorter >= 8 ? TWO_EDITS : ONE_EDIT;
            known = distance.apply(a, b) >= 0 || jaroWinkler(a, b) >= CLOSE;
            if (ofA.size() < REMEMBERED_PER_KEY) {
                ofA.put(b, known);
            }
        }
        return known;
    }

    /**
     * Whether two keys are certainly not close, by the letters they share (counted as bags, order ignored), which
     * bound both measures from above: Jaro–Winkler counts at most the shared letters as matching, and each letter of
     * the longer key that the other lacks takes an edit. Most keys a linkage compares share few letters, and this
     * costs a fraction of the two measures.
     */
    static boolean surelyApart(String a, String b, int edits) {
        if (a.length() > Long.SIZE) {
            return false; // no name key is this long: left to the measures themselves
        }
        int otherA = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) >= 128) {
                otherA++;
            }
        }
        int shared = 0;
        int otherB = 0;
        // Each letter of b takes the first letter of a equal to it and not taken yet (a bit per letter of a): the
        // size of the bags' intersection, with nothing allocated, as a linkage asks this millions of times.
        long taken = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c >= 128) {
                otherB++;
                continue;
            }
            for (int k = 0; k < a.length(); k++) {
                if (a.charAt(k) == c && (taken & 1L << k) == 0) {
                    taken |= 1L << k;
                    shared++;
                    break;
                }
            }
        }
        shared += Math.min(otherA, otherB); // letters outside ASCII: counted as shared, to be safe
        if (Math.max(a.length(), b.length()) - shared <= edits) {
            return false;
        }
        if (shared == 0) {
            return true;
        }
        double jaro = ((double) shared / a.length() + (double) shared / b.length() + 1) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + 0.1 * prefix * (1 - jaro) < CLOSE - 1e-9;
    }

    /** Answers of {@link #isClose} per thread, first key, second key; at most so many, the least used dropped. */
    private static final ThreadLocal<Map<String, Map<String, Boolean>>> CLOSE_KEYS = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Boolean>> eldest) {
                    return size() > REMEMBERED_KEYS;
                }
            });
    private static final int REMEMBERED_KEYS = 1_000;
    private static final int REMEMBERED_PER_KEY = 1_000;
}
