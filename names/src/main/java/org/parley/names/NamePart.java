package org.parley.names;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Parts already made, per role and text as written, up to {@link #REMEMBERED} of each role. Names repeat:
     * a registry of a million persons has some thousands of distinct surnames, given names and patronymics, so
     * preparing it (for an exchange's reconciliation) computes each part's keys once rather than per person. A part
     * depends on nothing but its text and role, so a remembered one is the one that would be made.
     */
    private static final Map<Role, Map<String, Optional<NamePart>>> MADE = new EnumMap<>(Role.class);
    static final int REMEMBERED = 50_000;

    static {
        for (Role role : Role.values()) {
            MADE.put(role, new ConcurrentHashMap<>());
        }
    }

    /** A surname, given name or patronymic as written; empty when it has no letters. */
    public static Optional<NamePart> of(String written, Role role) {
        if (written == null) {
            return Optional.empty();
        }
        Map<String, Optional<NamePart>> made = MADE.get(role);
        Optional<NamePart> part = made.get(written);
        if (part == null) {
            part = make(written, role);
            if (made.size() < REMEMBERED) {
                made.putIfAbsent(written, part);
            }
        }
        return part;
    }

    private static Optional<NamePart> make(String written, Role role) {
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
