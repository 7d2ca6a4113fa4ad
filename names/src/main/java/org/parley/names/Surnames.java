package org.parley.names;

import java.util.List;

/**
 * Surname keys without their grammatical gender (Петрова and Petrov, Ковальська and Kovalskyi, Біла and Bilyi)
 * and surnames derived from one another (Щербак and Щербаков are different families, not a typo).
 * Surnames in -енко, -ук/-юк, -ич and the like have one form for both sexes and need nothing.
 */
public final class Surnames {

    /** Suffixes that form a new surname from another one's stem. */
    private static final List<String> DERIVING_SUFFIXES = List.of("ov", "ev", "in", "enko", "uk", "cuk", "ic", "ovic",
            "evic", "ski", "cki");

    private Surnames() {
    }

    /**
     * The gender-neutral stem of a surname's matching key: feminine -ova/-eva/-ina and the adjectival
     * -ska(ia)/-cka(ia)/-aia endings become the masculine ones.
     */
    public static String stem(String key) {
        if (key.length() < 5) {
            return key;
        }
        if (key.endsWith("skaia") || key.endsWith("ckaia")) {
            return key.substring(0, key.length() - 3) + "i";
        }
        if (key.endsWith("ska") || key.endsWith("cka")) {
            return key.substring(0, key.length() - 1) + "i";
        }
        if (key.endsWith("aia")) {
            return key.substring(0, key.length() - 3) + "i";
        }
        if (key.endsWith("ova") || key.endsWith("eva") || key.endsWith("ina")) {
            return key.substring(0, key.length() - 1);
        }
        return key;
    }

    /** Whether two different keys are the male and female form of one surname. */
    public static boolean sameExceptGender(String a, String b) {
        if (stem(a).equals(stem(b))) {
            return true;
        }
        // Ukrainian adjectival surnames: Білий (bili) and Біла (bila).
        return a.length() == b.length() && a.length() >= 4
                && a.regionMatches(0, b, 0, a.length() - 1)
                && (a.endsWith("i") && b.endsWith("a") || a.endsWith("a") && b.endsWith("i"));
    }

    /** Whether one stem is the other with a surname-forming suffix (Shcherbak, Shcherbakov). */
    public static boolean isDerived(String a, String b) {
        String shorter = a.length() < b.length() ? a : b;
        String longer = a.length() < b.length() ? b : a;
        if (shorter.length() < 3 || !longer.startsWith(shorter)) {
            return false;
        }
        return DERIVING_SUFFIXES.contains(longer.substring(shorter.length()));
    }
}
