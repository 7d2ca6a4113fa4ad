package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityTest {

    /** The bound as first written: the letters two keys share, counted in an array per letter. */
    private static boolean surelyApartByCounts(String a, String b, int edits) {
        int[] counts = new int[128];
        int otherA = 0;
        for (char c : a.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                otherA++;
            }
        }
        int shared = 0;
        int otherB = 0;
        for (char c : b.toCharArray()) {
            if (c >= 128) {
                otherB++;
            } else if (counts[c] > 0) {
                counts[c]--;
                shared++;
            }
        }
        shared += Math.min(otherA, otherB);
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
        return jaro + 0.1 * prefix * (1 - jaro) < Similarity.CLOSE - 1e-9;
    }

    @Test
    void theBoundWithoutAnArrayAgreesWithTheCountsOnRandomKeys() {
        Random random = new Random(2026);
        String letters = "aaabeiklmnorstvyz\u0456\u0457";
        for (int i = 0; i < 200_000; i++) {
            String a = word(random, letters);
            String b = random.nextInt(4) == 0 ? slip(random, a, letters) : word(random, letters);
            int edits = 1 + random.nextInt(2);
            assertThat(Similarity.surelyApart(a, b, edits)).as("%s / %s, %d edits", a, b, edits)
                    .isEqualTo(surelyApartByCounts(a, b, edits));
        }
    }

    @Test
    void closeKeysAreNeverSurelyApart() {
        assertThat(Similarity.surelyApart("shevchenko", "shevchneko", 2)).isFalse();
        assertThat(Similarity.isClose("shevchenko", "shevchneko")).isTrue();
        assertThat(Similarity.surelyApart("petrov", "kovalenko", 1)).isTrue();
    }

    private static String word(Random random, String letters) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(14);
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    /** The word with one letter changed, dropped or added, or two neighbours swapped. */
    private static String slip(Random random, String word, String letters) {
        StringBuilder slipped = new StringBuilder(word);
        int at = random.nextInt(word.length());
        switch (random.nextInt(4)) {
            case 0 -> slipped.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
            case 1 -> slipped.deleteCharAt(at);
            case 2 -> slipped.insert(at, letters.charAt(random.nextInt(letters.length())));
            default -> {
                if (at + 1 < word.length()) {
                    char c = slipped.charAt(at);
                    slipped.setCharAt(at, slipped.charAt(at + 1));
                    slipped.setCharAt(at + 1, c);
                }
            }
        }
        return slipped.toString();
    }
}
