package org.parley.names;

import java.util.ArrayList;
import java.util.List;

/**
 * The Latin matching key of a name: the same for every spelling of it that the transliteration standards, the
 * Ukrainian and Russian alphabets and common European spellings produce. Коваленко, Kovalenko; Щербак,
 * Shcherbak, Ŝerbak, Szczerbak; Юрій, Юрий, Yurii, Yuriy, Iurii, Jurij, Ûrìj all share a key.
 *
 * <p>The key is deliberately lossy: it merges the letters the standards disagree on (г/ґ/х as h, g or kh; и/і/ы/й
 * and y/i/j; є and ye/ie/e; ё and yo/io/e; ц as ts/c/cz; ж/ш/ч/щ with or without the h; doubled letters). It is
 * for comparison, never shown. Built with plain tables rather than ICU: it runs for every record of a
 * million-row list.
 */
public final class MatchKey {

    private static final String[] CYRILLIC = new String[0x100];

    static {
        String letters = "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяё";
        String[] latin = {"a", "b", "v", "g", "g", "d", "e", "ie", "zh", "z", "i", "i", "i", "i", "k", "l", "m", "n",
                "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "i", "", "e", "iu", "ia", "io"};
        for (int i = 0; i < letters.length(); i++) {
            CYRILLIC[letters.charAt(i) - 0x400] = latin[i];
        }
    }

    private MatchKey() {
    }

    /** The key of a name of one or more words, the words' keys separated by single spaces. */
    public static String of(String name) {
        return String.join(" ", words(name));
    }

    /** The keys of the words of a name (hyphenated parts count as words); empty words are dropped. */
    public static List<String> words(String name) {
        List<String> keys = new ArrayList<>(3);
        String normalized = NameNormalizer.normalize(keepIotation(name));
        int start = 0;
        for (int i = 0; i <= normalized.length(); i++) {
            if (i == normalized.length() || normalized.charAt(i) == ' ' || normalized.charAt(i) == '-') {
                if (i > start) {
                    String key = ofNormalizedWord(normalized.substring(start, i));
                    if (!key.isEmpty()) {
                        keys.add(key);
                    }
                }
                start = i + 1;
            }
        }
        return keys;
    }

    /** The key of one word already passed through {@link NameNormalizer}. */
    public static String ofNormalizedWord(String word) {
        StringBuilder latin = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x400 && c < 0x500 && CYRILLIC[c - 0x400] != null) {
                latin.append(CYRILLIC[c - 0x400]);
            } else if (c == '\u0306' || c == '\u0308') {
                // й and ї keep their mark after normalisation: the base letter already gave "i".
                continue;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                latin.append(c);
            }
        }
        return collapse(vowels(consonants(latin)));
    }

    /**
     * ISO 9 writes the iotated vowels with a circumflex (ю → û, я → â, є → ê, ё → ë); normalisation would fold
     * them to plain vowels, so they are spelled out first. The BGN middle dot (Z·h) is dropped.
     */
    private static String keepIotation(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case 'û', 'Û' -> out.append("iu");
                case 'â', 'Â' -> out.append("ia");
                case 'ê', 'Ê' -> out.append("ie");
                case 'ë', 'Ë' -> out.append("io");
                case '·' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Consonant spellings to one letter each, longest spelling first. */
    private static StringBuilder consonants(CharSequence in) {
        StringBuilder out = new StringBuilder(in.length());
        int n = in.length();
        for (int i = 0; i < n; ) {
            char c = in.charAt(i);
            if (starts(in, i, "shtch")) {
                out.append('s');
                i += 5;
            } else if (starts(in, i, "shch") || starts(in, i, "szcz")) {
                out.append('s');
                i += 4;
            } else if (starts(in, i, "tsch") || starts(in, i, "tch")) {
                out.append('c');
                i += in.charAt(i + 1) == 's' ? 4 : 3;
            } else if (starts(in, i, "sch") || starts(in, i, "shh")) {
                out.append('s');
                i += 3;
            } else if (i + 1 < n && in.charAt(i + 1) == 'h' && "zkcsp".indexOf(c) >= 0) {
                out.append(switch (c) {
                    case 'z' -> 'z';
                    case 'k' -> 'g';
                    case 'c' -> 'c';
                    case 's' -> 's';
                    default -> 'f';
                });
                i += 2;
            } else if (starts(in, i, "ts") || starts(in, i, "tz") || starts(in, i, "cz")) {
                out.append('c');
                i += 2;
            } else if (starts(in, i, "sz")) {
                out.append('s');
                i += 2;
            } else {
                switch (c) {
                    case 'x' -> out.append("ks");
                    case 'w' -> out.append('v');
                    case 'q' -> out.append('k');
                    case 'h' -> out.append('g');
                    case 'j', 'y' -> out.append('i');
                    default -> out.append(c);
                }
                i++;
            }
        }
        return out;
    }

    /** Runs of i to one, then ie → e (є, ye/ie/e), io → e (ё, yo/io/e), ou → u. */
    private static StringBuilder vowels(CharSequence in) {
        StringBuilder out = new StringBuilder(in.length());
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            int last = out.length() - 1;
            if (c == 'i' && last >= 0 && out.charAt(last) == 'i') {
                continue;
            }
            if ((c == 'e' || c == 'o') && last >= 0 && out.charAt(last) == 'i') {
                out.setCharAt(last, 'e');
                continue;
            }
            if (c == 'u' && last >= 0 && out.charAt(last) == 'o') {
                out.setCharAt(last, 'u');
                continue;
            }
            out.append(c);
        }
        return out;
    }

    private static String collapse(CharSequence in) {
        StringBuilder out = new StringBuilder(in.length());
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (out.length() == 0 || out.charAt(out.length() - 1) != c || Character.isDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean starts(CharSequence in, int at, String prefix) {
        if (at + prefix.length() > in.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (in.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
