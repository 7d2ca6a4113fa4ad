package org.parley.names;

import java.util.Optional;

/**
 * One part of a person's name (surname, given name or patronymic) with the keys it is compared by.
 *
 * @param written the part as written
 * @param key its {@link MatchKey} (words joined without space: Петров-Водкин → petrovvodkin)
 * @param initial whether only the initial is given (О., O)
 * @param phonetic its {@link PhoneticKey}
 * @param name the given name it is in the equivalence table, for a given name; the father's name, for a
 *     patronymic; null if unknown
 */
public record NamePart(String written, String key, boolean initial, String phonetic, GivenNames.Name name) {

    /** A surname, given name or patronymic as written; empty when it has no letters. */
    public static Optional<NamePart> of(String written, Role role) {
        if (written == null) {
            return Optional.empty();
        }
        String key = String.join("", MatchKey.words(written));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        boolean initial = key.length() == 1 || written.codePoints().filter(Character::isLetter).count() == 1;
        GivenNames.Name name = null;
        if (!initial && role == Role.GIVEN_NAME) {
            name = GivenNames.table().byKey(key).orElse(null);
        } else if (!initial && role == Role.PATRONYMIC) {
            name = Patronymics.father(key, GivenNames.table()).orElse(null);
        }
        String compared = role == Role.SURNAME ? Surnames.stem(key) : key;
        return Optional.of(new NamePart(written.strip(), key, initial, PhoneticKey.of(compared), name));
    }

    /** The letter an initial stands for, or the first letter of the key. */
    public char firstLetter() {
        return key.charAt(0);
    }

    /** Which part of a name. */
    public enum Role { SURNAME, GIVEN_NAME, PATRONYMIC }
}
