package org.parley.api;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;

/**
 * What Parley accepts in text that people enter, and how it tidies it, in one place: {@link JsonInput} passes every
 * text of a request here (names, places, notes, statements; codes and dates must match their format anyway), and the
 * statement form does too.
 *
 * <p>Refused everywhere, because no name, place or note contains them and they can hide, reorder or corrupt text:
 * control characters (C0, DEL, C1), line and paragraph separators (U+2028, U+2029), bidirectional embeddings,
 * overrides and isolates (U+202A–202E, U+2066–2069), the byte order mark U+FEFF inside the text, tag characters
 * (U+E0000–E007F), deprecated format characters (U+206A–206F), interlinear annotation characters (U+FFF9–FFFB),
 * noncharacters, unassigned code points, private-use characters and unpaired surrogates. Multi-line text (notes,
 * addresses, what a statement says) may also hold line feeds, carriage returns and tabs.
 *
 * <p>Stripped: white space (Unicode White_Space, which includes the no-break space) and byte order marks at either
 * end; in names also the zero-width space U+200B, soft hyphen U+00AD and word joiner U+2060 anywhere, invisible
 * characters that only split a name for search. Everything else is kept exactly as written: no case folding,
 * normalisation or transliteration, and other format characters such as the joiners U+200C/U+200D and the
 * direction marks U+200E/U+200F, which some scripts need (search keys ignore them).
 */
public final class TextCheck {

    /** The kind of text a field holds. */
    public enum Kind {
        /** A person's name: one line, tidied of invisible characters. */
        NAME,
        /** One line of text: a place, a rank, a number. */
        LINE,
        /** Notes, addresses, statements: line breaks and tabs allowed. */
        MULTI_LINE
    }

    /** The text to store, or why it is refused (then {@code text} is null). */
    public record Result(String text, String problem) {
    }

    private TextCheck() {
    }

    /** Tidies the text and checks what is left; blank text is an empty string, not a problem. */
    public static Result check(String text, Kind kind) {
        int start = 0;
        int end = text.length();
        while (start < end && strippedAtEnds(text.codePointAt(start), kind)) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && strippedAtEnds(text.codePointBefore(end), kind)) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        StringBuilder kept = new StringBuilder(end - start);
        int position = text.codePointCount(0, start);
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            position++;
            String refused = refusal(cp, kind);
            if (refused != null) {
                return new Result(null, "contains " + describe(cp, refused) + ", at character " + position
                        + (isLineBreakOrTab(cp) ? ": this field is one line" : ""));
            }
            if (!(kind == Kind.NAME && strippedInNames(cp))) {
                kept.appendCodePoint(cp);
            }
        }
        return new Result(kept.toString(), null);
    }

    private static boolean strippedAtEnds(int cp, Kind kind) {
        return UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE) || cp == 0xFEFF
                || (kind == Kind.NAME && strippedInNames(cp));
    }

    private static boolean strippedInNames(int cp) {
        return cp == 0x200B || cp == 0x00AD || cp == 0x2060;
    }

    private static boolean isLineBreakOrTab(int cp) {
        return cp == '\n' || cp == '\r' || cp == '\t';
    }

    /** What kind of character {@code cp} is, in plain words, if it is refused in this kind of text; else null. */
    private static String refusal(int cp, Kind kind) {
        if (isLineBreakOrTab(cp)) {
            return kind == Kind.MULTI_LINE ? null : cp == '\t' ? "a tab" : "a line break";
        }
        if (cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069) {
            return "a bidirectional formatting character";
        }
        if (cp == 0xFEFF) {
            return "a byte order mark inside the text";
        }
        if (cp >= 0xE0000 && cp <= 0xE007F) {
            return "a tag character";
        }
        if (cp >= 0x206A && cp <= 0x206F) {
            return "a deprecated format character";
        }
        if (cp >= 0xFFF9 && cp <= 0xFFFB) {
            return "an interlinear annotation character";
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT)) {
            return "a noncharacter";
        }
        return switch (UCharacter.getType(cp)) {
            case UCharacterCategory.CONTROL -> "a control character";
            case UCharacterCategory.LINE_SEPARATOR -> "a line separator";
            case UCharacterCategory.PARAGRAPH_SEPARATOR -> "a paragraph separator";
            case UCharacterCategory.SURROGATE -> "an unpaired surrogate";
            case UCharacterCategory.PRIVATE_USE -> "a private-use character";
            case UCharacterCategory.UNASSIGNED -> "an unassigned code point";
            default -> null;
        };
    }

    /** "U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional formatting character"; controls and the like have no name. */
    private static String describe(int cp, String kindOfCharacter) {
        String name = UCharacter.getName(cp);
        return String.format("U+%04X", cp) + (name == null ? "" : " " + name) + ", " + kindOfCharacter;
    }
}
