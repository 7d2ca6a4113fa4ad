package org.parley.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.parley.names.MatchKey;
import org.parley.names.SearchKeys;

/**
 * How well a person matches a name search (README, "The person list"). Each word of the query scores by the part of
 * the record it matches — surname (or a service or prisoner number), given name, patronymic, in that order — and by
 * how: the whole word, one of its search keys in any script or language (Shevchenko for Шевченко, Aleksandr for
 * Олександр), the beginning of a word, or a piece inside one. A person's relevance is the sum over the query's words.
 *
 * <p>A query word that matches only the beginning or the inside of a patronymic (Петро in Петрович) is a weak match:
 * whoever searches for a name rarely means the father's; such persons are left out of the results unless no person
 * matches otherwise. A whole patronymic (Петрович, or Petrovich for Петрович) is a match like any other.
 *
 * <p>The database finds the candidates (any word as written or as a key, see {@link PersonRepository}); this class
 * only ranks them, reusing the names' normalised words and keys across candidates and searches.
 */
final class NameRelevance {

    /**
     * The parts of a record a query word can match, each with its points per kind of match; in the order of {@link
     * SearchWords.Part}, whose rows {@link NameSearch} scores by the same points.
     */
    enum Part {
        SURNAME(100, 90, 85, 60, 20),
        GIVEN_NAME(80, 70, 65, 40, 15),
        PATRONYMIC(50, 45, 43, 0, 0),
        NUMBER(100, 0, 0, 60, 20);

        final int whole;
        /** The word's own key: the same name in another script or spelling (Kuznietsov for Кузнєцов). */
        final int key;
        /**
         * Only a related key: the surname's stem (Petrov for Петрова), the given-name table's line (Aleksandr for
         * Олександр), the father's name of a patronymic — below the word's own key, so that the spelling a query
         * writes comes before the other names it stands for.
         */
        final int relatedKey;
        final int prefix;
        final int inside;

        Part(int whole, int key, int relatedKey, int prefix, int inside) {
            this.whole = whole;
            this.key = key;
            this.relatedKey = relatedKey;
            this.prefix = prefix;
            this.inside = inside;
        }
    }

    /** Points of a weak match (a piece of a patronymic): below any other match, above none. */
    static final int WEAK = 1;
    /** Where the search splits text into words, as {@link PersonRepository#queryWords} does. */
    static final Pattern WORD_BREAKS = Pattern.compile("[\\s-]+");

    /** A candidate as the database gives it. */
    record Candidate(long id, String surname, String givenName, String patronymic, String serviceNumber,
            String prisonerNumber) {
    }

    /**
     * The relevance of a candidate; {@code weak} when some query word matches only a piece of the patronymic;
     * {@code every} when every query word matches (a candidate found by some words only, as by its name pair, may
     * not match the others).
     */
    record Score(int points, boolean weak, boolean every) {
    }

    /** A query word: its normalised text, its own keys ({@link MatchKey#words}) and all its search keys. */
    private record QueryWord(String text, Set<String> ownKeys, Set<String> keys) {

        boolean hasDigit() {
            return text.chars().anyMatch(Character::isDigit);
        }
    }

    /** A part of a record as the search compares it: its normalised words and their search keys. */
    private record Words(List<String> words, Set<String> keys) {
    }

    private final List<QueryWord> query = new ArrayList<>();

    /**
     * The words and keys of names already compared, by text, for every search: the candidates of one search share
     * their names, and a million persons have some thousands of distinct ones, so each is split and keyed once rather
     * than for every candidate of every search; up to {@link #REMEMBERED} of them (numbers, all different, are not
     * kept).
     */
    private static final Map<String, Words> NAMES = new ConcurrentHashMap<>();
    private static final int REMEMBERED = 50_000;

    /** The relevance of records to the query {@code q}, split into words as the database's search splits it. */
    NameRelevance(String q) {
        List<String> written = PersonRepository.queryWordsAsWritten(q);
        List<String> words = PersonRepository.queryWords(q);
        for (int i = 0; i < words.size(); i++) {
            query.add(new QueryWord(words.get(i), ownKeys(written.get(i)), SearchKeys.ofQueryWord(written.get(i))));
        }
    }

    Score score(Candidate candidate) {
        int total = 0;
        boolean weak = false;
        boolean every = true;
        for (QueryWord word : query) {
            int best = Math.max(points(word, Part.SURNAME, candidate.surname()),
                    Math.max(points(word, Part.GIVEN_NAME, candidate.givenName()),
                            points(word, Part.PATRONYMIC, candidate.patronymic())));
            // numbers, which are many and all different, only for a word with a digit or that no name matched
            if (best == 0 || word.hasDigit()) {
                best = Math.max(best, Math.max(points(word, Part.NUMBER, candidate.serviceNumber()),
                        points(word, Part.NUMBER, candidate.prisonerNumber())));
            }
            if (best == 0 && pieceOf(word, candidate.patronymic())) {
                best = WEAK;
                weak = true;
            }
            total += best;
            every &= best > 0;
        }
        return new Score(total, weak, every);
    }

    private int points(QueryWord word, Part part, String text) {
        if (text == null) {
            return 0;
        }
        Words parsed = words(text, part == Part.NUMBER);
        int best = 0;
        for (String w : parsed.words()) {
            if (w.equals(word.text())) {
                return part.whole;
            }
            if (w.startsWith(word.text())) {
                best = Math.max(best, part.prefix);
            } else if (w.contains(word.text())) {
                best = Math.max(best, part.inside);
            }
        }
        if (best < part.key && !java.util.Collections.disjoint(parsed.keys(), word.ownKeys())) {
            best = part.key;
        } else if (best < part.relatedKey && !java.util.Collections.disjoint(parsed.keys(), word.keys())) {
            best = part.relatedKey;
        }
        return best;
    }

    /**
     * A query word's own keys: those of its words ({@link MatchKey#words}), without the stems and table lines {@link
     * SearchKeys#ofQueryWord} adds. A person who has one of them matches by the word's own key.
     */
    static Set<String> ownKeys(String word) {
        return new java.util.LinkedHashSet<>(MatchKey.words(word));
    }

    private boolean pieceOf(QueryWord word, String patronymic) {
        return patronymic != null && words(patronymic, false).words().stream().anyMatch(w -> w.contains(word.text()));
    }

    /** The normalised words of a name or number, and (for names) their search keys; names remembered per text. */
    private static Words words(String text, boolean number) {
        if (number) {
            return new Words(List.of(SearchWords.split(text)), Set.of());
        }
        Words known = NAMES.get(text);
        if (known == null) {
            known = new Words(List.of(SearchWords.split(text)), Set.copyOf(SearchKeys.ofPerson(text, null, null)));
            if (NAMES.size() < REMEMBERED) {
                NAMES.putIfAbsent(text, known);
            }
        }
        return known;
    }
}
