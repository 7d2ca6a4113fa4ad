package org.parley.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.api.TextCheck;

/**
 * The columns of a list file, with the header names each is known by: the documented English name, and the
 * obvious English, Ukrainian and Russian ones a negotiator's spreadsheet may already have. Header names are
 * compared after {@link #key(String) tidying}: case, spaces, underscores, hyphens, apostrophe forms and Latin
 * look-alike letters typed into a Cyrillic name do not matter.
 */
enum ListColumn {

    REF("ref", TextCheck.Kind.LINE, 100, "reference", "номер", "№"),
    PERSON_ID("person_id", TextCheck.Kind.LINE, 100),
    SURNAME("surname", TextCheck.Kind.NAME, 200, "last name", "family name", "прізвище", "фамилия"),
    GIVEN_NAME("given_name", TextCheck.Kind.NAME, 200, "first name", "forename", "ім'я", "имя"),
    PATRONYMIC("patronymic", TextCheck.Kind.NAME, 200, "по батькові", "отчество"),
    FULL_NAME("full_name", TextCheck.Kind.NAME, 200, "name", "піб", "п.і.б.", "прізвище ім'я по батькові",
            "фио", "ф.и.о.", "фамилия имя отчество"),
    DATE_OF_BIRTH("date_of_birth", TextCheck.Kind.LINE, 40, "dob", "birth date", "birthdate", "year of birth",
            "дата народження", "рік народження", "дата рождения", "год рождения"),
    SERVICE_NUMBER("service_number", TextCheck.Kind.LINE, 500, "особистий номер", "личный номер"),
    UNIT("unit", TextCheck.Kind.LINE, 500, "військова частина", "в/ч", "воинская часть"),
    RANK("rank", TextCheck.Kind.LINE, 500, "звання", "військове звання", "звание", "воинское звание"),
    NOTE("note", TextCheck.Kind.LINE, 1000, "notes", "comment", "comments", "примітка", "примітки", "коментар",
            "примечание", "примечания", "комментарий");

    /** The alias of {@code ref} when the header has no {@code ref} column. */
    static final String ID_KEY = "id";

    static final List<ListColumn> NAMES = List.of(SURNAME, GIVEN_NAME, PATRONYMIC, FULL_NAME);

    private static final Map<String, ListColumn> BY_KEY = new HashMap<>();

    static {
        for (ListColumn column : values()) {
            BY_KEY.put(key(column.documented), column);
            for (String alias : column.aliases) {
                if (BY_KEY.put(key(alias), column) != null) {
                    throw new IllegalStateException("header name " + alias + " twice");
                }
            }
        }
    }

    private final String documented;
    final TextCheck.Kind kind;
    final int maxLength;
    private final List<String> aliases;

    ListColumn(String documented, TextCheck.Kind kind, int maxLength, String... aliases) {
        this.documented = documented;
        this.kind = kind;
        this.maxLength = maxLength;
        this.aliases = List.of(aliases);
    }

    /** The name the documentation and error messages give the column: {@code date_of_birth}. */
    String documented() {
        return documented;
    }

    /** Whether the values repeat from row to row (given names, ranks…): a list keeps one instance of each. */
    boolean repetitive() {
        return this == GIVEN_NAME || this == PATRONYMIC || this == UNIT || this == RANK;
    }

    /** The column a header names, or null. {@code id} is not one: it stands for {@code ref} only without one. */
    static ListColumn of(String header) {
        return BY_KEY.get(key(header));
    }

    /**
     * A header name reduced to what tells columns apart: invisible characters and white space at the ends
     * dropped, lower case, underscores, hyphens, commas and runs of white space made one space, a trailing colon
     * or asterisk ("Surname*") dropped, every apostrophe form made ', and in a name with Cyrillic letters the
     * Latin letters that look like Cyrillic ones (і, а, е, о, р, с, х, у…) made Cyrillic.
     */
    static String key(String header) {
        StringBuilder key = new StringBuilder(header.length());
        boolean space = false;
        for (int i = 0; i < header.length(); i++) {
            char c = Character.toLowerCase(header.charAt(i));
            switch (c) {
                case '\uFEFF', '\u200B', '\u00AD', '\u2060', '\u200E', '\u200F' -> {
                    continue;
                }
                case '’', 'ʼ', '‘', '`', '´', 'ʹ', '′' -> c = '\'';
                default -> {
                }
            }
            if (c == '_' || c == '-' || c == ',' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = key.length() > 0;
                continue;
            }
            if (space) {
                key.append(' ');
                space = false;
            }
            key.append(c);
        }
        while (key.length() > 0 && (key.charAt(key.length() - 1) == ':' || key.charAt(key.length() - 1) == '*')) {
            key.setLength(key.length() - 1);
        }
        String tidy = key.toString().strip();
        return tidy.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC)
                ? cyrillicLookAlikes(tidy) : tidy.toLowerCase(Locale.ROOT);
    }

    private static String cyrillicLookAlikes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(switch (c) {
                case 'a' -> 'а';
                case 'c' -> 'с';
                case 'e' -> 'е';
                case 'i' -> 'і';
                case 'o' -> 'о';
                case 'p' -> 'р';
                case 'x' -> 'х';
                case 'y' -> 'у';
                case 'k' -> 'к';
                case 'm' -> 'м';
                case 'h' -> 'н';
                case 't' -> 'т';
                case 'b' -> 'в';
                default -> c;
            });
        }
        return out.toString();
    }
}
