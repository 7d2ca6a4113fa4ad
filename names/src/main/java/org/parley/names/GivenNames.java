package org.parley.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Ukrainian↔Russian given-name equivalence table ({@code given-names-uk-ru.csv}, with its source in its
 * header): Олександр ≈ Александр ≈ Alexander, Сергій ≈ Сергей. Looked up by {@link MatchKey}, so every Latin
 * spelling of a listed form finds its line too.
 */
public final class GivenNames {

    /** One line of the table: the same name in both languages. */
    /**
     * @param initials the first letters of every form's key (Олександр/Александр: o and a), for matching initials
     */
    public record Name(int id, Sex sex, List<String> ukrainian, List<String> russian, List<String> otherLatin,
            Set<Character> initials) {

        Name(int id, Sex sex, List<String> ukrainian, List<String> russian, List<String> otherLatin) {
            this(id, sex, ukrainian, russian, otherLatin, initialsOf(ukrainian, russian, otherLatin));
        }

        /** The form a reader recognises: the first Ukrainian one. */
        public String label() {
            return ukrainian.get(0);
        }

        private static Set<Character> initialsOf(List<String> ukrainian, List<String> russian, List<String> latin) {
            Set<Character> initials = new LinkedHashSet<>();
            for (List<String> forms : List.of(ukrainian, russian, latin)) {
                for (String form : forms) {
                    String key = MatchKey.of(form);
                    if (!key.isEmpty()) {
                        initials.add(key.charAt(0));
                    }
                }
            }
            return Set.copyOf(initials);
        }

        /** Every form of the table line, Cyrillic and Latin. */
        public List<String> forms() {
            List<String> forms = new ArrayList<>(ukrainian);
            forms.addAll(russian);
            forms.addAll(otherLatin);
            return forms;
        }
    }

    /** The sex a given name belongs to. */
    public enum Sex { MALE, FEMALE }

    private static final GivenNames TABLE = load();

    private final List<Name> names;
    private final Map<String, Name> byKey;

    private GivenNames(List<Name> names, Map<String, Name> byKey) {
        this.names = names;
        this.byKey = byKey;
    }

    /** The table shipped with Parley. */
    public static GivenNames table() {
        return TABLE;
    }

    public List<Name> names() {
        return Collections.unmodifiableList(names);
    }

    /** The table line a name's key belongs to, if any. */
    public Optional<Name> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The table line of a name as written, in any script. */
    public Optional<Name> find(String name) {
        return byKey(MatchKey.of(name));
    }

    private static GivenNames load() {
        try (InputStream in = GivenNames.class.getResourceAsStream("given-names-uk-ru.csv")) {
            if (in == null) {
                throw new IllegalStateException("given-names-uk-ru.csv is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the table's lines; a form whose key is already taken by another line is an error in the data. */
    static GivenNames parse(List<String> lines) {
        List<Name> names = new ArrayList<>();
        Map<String, Name> byKey = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("sex;")) {
                continue;
            }
            String[] cells = line.split(";", -1);
            if (cells.length != 4) {
                throw new IllegalStateException("given-name table: 4 cells expected in: " + line);
            }
            Name name = new Name(names.size(), cells[0].equals("f") ? Sex.FEMALE : Sex.MALE, forms(cells[1]),
                    forms(cells[2]), forms(cells[3]));
            names.add(name);
            for (String form : name.forms()) {
                Name previous = byKey.putIfAbsent(MatchKey.of(form), name);
                if (previous != null && previous != name) {
                    throw new IllegalStateException("given-name table: " + form + " is also in the line of "
                            + previous.label());
                }
            }
        }
        return new GivenNames(names, byKey);
    }

    private static List<String> forms(String cell) {
        return cell.isBlank() ? List.of() : List.of(cell.split("\\|"));
    }
}
