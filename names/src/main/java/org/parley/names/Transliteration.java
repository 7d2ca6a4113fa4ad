package org.parley.names;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cyrillic to Latin under each {@link Standard}. The two passport systems, ISO 9 and the conventional spellings
 * are ICU rules in {@code translit/}; BGN/PCGN is ICU's own. ICU transliterators are synchronised, so each thread
 * keeps its own instances. This is for display, explanations and test data: matching keys come from the much
 * faster {@link MatchKey}.
 */
public final class Transliteration {

    private static final Map<String, String> RULES = new HashMap<>();

    private static final ThreadLocal<Map<String, Transliterator>> PER_THREAD = ThreadLocal.withInitial(HashMap::new);

    /**
     * The official spelling of each word met ({@link #official}), by standard and word: a page may list 10,000
     * names, ICU's rule-based transliteration costs 10–40 µs a name, and names repeat by word far more than whole
     * (a roster's few hundred surnames, given names and patronymics). Emptied when it grows beyond
     * {@link #MAX_OFFICIAL_WORDS} words.
     */
    private static final Map<String, String> OFFICIAL_WORDS = new ConcurrentHashMap<>();
    private static final int MAX_OFFICIAL_WORDS = 50_000;

    private Transliteration() {
    }

    /** The name written under a standard, or empty if the standard does not cover the language. */
    public static Optional<String> toLatin(String cyrillic, Standard standard, Language language) {
        if (!standard.covers(language)) {
            return Optional.empty();
        }
        String id = id(standard, language);
        Transliterator transliterator = PER_THREAD.get().computeIfAbsent(id, Transliteration::create);
        return Optional.of(transliterator.transliterate(cyrillic));
    }

    /**
     * A name in Latin letters under the official standard of its language — Ukrainian: KMU 55/2010, Russian: ICAO
     * 9303 as in passports — for readers who do not read Cyrillic. A name not written in Cyrillic is returned as it
     * is. The language is guessed from the letters; where they do not tell (Иванов is both), {@code fallback}
     * decides (e.g. the language of the person's power of origin), and without one, Ukrainian.
     */
    public static String official(String name, Language fallback) {
        Script script = Script.of(name);
        if (script != Script.CYRILLIC && script != Script.MIXED) {
            return name;
        }
        Language guessed = Language.guess(name);
        Language language = guessed != null ? guessed : fallback != null ? fallback : Language.UKRAINIAN;
        Standard standard = language == Language.RUSSIAN ? Standard.ICAO_9303 : Standard.KMU_2010;
        return byWord(name, standard, language);
    }

    /**
     * A name written under an official standard word by word (words as separated by spaces), each word's spelling
     * remembered. The same as the whole name's: the rules of both standards look no further than the word — a
     * letter at the start of a word (preceded by a space or nothing), "зг" within one, title case by word.
     */
    private static String byWord(String name, Standard standard, Language language) {
        if (OFFICIAL_WORDS.size() > MAX_OFFICIAL_WORDS) {
            OFFICIAL_WORDS.clear();
        }
        StringBuilder latin = new StringBuilder(name.length() + 8);
        int start = 0;
        while (true) {
            int space = name.indexOf(' ', start);
            String word = name.substring(start, space < 0 ? name.length() : space);
            latin.append(OFFICIAL_WORDS.computeIfAbsent(standard.name() + ' ' + word,
                    key -> toLatin(word, standard, language).orElse(word)));
            if (space < 0) {
                return latin.toString();
            }
            latin.append(' ');
            start = space + 1;
        }
    }

    /** Every standard's spelling of a Cyrillic name in a language, in {@link Standard} order. */
    public static Map<Standard, String> allSpellings(String cyrillic, Language language) {
        Map<Standard, String> spellings = new EnumMap<>(Standard.class);
        for (Standard standard : Standard.values()) {
            toLatin(cyrillic, standard, language).ifPresent(latin -> spellings.put(standard, latin));
        }
        return spellings;
    }

    /**
     * The standard under which {@code cyrillic} is written {@code latin} (compared after normalisation, so case,
     * apostrophes and diacritics do not count), trying the language the letters suggest first.
     */
    public static Optional<Standard> standardOf(String cyrillic, String latin) {
        String wanted = NameNormalizer.normalize(latin);
        Language guessed = Language.guess(cyrillic);
        for (Language language : guessed == null ? Language.values() : new Language[] {guessed}) {
            for (Standard standard : Standard.values()) {
                Optional<String> spelled = toLatin(cyrillic, standard, language);
                if (spelled.isPresent() && NameNormalizer.normalize(spelled.get()).equals(wanted)) {
                    return Optional.of(standard);
                }
            }
        }
        return Optional.empty();
    }

    private static String id(Standard standard, Language language) {
        return switch (standard) {
            case KMU_2010 -> "uk-kmu-2010";
            case ICAO_9303 -> "ru-icao-9303";
            case ISO_9 -> "iso-9";
            case CONVENTIONAL -> language.tag() + "-conventional";
            case BGN_PCGN -> language == Language.UKRAINIAN ? "Ukrainian-Latin/BGN" : "Russian-Latin/BGN";
        };
    }

    private static Transliterator create(String id) {
        if (id.contains("/")) {
            return Transliterator.getInstance(id);
        }
        String rules;
        synchronized (RULES) {
            rules = RULES.computeIfAbsent(id, Transliteration::readRules);
        }
        return Transliterator.createFromRules(id, rules, Transliterator.FORWARD);
    }

    private static String readRules(String id) {
        try (InputStream in = Transliteration.class.getResourceAsStream("translit/" + id + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("missing transliteration rules " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
