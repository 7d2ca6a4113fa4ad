package org.parley.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.parley.names.SearchKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A name search as the database runs it (README, "The person list"). Each query word is looked up in the words of
 * the persons' names and numbers ({@link SearchWords}, table {@code person_search_word}) through one index, without
 * reading the persons: the words that begin with it (one range of the index, the word itself included), its search
 * keys in any script (equality), and, for a query word of three letters or more, the name words that hold it inside,
 * found first among the distinct name words (table {@code name_word}, by trigrams). A person matches when every
 * query word matches one of their words.
 *
 * <p>The rows of a match also say how it matches — which part, whole or key or beginning or inside — so the
 * database can score a match as {@link NameRelevance} does ({@link #scores}) when there are too many candidates to
 * read and rank them in Java.
 */
final class NameSearch {

    /** At most this many distinct name words stand for a piece inside a word (a short piece is in very many). */
    static final int INSIDE_LIMIT = 1_000;
    /** Shorter query words match only whole words, keys and beginnings: trigrams need three letters. */
    static final int INSIDE_MIN_LENGTH = 3;

    /**
     * One query word as the index is read for it: the word, the range of words that begin with it, its keys (its
     * own among them, {@link NameRelevance#ownKeys}), and the name words it lies inside.
     */
    record Word(String text, String low, String high, List<String> keys, List<String> ownKeys, List<String> inside) {
    }

    private final List<Word> words;

    private NameSearch(List<Word> words) {
        this.words = words;
    }

    /** The query's words, each with the name words it lies inside as the database holds them now. */
    static NameSearch of(String q, JdbcClient jdbc) {
        return withInside(q, text -> text.codePointCount(0, text.length()) < INSIDE_MIN_LENGTH ? List.of()
                : jdbc.sql("select word from name_word where word like :piece and word not like :beginning "
                                + "limit " + INSIDE_LIMIT)
                        .param("piece", "%" + PersonRepository.escapeLike(text) + "%")
                        .param("beginning", PersonRepository.escapeLike(text) + "%")
                        .query(String.class).list());
    }

    /**
     * The query's words without the name words they lie inside: enough to tell common words (their rows only
     * fewer) and for a search of common words, which reads no piece of a word.
     */
    static NameSearch withoutInside(String q) {
        return withInside(q, text -> List.of());
    }

    private static NameSearch withInside(String q, java.util.function.Function<String, List<String>> inside) {
        List<Word> words = new ArrayList<>();
        List<String> written = PersonRepository.queryWordsAsWritten(q);
        List<String> texts = PersonRepository.queryWords(q);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            words.add(new Word(text, text, after(text), List.copyOf(SearchKeys.ofQueryWord(written.get(i))),
                    List.copyOf(NameRelevance.ownKeys(written.get(i))), inside.apply(text)));
        }
        return new NameSearch(List.copyOf(words));
    }

    List<Word> words() {
        return words;
    }

    /**
     * The name pairs ({@link SearchWords#pair}) that any two of the query's words make as surname and given name, in
     * either order and any of their keys: a person with one of them has a surname one word matches and a given name
     * another matches (table {@code person_name_pair}).
     */
    String[] pairs() {
        return pairs(SearchWords::pair);
    }

    /** As {@link #pairs}, the pairs of surname and patronymic ({@link SearchWords#patronymicPair}). */
    String[] patronymicPairs() {
        return pairs(SearchWords::patronymicPair);
    }

    private String[] pairs(java.util.function.BinaryOperator<String> pair) {
        List<String> pairs = new ArrayList<>();
        for (Word first : words) {
            for (Word second : words) {
                if (first != second) {
                    first.keys().forEach(s -> second.keys().forEach(g -> pairs.add(pair.apply(s, g))));
                }
            }
        }
        return pairs.stream().distinct().toArray(String[]::new);
    }

    /**
     * How many rows each word matches, counted up to {@code cap} + 1 (an index-only count that stops there): the
     * rarest word drives a search.
     */
    long[] counts(JdbcClient jdbc, int cap, Map<String, Object> params) {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            counts.add("(select count(*) from (" + rows(i, "person_id", params) + " limit " + ((long) cap + 1)
                    + ") c) as c" + i);
        }
        Map<String, Object> rows = jdbc.sql("select " + String.join(", ", counts)).params(params).query().singleRow();
        return rows.values().stream().mapToLong(v -> ((Number) v).longValue()).toArray();
    }

    /**
     * The rows of {@code person_search_word} that match word {@code i}, with {@code columns}: three index-only
     * lookups. A person may come more than once.
     */
    String rows(int i, String columns, Map<String, Object> params) {
        Word word = words.get(i);
        String p = parameters(i, params);
        StringBuilder sql = new StringBuilder("select " + columns + " from person_search_word where written and word "
                + ">= :" + p + "low and word < :" + p + "high union all select " + columns
                + " from person_search_word where not written and word = any(:" + p + "keys)");
        if (!word.inside().isEmpty()) {
            sql.append(" union all select ").append(columns).append(" from person_search_word where written and word ")
                    .append("= any(:").append(p).append("inside)");
        }
        return sql.toString();
    }

    /**
     * The condition that the person with id {@code id} has a word that matches word {@code i}: one index probe per
     * person (the LIMIT keeps PostgreSQL from turning it into a join that would read every row of the word).
     */
    String probe(int i, String id, Map<String, Object> params) {
        String p = parameters(i, params);
        String inside = words.get(i).inside().isEmpty() ? ""
                : " or (x.written and x.word = any(:" + p + "inside))";
        return "(select true from person_search_word x where x.person_id = " + id + " and ((x.written and x.word >= :"
                + p + "low and x.word < :" + p + "high) or (not x.written and x.word = any(:" + p + "keys))" + inside
                + ") limit 1)";
    }

    /** Puts word {@code i}'s parameters into {@code params}; answers their names' prefix. */
    private String parameters(int i, Map<String, Object> params) {
        Word word = words.get(i);
        String p = "sw" + i;
        params.put(p + "w", word.text());
        params.put(p + "low", word.low());
        params.put(p + "high", word.high());
        params.put(p + "keys", word.keys().toArray(String[]::new));
        params.put(p + "own", word.ownKeys().toArray(String[]::new));
        if (!word.inside().isEmpty()) {
            params.put(p + "inside", word.inside().toArray(String[]::new));
        }
        return p;
    }

    /**
     * Every person whose words match every query word, with the points {@link NameRelevance} gives (the best match
     * of each query word, summed) and whether some word matched only a piece of the patronymic ({@code weak}):
     * columns {@code id, score, weak}.
     */
    String scores(Map<String, Object> params) {
        List<String> perWord = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            perWord.add("select person_id, max(" + points(i) + ") as points from (" + rows(i,
                    "person_id, part, written, word", params) + ") r" + i + " group by person_id");
        }
        return "select person_id as id, sum(points) as score, min(points) = " + NameRelevance.WEAK + " as weak from ("
                + String.join(" union all ", perWord) + ") w group by person_id having count(*) = " + words.size();
    }

    /** The points of a matching row of word {@code i}, by its part and how it matches. */
    private static String points(int i) {
        String p = ":sw" + i;
        return "case when not written and word = any(" + p + "own) then " + byPart(part -> part.key, 0)
                + " when not written then " + byPart(part -> part.relatedKey, 0)
                + " when word = " + p + "w then " + byPart(part -> part.whole, 0)
                + " when word >= " + p + "low and word < " + p + "high then "
                + byPart(part -> part.prefix, NameRelevance.WEAK)
                + " else " + byPart(part -> part.inside, NameRelevance.WEAK) + " end";
    }

    /**
     * A CASE over {@code part} giving each part's points of one kind; a patronymic that gives none gives {@code weak}
     * instead (a piece of a patronymic).
     */
    private static String byPart(ToIntFunction<NameRelevance.Part> kind, int weak) {
        StringBuilder sql = new StringBuilder("(case part");
        for (NameRelevance.Part part : NameRelevance.Part.values()) {
            int points = kind.applyAsInt(part);
            if (points == 0 && part == NameRelevance.Part.PATRONYMIC) {
                points = weak;
            }
            sql.append(" when ").append(part.ordinal() + 1).append(" then ").append(points);
        }
        return sql.append(" end)").toString();
    }

    /** The least text after every text that begins with {@code text} (in code point order, the words' collation). */
    static String after(String text) {
        int last = text.codePointBefore(text.length());
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return text.substring(0, text.length() - Character.charCount(last)) + Character.toString(next);
    }
}
