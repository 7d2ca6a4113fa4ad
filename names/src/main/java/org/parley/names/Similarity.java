package org.parley.names;

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
        if (shorter < 4) {
            return false;
        }
        LevenshteinDistance distance = shorter >= 8 ? TWO_EDITS : ONE_EDIT;
        return distance.apply(a, b) >= 0 || jaroWinkler(a, b) >= CLOSE;
    }
}
