package org.parley.bench;

import com.ibm.icu.text.Transliterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parley.names.PersonRecord;

/**
 * What a user without Parley would compare: the name fields run through ICU's general transliteration
 * ({@code Any-Latin; Latin-ASCII}), lower case. A full name is split naively, first word the surname.
 */
final class Baseline {

    private static final ThreadLocal<Transliterator> LATIN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    /** The best right candidate found for a left id, with the baseline's own score. */
    record Best(String rightId, double score) {
    }

    private Baseline() {
    }

    static String latin(String text) {
        return text == null ? "" : LATIN.get().transliterate(text).replaceAll("[^a-z0-9 ]", "").strip();
    }

    /** Surname, given name and patronymic in Latin ASCII, from the columns or a naive split of the full name. */
    static String[] nameParts(PersonRecord r) {
        return nameParts(r, Baseline::latin);
    }

    /** {@link #nameParts(PersonRecord)} with another way to {@link #latin} a text (one that remembers, say). */
    static String[] nameParts(PersonRecord r, UnaryOperator<String> latin) {
        if (r.fullName() != null) {
            String[] words = latin.apply(r.fullName()).split("\\s+");
            return new String[] {words[0], words.length > 1 ? words[1] : "", words.length > 2 ? words[2] : ""};
        }
        return new String[] {latin.apply(r.surname()), latin.apply(r.givenName()), latin.apply(r.patronymic())};
    }

    /** The whole name in one string, for trigram similarity. */
    static String fullName(PersonRecord r) {
        return Stream.of(nameParts(r)).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }

    static String date(PersonRecord r) {
        return r.dateOfBirth() == null ? "" : r.dateOfBirth().toString();
    }

    static String number(PersonRecord r) {
        return r.serviceNumber() == null ? "" : r.serviceNumber().replaceAll("\\D", "");
    }

    /** Matches above {@code threshold}, one per left id, each right id at most once (best score first). */
    static List<Map.Entry<String, String>> matches(Map<String, Best> best, double threshold) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        return best.entrySet().stream().filter(e -> e.getValue().score() >= threshold)
                .sorted((a, b) -> Double.compare(b.getValue().score(), a.getValue().score()))
                .filter(e -> taken.add(e.getValue().rightId()))
                .map(e -> Map.entry(e.getKey(), e.getValue().rightId())).toList();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
