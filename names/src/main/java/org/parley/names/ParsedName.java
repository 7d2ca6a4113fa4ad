package org.parley.names;

import java.util.ArrayList;
import java.util.List;
import org.parley.names.NamePart.Role;

/**
 * A person's name split into its parts. Lists give the parts in separate columns, or a full name in whatever
 * order its writer uses ("Коваленко Олександр Сергійович", "Oleksandr Kovalenko", "Коваленко О. С."); the parts
 * of a full name are told apart by what they look like: a patronymic ending, a given name in the table, an
 * initial. Any part may be null.
 */
public record ParsedName(NamePart surname, NamePart givenName, NamePart patronymic) {

    /** Parses the name fields of a record. */
    public static ParsedName of(PersonRecord record) {
        boolean hasParts = notBlank(record.surname()) || notBlank(record.givenName()) || notBlank(record.patronymic());
        if (!hasParts) {
            return fromFullName(record.fullName());
        }
        String given = record.givenName();
        String patronymic = record.patronymic();
        // "Олександр Сергійович" in the given-name column, with no patronymic column.
        if (!notBlank(patronymic) && notBlank(given) && given.strip().contains(" ")) {
            String[] words = given.strip().split("\\s+", 2);
            given = words[0];
            patronymic = words[1];
        }
        if (!notBlank(given) && !notBlank(patronymic) && notBlank(record.surname())
                && record.surname().strip().contains(" ")) {
            return fromFullName(record.surname());
        }
        NamePart surnamePart = part(record.surname(), Role.SURNAME);
        NamePart givenPart = part(given, Role.GIVEN_NAME);
        if (surnamePart != null && givenPart != null && !surnamePart.initial() && (givenPart.initial()
                || givenPart.name() == null) && GivenNames.table().byKey(surnamePart.key()).isPresent()) {
            // The columns are mixed up: a known given name stands in the surname column, and the given-name
            // column holds something that is not one.
            String surnameWritten = givenPart.written();
            String givenWritten = surnamePart.written();
            surnamePart = part(surnameWritten, Role.SURNAME);
            givenPart = part(givenWritten, Role.GIVEN_NAME);
        }
        return new ParsedName(surnamePart, givenPart, part(patronymic, Role.PATRONYMIC));
    }

    /** Parses a full name whose parts may come in any order. */
    public static ParsedName fromFullName(String fullName) {
        if (!notBlank(fullName)) {
            return new ParsedName(null, null, null);
        }
        List<String> words = new ArrayList<>(List.of(fullName.strip().replaceAll("(\\p{L})\\.(\\p{L})", "$1. $2")
                .split("\\s+")));
        words.removeIf(w -> NamePart.of(w, Role.GIVEN_NAME).isEmpty()); // no key (punctuation alone); parts are remembered
        String surname = null;
        String given = null;
        String patronymic = null;
        List<NamePart> parts = words.stream().map(w -> part(w, Role.GIVEN_NAME)).toList();
        int givenAt = -1;
        for (int i = 0; i < parts.size() && givenAt < 0; i++) {
            if (!parts.get(i).initial() && parts.get(i).name() != null && !Patronymics.isPatronymic(parts.get(i).key())) {
                givenAt = i;
            }
        }
        // The patronymic follows the given name; otherwise it is the last word that looks like one (a surname
        // such as Їжакевич can look like one too, and comes first).
        int patronymicAt = -1;
        if (givenAt >= 0 && givenAt + 1 < parts.size() && Patronymics.isPatronymic(parts.get(givenAt + 1).key())) {
            patronymicAt = givenAt + 1;
        } else {
            for (int i = parts.size() - 1; i > 0 && patronymicAt < 0; i--) {
                if (i != givenAt && !parts.get(i).initial() && Patronymics.isPatronymic(parts.get(i).key())) {
                    patronymicAt = i;
                }
            }
        }
        List<String> rest = new ArrayList<>();
        List<String> initials = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (i == givenAt) {
                given = words.get(i);
            } else if (i == patronymicAt) {
                patronymic = words.get(i);
            } else if (parts.get(i).initial()) {
                initials.add(words.get(i));
            } else {
                rest.add(words.get(i));
            }
        }
        if (given == null && rest.size() >= 2) {
            // No known given name: "Surname Given [Patronymic]" unless the patronymic comes second.
            given = patronymicAt == 1 ? rest.remove(0) : rest.remove(1);
        }
        if (!rest.isEmpty()) {
            surname = String.join(" ", rest);
        }
        if (given == null && !initials.isEmpty()) {
            given = initials.remove(0);
        }
        if (patronymic == null && !initials.isEmpty()) {
            patronymic = initials.remove(0);
        }
        return new ParsedName(part(surname, Role.SURNAME), part(given, Role.GIVEN_NAME),
                part(patronymic, Role.PATRONYMIC));
    }

    private static NamePart part(String written, Role role) {
        return NamePart.of(written, role).orElse(null);
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
