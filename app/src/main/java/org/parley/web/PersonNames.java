package org.parley.web;

import org.parley.names.Language;
import org.parley.names.Transliteration;
import org.springframework.stereotype.Component;

/**
 * The Latin spelling that stands beside a name written in Cyrillic on every page, for readers who do not read
 * Cyrillic: Ukrainian names under KMU 55/2010, Russian names under ICAO 9303 as in passports
 * ({@link Transliteration#official}). Templates reach it as {@code @personNames} through the
 * {@code layout :: person-name} fragment; a name already in Latin letters gets none.
 */
@Component("personNames")
public class PersonNames {

    /**
     * The official Latin spelling of {@code name}, or null when it is written in Latin (or another script) already.
     * {@code languageTag} is the language of the record's names (uk, ru), used when the letters do not tell.
     */
    public String latin(String name, String languageTag) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String latin = Transliteration.official(name, language(languageTag));
        return latin.equals(name) ? null : latin;
    }

    private static Language language(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.split("-", 2)[0];
        for (Language language : Language.values()) {
            if (language.tag().equalsIgnoreCase(primary)) {
                return language;
            }
        }
        return null;
    }
}
