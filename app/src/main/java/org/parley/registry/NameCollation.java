package org.parley.registry;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Locale;

/**
 * The alphabetical order names are listed in, by the reader's language: Ukrainian (а б в г ґ д е є ж з и і ї й к …),
 * Russian (… е ё ж …, ё with е), and for every other language the root order of the Unicode Collation Algorithm —
 * Latin first, then Cyrillic in its common order, which agrees with both (ґ after г, є after е, і ї after и). Each
 * is an ICU collation of the database (migration V14_2) with an index of its own.
 */
public enum NameCollation {
    UKRAINIAN("parley_uk", "uk"),
    RUSSIAN("parley_ru", "ru"),
    ROOT("parley_root", "und");

    private final String sqlName;
    private final String icuLocale;

    NameCollation(String sqlName, String icuLocale) {
        this.sqlName = sqlName;
        this.icuLocale = icuLocale;
    }

    /** The order of a reader of this language. */
    public static NameCollation of(Locale locale) {
        return switch (locale == null ? "" : locale.getLanguage()) {
            case "uk" -> UKRAINIAN;
            case "ru" -> RUSSIAN;
            default -> ROOT;
        };
    }

    /** {@code column collate parley_uk}. */
    String collate(String column) {
        return column + " collate " + sqlName;
    }

    /** The same order in Java (ICU4J), for results the database does not sort (a search ordered by relevance). */
    Collator collator() {
        return Collator.getInstance(new ULocale(icuLocale));
    }
}
