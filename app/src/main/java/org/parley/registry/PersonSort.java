package org.parley.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The order of the person list, as the {@code sort} parameter writes it: a key, descending with a leading minus
 * ({@code name}, {@code -captureDate}). Names are in the alphabetical order of {@code collation}; the others break
 * ties by id, so that pages are stable.
 */
public record PersonSort(Key key, boolean descending, NameCollation collation) {

    /** What the list can be ordered by. */
    public enum Key {
        /** Surname, then given name, in the reader's alphabetical order. */
        NAME("name"),
        /** The day of capture; persons without one last. */
        CAPTURE_DATE("captureDate"),
        /** From the capture date to the end of custody, or to today; persons without a capture date last. */
        TIME_IN_CAPTIVITY("timeInCaptivity"),
        /** For a name search: the best match first (see {@link NameRelevance}); then by name. */
        RELEVANCE("relevance");

        private final String parameter;

        Key(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** The values the parameter takes, for messages and the API's description. */
    public static final List<String> CHOICES = Arrays.stream(Key.values())
            .flatMap(k -> k == Key.RELEVANCE ? Stream.of(k.parameter) : Stream.of(k.parameter, "-" + k.parameter))
            .toList();

    /** The order of a list without {@code sort}: by relevance when searching by name, else by name. */
    public static PersonSort byDefault(boolean searching, NameCollation collation) {
        return new PersonSort(searching ? Key.RELEVANCE : Key.NAME, false, collation);
    }

    /** The order a parameter names, or nothing if it names none ({@code relevance} has no descending form). */
    public static Optional<PersonSort> parse(String text, NameCollation collation) {
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        return Arrays.stream(Key.values()).filter(k -> k.parameter.equals(name))
                .filter(k -> !(descending && k == Key.RELEVANCE)).findFirst()
                .map(k -> new PersonSort(k, descending, collation));
    }

    /** As the parameter writes it. */
    public String parameter() {
        return (descending ? "-" : "") + key.parameter;
    }
}
