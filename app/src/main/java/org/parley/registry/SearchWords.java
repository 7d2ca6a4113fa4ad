package org.parley.registry;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.parley.names.NameNormalizer;
import org.parley.names.SearchKeys;

/**
 * The words a name search looks a person up by (table {@code person_search_word}, migration V17_1_1): every word of
 * the names and numbers as written, normalised as the query is, and every search key of the names ({@link
 * SearchKeys}), each with the part of the record it belongs to. {@link NameRelevance} scores by the same words, so
 * the rows of a match say how well it matches without reading the person.
 */
final class SearchWords {

    /** The parts of a record, as stored in {@code person_search_word.part}. */
    enum Part {
        SURNAME, GIVEN_NAME, PATRONYMIC, NUMBER;

        short code() {
            return (short) (ordinal() + 1);
        }
    }

    /** One row: a word as written ({@code written}) or a search key, of one part. */
    record Word(Part part, boolean written, String text) {

        /** A name word as written: one of the vocabulary a piece inside a word is looked up in (table name_word). */
        boolean nameAsWritten() {
            return written && part != Part.NUMBER;
        }
    }

    private SearchWords() {
    }

    static Set<Word> of(PersonInput facts) {
        return of(facts, NamePartKeys.UNREMEMBERED);
    }

    /** The words of a person's facts, the search keys of each name part given by {@code partKeys}. */
    static Set<Word> of(PersonInput facts, Function<String, Set<String>> partKeys) {
        return of(text(facts, PersonField.SURNAME), text(facts, PersonField.GIVEN_NAME),
                text(facts, PersonField.PATRONYMIC), text(facts, PersonField.SERVICE_NUMBER),
                text(facts, PersonField.PRISONER_NUMBER), partKeys);
    }

    static Set<Word> of(String surname, String givenName, String patronymic, String serviceNumber,
            String prisonerNumber) {
        return of(surname, givenName, patronymic, serviceNumber, prisonerNumber, NamePartKeys.UNREMEMBERED);
    }

    private static Set<Word> of(String surname, String givenName, String patronymic, String serviceNumber,
            String prisonerNumber, Function<String, Set<String>> partKeys) {
        Set<Word> words = new LinkedHashSet<>();
        name(words, Part.SURNAME, surname, partKeys);
        name(words, Part.GIVEN_NAME, givenName, partKeys);
        name(words, Part.PATRONYMIC, patronymic, partKeys);
        written(words, Part.NUMBER, serviceNumber);
        written(words, Part.NUMBER, prisonerNumber);
        return words;
    }

    /**
     * The person's name pairs (table {@code person_name_pair}, migration V18_1_1): each search key of the surname
     * joined to each search key of the given name ({@link #pair}) and to each of the patronymic ({@link
     * #patronymicPair}), so that a query of common words finds the persons so named by lookups of one index ({@link
     * NameSearch#pairs}) instead of intersecting the words' tens of thousands of rows.
     */
    static Set<String> pairs(Set<Word> words) {
        Set<String> pairs = new LinkedHashSet<>();
        for (Word surname : words) {
            if (surname.part() == Part.SURNAME && !surname.written()) {
                for (Word other : words) {
                    if (other.part() == Part.GIVEN_NAME && !other.written()) {
                        pairs.add(pair(surname.text(), other.text()));
                    } else if (other.part() == Part.PATRONYMIC && !other.written()) {
                        pairs.add(patronymicPair(surname.text(), other.text()));
                    }
                }
            }
        }
        return pairs;
    }

    /** A surname key and a given-name key as one pair (keys hold no space); V18_1_1 joins them the same way. */
    static String pair(String surnameKey, String givenNameKey) {
        return surnameKey + " " + givenNameKey;
    }

    /** A surname key and a patronymic key as one pair (keys hold no slash); V18_1_1 joins them the same way. */
    static String patronymicPair(String surnameKey, String patronymicKey) {
        return surnameKey + "/" + patronymicKey;
    }

    /** Whether a pair is of a surname and a given name ({@link #pair}), the pairs table {@code name_spelling} holds. */
    static boolean givenNamePair(String pair) {
        return pair.indexOf(' ') >= 0;
    }

    /** The normalised words of a text, split as the query is split ({@link PersonRepository#queryWords}). */
    static String[] split(String text) {
        return NameRelevance.WORD_BREAKS.split(NameNormalizer.normalize(text));
    }

    private static void name(Set<Word> words, Part part, String text, Function<String, Set<String>> partKeys) {
        if (text == null) {
            return;
        }
        written(words, part, text);
        partKeys.apply(text).forEach(key -> words.add(new Word(part, false, key)));
    }

    private static void written(Set<Word> words, Part part, String text) {
        if (text == null) {
            return;
        }
        for (String word : split(text)) {
            if (!word.isEmpty()) {
                words.add(new Word(part, true, word));
            }
        }
    }

    private static String text(PersonInput facts, PersonField field) {
        Object value = facts.get(field);
        return value == null ? null : value.toString();
    }
}
