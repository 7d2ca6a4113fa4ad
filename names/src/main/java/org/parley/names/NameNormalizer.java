package org.parley.names;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a name as people type it into a canonical form for comparison and search: invisible format characters
 * (general category Cf: zero-width space and joiners, soft hyphen, word joiner, direction marks) removed, Unicode
 * NFKC, lower case, every apostrophe form (' ʼ ’ ` ´ ʹ ″ and the like) removed, dashes unified, Latin look-alike letters inside Cyrillic words (and the
 * reverse) replaced, diacritics of Latin letters removed, Cyrillic ё folded to е, punctuation dropped and
 * spaces collapsed. It never changes the script of a word: cross-script keys are the transliterator's job.
 */
public final class NameNormalizer {

    /** Latin letters that look like Cyrillic ones, paired position by position (lower case). */
    private static final String LATIN_LOOKALIKES = "aceiopxykmhtb";
    private static final String CYRILLIC_LOOKALIKES = "асеіорхукмнтв";

    private NameNormalizer() {
    }

    /** The normalised form of a name or of a whole full name; empty for null or blank input. */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        if (isPlain(name)) {
            return name.toLowerCase(Locale.ROOT);
        }
        // Apostrophes go before NFKC too: it turns ´ into a space and a combining accent.
        String text = Normalizer.normalize(withoutApostrophesAndFormatCharacters(name), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isApostrophe(cp)) {
                continue;
            }
            if (isDash(cp)) {
                flushWord(word, out);
                out.append('-');
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else {
                flushWord(word, out);
                out.append(' ');
            }
        }
        flushWord(word, out);
        return tidy(out);
    }

    /**
     * Whether the slow path would only lower-case the text: words of plain ASCII letters or of Cyrillic letters
     * without ё (never both in one word), single spaces or hyphens between them. Most names in bulk lists are.
     */
    private static boolean isPlain(String name) {
        int wordScript = 0; // 0 none yet, 1 Latin, 2 Cyrillic
        char previous = ' ';
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int script;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                script = 1;
            } else if ((c >= '\u0410' && c <= '\u044F') || "іїєґІЇЄҐ".indexOf(c) >= 0) {
                script = 2;
            } else if ((c == ' ' || c == '-') && previous != ' ' && previous != '-' && i + 1 < name.length()) {
                wordScript = 0;
                previous = c;
                continue;
            } else {
                return false;
            }
            if (wordScript != 0 && wordScript != script) {
                return false;
            }
            wordScript = script;
            previous = c;
        }
        return true;
    }

    /** Collapses runs of spaces and dashes (a dash wins over spaces beside it) and trims both ends. */
    private static String tidy(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        char pending = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-') {
                pending = pending == '-' || c == '-' ? '-' : ' ';
                continue;
            }
            if (pending != 0 && out.length() > 0) {
                out.append(pending);
            }
            pending = 0;
            out.append(c);
        }
        return out.toString();
    }

    private static void flushWord(StringBuilder word, StringBuilder out) {
        if (word.isEmpty()) {
            return;
        }
        // Diacritics first: a letter counts for its word's script as the letter it becomes (ő as o, a look-alike);
        // and again after: a mark a Cyrillic letter kept goes when the letter turns Latin (к̟ → k).
        out.append(foldDiacritics(unifyScript(foldDiacritics(word.toString()))));
        word.setLength(0);
    }

    /** Replaces look-alike letters of the minority script by those of the word's main script. */
    static String unifyScript(String word) {
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (LATIN_LOOKALIKES.indexOf(c) >= 0 || CYRILLIC_LOOKALIKES.indexOf(c) >= 0) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (cyrillic == 0 && latin == 0) {
            // Only look-alikes: decide by the majority of the letters themselves.
            for (int i = 0; i < word.length(); i++) {
                if (CYRILLIC_LOOKALIKES.indexOf(word.charAt(i)) >= 0) {
                    cyrillic++;
                } else if (LATIN_LOOKALIKES.indexOf(word.charAt(i)) >= 0) {
                    latin++;
                }
            }
        }
        String from = cyrillic > latin ? LATIN_LOOKALIKES : CYRILLIC_LOOKALIKES;
        String to = cyrillic > latin ? CYRILLIC_LOOKALIKES : LATIN_LOOKALIKES;
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int at = from.indexOf(c);
            out.append(at >= 0 ? to.charAt(at) : c);
        }
        return out.toString();
    }

    /**
     * Removes diacritics from Latin letters (é → e, š → s, ł → l) and folds Cyrillic ё → е, while keeping the
     * Cyrillic letters whose marks make them distinct letters (й, ї).
     */
    static String foldDiacritics(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = null;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                boolean keep = base == Character.UnicodeScript.CYRILLIC && !(c == '\u0308' && out.length() > 0
                        && out.charAt(out.length() - 1) == 'е');
                if (keep) {
                    out.append(c);
                }
                continue;
            }
            base = Character.UnicodeScript.of(c);
            out.append(switch (c) {
                case 'ł' -> "l";
                case 'ø' -> "o";
                case 'đ' -> "d";
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'œ' -> "oe";
                case 'ı' -> "i";
                default -> String.valueOf(c);
            });
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * The name without apostrophes and format characters. A format character is invisible and never separates
     * words (Шевчук with a zero-width space inside is still Шевчук); scripts that need the joiners keep them in
     * the stored text, not in keys.
     */
    private static String withoutApostrophesAndFormatCharacters(String name) {
        StringBuilder out = new StringBuilder(name.length());
        // The BGN/PCGN separator dot (Z·h, t·s) goes with them: it only marks a letter boundary.
        name.codePoints().filter(cp -> !isApostrophe(cp) && cp != '\u00B7'
                        && UCharacter.getType(cp) != UCharacterCategory.FORMAT)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isApostrophe(int cp) {
        return switch (cp) {
            case '\'', '`', '\u00B4', '\u02B9', '\u02BB', '\u02BC', '\u02BD', '\u2018', '\u2019', '\u201B', '\u2032',
                    '\u2033', '\uFF07' -> true;
            default -> false;
        };
    }

    private static boolean isDash(int cp) {
        return cp == '-' || Character.getType(cp) == Character.DASH_PUNCTUATION;
    }
}
