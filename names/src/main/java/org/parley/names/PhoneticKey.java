package org.parley.names;

/**
 * A coarse sound key of a matching key, for blocking and for "sounds alike": the first letter, then the
 * consonants in classes (b/p, d/t, g/k, s/z/c, v/f), vowels dropped, repeats merged, at most six letters.
 * Kovalenko and Kovalenka → kvlnk; Hryhorenko and Grigorenko → grgrnk.
 */
public final class PhoneticKey {

    private static final int LENGTH = 6;

    private PhoneticKey() {
    }

    public static String of(String key) {
        if (key.isEmpty()) {
            return key;
        }
        StringBuilder out = new StringBuilder(LENGTH);
        char first = classOf(key.charAt(0));
        out.append(first == 0 ? key.charAt(0) : first);
        char last = out.charAt(0);
        for (int i = 1; i < key.length() && out.length() < LENGTH; i++) {
            char c = classOf(key.charAt(i));
            if (c != 0 && c != last) {
                out.append(c);
            }
            last = c == 0 ? last : c;
        }
        return out.toString();
    }

    private static char classOf(char c) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> 0;
            case 'b', 'p' -> 'b';
            case 'd', 't' -> 'd';
            case 'g', 'k' -> 'g';
            case 's', 'z', 'c' -> 's';
            case 'v', 'f' -> 'v';
            default -> c;
        };
    }
}
