package org.parley.names;

import java.util.Set;

/** A system for writing Ukrainian or Russian Cyrillic names in Latin letters. */
public enum Standard {
    /** Ukrainian passports: Cabinet of Ministers Resolution No. 55 of 2010 (Сергій → Serhii). */
    KMU_2010("Ukrainian national 2010", Set.of(Language.UKRAINIAN)),
    /** Russian passports: the table of ICAO Doc 9303 (Сергей → Sergei). */
    ICAO_9303("Russian passport, ICAO 9303", Set.of(Language.RUSSIAN)),
    /** BGN/PCGN romanisation (Сергій → Serhiy, Сергей → Sergey), as shipped with ICU. */
    BGN_PCGN("BGN/PCGN", Set.of(Language.UKRAINIAN, Language.RUSSIAN)),
    /** ISO 9:1995 = GOST 7.79 system A, with diacritics (Щербак → Ŝerbak). */
    ISO_9("ISO 9 / GOST 7.79", Set.of(Language.UKRAINIAN, Language.RUSSIAN)),
    /** The spelling of English-language press and older documents (Yuriy, Dmitry, Zelensky). */
    CONVENTIONAL("conventional English", Set.of(Language.UKRAINIAN, Language.RUSSIAN));

    private final String label;
    private final Set<Language> languages;

    Standard(String label, Set<Language> languages) {
        this.label = label;
        this.languages = languages;
    }

    /** The name a person reads in an explanation. */
    public String label() {
        return label;
    }

    public boolean covers(Language language) {
        return languages.contains(language);
    }
}
