package org.parley.registry;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.names.Field;
import org.parley.names.Level;
import org.parley.names.Linkage;
import org.parley.names.Script;
import org.parley.names.Transliteration;
import org.springframework.context.MessageSource;

/**
 * The possible duplicates of a registration as the page shows them: each registered person (name, date of birth,
 * holding party, status) with how likely it is the same person and, fact by fact, why — in the reader's language
 * ("Surname: Shevchenko / Шевченко — the same name in the other script (Ukrainian passport, KMU 55/2010)").
 */
final class NamesakeViews {

    /** One possible duplicate. */
    record Duplicate(PersonViews.Row person, boolean likely, String likelihood, List<String> explanation) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final PersonViews persons;

    NamesakeViews(MessageSource messages, Locale locale, PersonViews persons) {
        this.messages = messages;
        this.locale = locale;
        this.persons = persons;
    }

    List<Duplicate> duplicates(List<Namesakes.Namesake> namesakes) {
        return namesakes.stream().map(this::duplicate).toList();
    }

    private Duplicate duplicate(Namesakes.Namesake namesake) {
        double probability = namesake.score().probability();
        boolean likely = probability >= Linkage.Thresholds.DEFAULT.match();
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        List<String> lines = new ArrayList<>();
        if (namesake.score().swapped()) {
            lines.add(msg("duplicate.swapped"));
        }
        for (Namesakes.Agreement agreement : namesake.agreements()) {
            lines.add(line(agreement));
        }
        return new Duplicate(persons.row(namesake.person(), LocalDate.now(), Map.of(), false), likely,
                msg(likely ? "duplicate.likely" : "duplicate.possible", percent.format(probability)), lines);
    }

    /** "Given name: Oleksandr / Олександр — the same name in another script (KMU 2010)". */
    private String line(Namesakes.Agreement agreement) {
        String label = msg(personField(agreement.field()).messageKey());
        String entered = agreement.entered().strip();
        String registered = agreement.registered().strip();
        String how = how(agreement.level(), entered, registered);
        return entered.equals(registered) ? msg("duplicate.lineSame", label, entered, how)
                : msg("duplicate.line", label, entered, registered, how);
    }

    private String how(Level level, String entered, String registered) {
        String kind = kind(level);
        boolean names = level.field() == Field.SURNAME || level.field() == Field.GIVEN_NAME
                || level.field() == Field.PATRONYMIC;
        if (kind.equals("SAME") && names && Script.of(entered) != Script.of(registered)) {
            boolean enteredInCyrillic = Script.of(entered) == Script.CYRILLIC;
            String cyrillic = enteredInCyrillic ? entered : registered;
            String latin = enteredInCyrillic ? registered : entered;
            return Transliteration.standardOf(cyrillic, latin).map(s -> msg("duplicate.standard." + s.name()))
                    .map(standard -> msg("duplicate.level.transliterated", standard))
                    .orElseGet(() -> msg("duplicate.level.otherScript"));
        }
        return msg("duplicate.level." + kind);
    }

    /** The kind of agreement, whatever the field: SURNAME_SAME and DATE_SAME are both SAME. */
    static String kind(Level level) {
        String prefix = switch (level.field()) {
            case SURNAME -> "SURNAME_";
            case GIVEN_NAME -> "GIVEN_NAME_";
            case PATRONYMIC -> "PATRONYMIC_";
            case DATE_OF_BIRTH -> "DATE_";
            case SERVICE_NUMBER -> "SERVICE_NUMBER_";
            case UNIT -> "UNIT_";
        };
        return level.name().substring(prefix.length());
    }

    private static PersonField personField(Field field) {
        return switch (field) {
            case SURNAME -> PersonField.SURNAME;
            case GIVEN_NAME -> PersonField.GIVEN_NAME;
            case PATRONYMIC -> PersonField.PATRONYMIC;
            case DATE_OF_BIRTH -> PersonField.DATE_OF_BIRTH;
            case SERVICE_NUMBER -> PersonField.SERVICE_NUMBER;
            case UNIT -> PersonField.UNIT;
        };
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
