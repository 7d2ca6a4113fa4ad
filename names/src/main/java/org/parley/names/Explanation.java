package org.parley.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A score explained to a person, one line per field: "surname: Kovalenko = Коваленко (transliteration, BGN/PCGN)",
 * "given name: Oleksandr ≈ Александр (Ukrainian/Russian equivalent)", "date of birth: 1994-03-07 / 1994-07-03,
 * day and month swapped". Built only for the pairs that are shown (it uses ICU to name the standard).
 *
 * <p>Values come from the lists as written, so a value that is not plain name text (letters, digits, spaces,
 * apostrophes, hyphens, dots) is shown in double quotes, its own double quotes doubled: a unit written
 * {@code 1 bn; score: 0.999} stays one quoted value and cannot pass for a line of the explanation or for its
 * signs ({@code =}, {@code ≈}, {@code (…)}).
 */
public record Explanation(List<String> lines) {

    public static Explanation of(PreparedPerson a, PreparedPerson b, Score score) {
        List<String> lines = new ArrayList<>();
        if (score.swapped()) {
            lines.add("name order: surname and given name swapped on one side");
        }
        ParsedName x = a.name();
        ParsedName y = b.name();
        NamePart surnameA = score.swapped() ? x.givenName() : x.surname();
        NamePart givenA = score.swapped() ? x.surname() : x.givenName();
        lines.add(names(Field.SURNAME, score.levels().get(Field.SURNAME), surnameA, y.surname()));
        lines.add(names(Field.GIVEN_NAME, score.levels().get(Field.GIVEN_NAME), givenA, y.givenName()));
        lines.add(names(Field.PATRONYMIC, score.levels().get(Field.PATRONYMIC), x.patronymic(), y.patronymic()));
        lines.add(values(Field.DATE_OF_BIRTH, score.levels().get(Field.DATE_OF_BIRTH),
                text(a.record().dateOfBirth()), text(b.record().dateOfBirth())));
        lines.add(values(Field.SERVICE_NUMBER, score.levels().get(Field.SERVICE_NUMBER), a.record().serviceNumber(),
                b.record().serviceNumber()));
        lines.add(values(Field.UNIT, score.levels().get(Field.UNIT), a.record().unit(), b.record().unit()));
        lines.add(String.format(Locale.ROOT, "score: %.3f (weight %+.1f)", score.probability(), score.weight()));
        return new Explanation(List.copyOf(lines));
    }

    /** The lines joined by "; ", for a CSV cell. */
    @Override
    public String toString() {
        return String.join("; ", lines);
    }

    private static String names(Field field, Level level, NamePart a, NamePart b) {
        if (level == Level.MISSING) {
            if (a != null && b != null) {
                return field.label() + ": " + shown(a.written()) + " ~ " + shown(b.written())
                        + " (initial only, not counted)";
            }
            return field.label() + ": " + missing(a == null ? null : a.written(), b == null ? null : b.written());
        }
        String sign = switch (level) {
            case SURNAME_SAME, GIVEN_NAME_SAME, PATRONYMIC_SAME -> " = ";
            case SURNAME_DIFFERENT, GIVEN_NAME_DIFFERENT, PATRONYMIC_DIFFERENT -> " ≠ ";
            default -> " ≈ ";
        };
        String how = level.text();
        boolean same = level == Level.SURNAME_SAME || level == Level.GIVEN_NAME_SAME || level == Level.PATRONYMIC_SAME;
        if (same) {
            how = how(a.written(), b.written());
        }
        return field.label() + ": " + shown(a.written()) + sign + shown(b.written()) + " (" + how + ")";
    }

    /** How two spellings with one key relate: the same text, or a transliteration under a named standard. */
    private static String how(String a, String b) {
        Script scriptA = Script.of(a);
        Script scriptB = Script.of(b);
        if (NameNormalizer.normalize(a).equals(NameNormalizer.normalize(b))) {
            return "same";
        }
        if (scriptA == Script.LATIN && scriptB == Script.CYRILLIC || scriptA == Script.CYRILLIC && scriptB == Script.LATIN) {
            String cyrillic = scriptA == Script.CYRILLIC ? a : b;
            String latin = scriptA == Script.CYRILLIC ? b : a;
            Optional<Standard> standard = Transliteration.standardOf(cyrillic, latin);
            return standard.map(s -> "transliteration, " + s.label()).orElse("transliteration variant");
        }
        return scriptA == Script.CYRILLIC && scriptB == Script.CYRILLIC ? "Ukrainian/Russian spelling" : "spelling variant";
    }

    private static String values(Field field, Level level, String a, String b) {
        if (level == Level.MISSING) {
            return field.label() + ": " + missing(a, b);
        }
        if (a.strip().equals(b.strip())) {
            return field.label() + ": " + shown(a.strip()) + " (" + level.text() + ")";
        }
        return field.label() + ": " + shown(a.strip()) + " / " + shown(b.strip()) + " (" + level.text() + ")";
    }

    /** A value as written, in double quotes unless it is plain name text (see the class comment). */
    private static String shown(String value) {
        boolean plain = value.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || isMark(c) || c == ' '
                || c == '\'' || c == '\u2019' || c == '-' || c == '.');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String missing(String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        return hasA == hasB ? "not given" : "given on one side only";
    }

    private static String text(BirthDate date) {
        return date == null ? null : date.toString();
    }
}
