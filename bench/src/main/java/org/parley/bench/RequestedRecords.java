package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.parley.names.GivenNames;
import org.parley.names.Language;
import org.parley.names.MatchKey;
import org.parley.names.Patronymics;
import org.parley.names.Standard;
import org.parley.names.Transliteration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A requesting party's records of its nationals the other party holds, as its own files have them — the
 * requested entries of {@code ExchangeReconcileRun}. The holder's registry writes a person in Cyrillic, in the
 * person's language or its own (Александр Сергеевич for Олександр Сергійович); the requester writes its national
 * in Latin letters from the name in the national's own language, with the noise of real lists:
 * <ul>
 * <li>the Ukrainian form of a name the holder wrote in Russian (given name and patronymic through the
 * equivalence table of {@code names}, the surname's endings: Ковальский → Ковальський); then Latin under KMU 2010
 * 45 %, BGN/PCGN 25 %, conventional English 22 % (given names as Alexander, Eugene half of the time where the
 * table has one), ISO 9 8 %;</li>
 * <li>typing slips: surname 8 %, given name 4 %; patronymic left out 35 %, as an initial 5 %; given name as an
 * initial 3 %; surname in capitals 20 %; one full name 25 % (surname first or last);</li>
 * <li>date of birth: as registered 68 %, to the month 8 %, year only 8 %, day and month swapped 5 %, a day off
 * 5 %, missing 6 %; service number given 30 %, unit 20 %.</li>
 * </ul>
 * Persons the holder does not hold are made of a surname, a given name and a patronymic of its nationals drawn
 * from different registered persons, with a date of birth of their own: as common as the real ones.
 */
final class RequestedRecords {

    private static final String VOWELS = "aeiouy";
    private static final GivenNames TABLE = GivenNames.table();

    private final Random random;

    RequestedRecords(long seed) {
        this.random = new Random(seed);
    }

    /** An entry for a registered person (the holder's JSON of it), as the requester writes it. */
    ObjectNode of(String ref, JsonNode person) {
        boolean female = "FEMALE".equals(text(person, "sex"));
        boolean russian = "ru".equals(text(person, "nameLanguage"));
        String surname = russian ? ukrainianSurname(text(person, "surname")) : text(person, "surname");
        String given = russian ? ukrainianGiven(text(person, "givenName")) : text(person, "givenName");
        String patronymic = russian ? ukrainianPatronymic(text(person, "patronymic"), female)
                : text(person, "patronymic");
        Standard standard = standard();
        String latinSurname = latin(surname, standard);
        String latinGiven = given == null ? null : standard == Standard.CONVENTIONAL && random.nextBoolean()
                ? TABLE.find(given).filter(n -> !n.otherLatin().isEmpty()).map(n -> n.otherLatin().get(0))
                        .orElse(latin(given, standard)) : latin(given, standard);
        String latinPatronymic = latin(patronymic, standard);
        if (random.nextInt(100) < 8) {
            latinSurname = typo(latinSurname);
        }
        if (latinGiven != null && random.nextInt(100) < 4) {
            latinGiven = typo(latinGiven);
        }
        int omit = random.nextInt(100);
        if (omit < 35) {
            latinPatronymic = null;
        } else if (omit < 40 && latinPatronymic != null) {
            latinPatronymic = latinPatronymic.substring(0, 1) + ".";
        }
        if (latinGiven != null && random.nextInt(100) < 3) {
            latinGiven = latinGiven.substring(0, 1) + ".";
        }
        if (random.nextInt(100) < 20) {
            latinSurname = latinSurname.toUpperCase(Locale.ROOT);
        }
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("ref", ref);
        if (random.nextInt(100) < 25) {
            entry.put("fullName", random.nextBoolean() ? join(latinSurname, latinGiven, latinPatronymic)
                    : join(latinGiven, latinPatronymic, latinSurname));
        } else {
            entry.put("surname", latinSurname);
            putIf(entry, "givenName", latinGiven);
            putIf(entry, "patronymic", latinPatronymic);
        }
        putIf(entry, "dateOfBirth", dateOfBirth(text(person, "dateOfBirth")));
        if (random.nextInt(100) < 30) {
            putIf(entry, "serviceNumber", text(person, "serviceNumber"));
        }
        if (random.nextInt(100) < 20) {
            putIf(entry, "unit", text(person, "unit"));
        }
        return entry;
    }

    /** An entry for a person nobody registered: surname of one registered person, names of another. */
    ObjectNode madeUp(String ref, List<JsonNode> persons) {
        JsonNode a = persons.get(random.nextInt(persons.size()));
        JsonNode b = a;
        for (int tries = 0; tries < 50 && (b == a || !text(a, "sex").equals(text(b, "sex"))); tries++) {
            b = persons.get(random.nextInt(persons.size()));
        }
        ObjectNode person = JsonNodeFactory.instance.objectNode();
        person.put("sex", text(a, "sex"));
        person.put("nameLanguage", text(a, "nameLanguage"));
        person.put("surname", text(a, "surname"));
        String bLanguage = text(b, "nameLanguage");
        boolean sameLanguage = bLanguage != null && bLanguage.equals(text(a, "nameLanguage"));
        person.put("givenName", sameLanguage ? text(b, "givenName") : text(a, "givenName"));
        person.put("patronymic", sameLanguage ? text(b, "patronymic") : text(a, "patronymic"));
        person.put("dateOfBirth", String.format("%d-%02d-%02d", 1970 + random.nextInt(35), 1 + random.nextInt(12),
                1 + random.nextInt(28)));
        return of(ref, person);
    }

    private static String ukrainianSurname(String surname) {
        if (surname == null) {
            return null;
        }
        String text = surname.replace("ский", "ський").replace("цкий", "цький").replace("ская", "ська")
                .replace("цкая", "цька").replace('ё', 'е').replace('ы', 'и').replace('э', 'е');
        return text.endsWith("ев") ? text.substring(0, text.length() - 2) + "єв" : text;
    }

    private static String ukrainianGiven(String given) {
        return given == null ? null : TABLE.find(given).map(n -> n.ukrainian().get(0)).orElse(given);
    }

    private static String ukrainianPatronymic(String patronymic, boolean female) {
        if (patronymic == null) {
            return null;
        }
        Optional<GivenNames.Name> father = Patronymics.father(MatchKey.of(patronymic), TABLE);
        return father.map(n -> Patronymics.form(n.ukrainian().get(0), Language.UKRAINIAN,
                female ? GivenNames.Sex.FEMALE : GivenNames.Sex.MALE)).orElse(patronymic);
    }

    private Standard standard() {
        int roll = random.nextInt(100);
        return roll < 45 ? Standard.KMU_2010 : roll < 70 ? Standard.BGN_PCGN : roll < 92 ? Standard.CONVENTIONAL
                : Standard.ISO_9;
    }

    private static String latin(String cyrillic, Standard standard) {
        return cyrillic == null ? null : Transliteration.toLatin(cyrillic, standard, Language.UKRAINIAN).orElseThrow();
    }

    private String dateOfBirth(String born) {
        if (born == null) {
            return null;
        }
        int roll = random.nextInt(100);
        if (roll < 68 || born.length() < 10) {
            return born;
        } else if (roll < 76) {
            return born.substring(0, 7);
        } else if (roll < 84) {
            return born.substring(0, 4);
        }
        int month = Integer.parseInt(born.substring(5, 7));
        int day = Integer.parseInt(born.substring(8, 10));
        if (roll < 89 && day <= 12 && day != month) {
            return String.format("%s-%02d-%02d", born.substring(0, 4), day, month);
        } else if (roll < 94) {
            return String.format("%s-%02d-%02d", born.substring(0, 4), month, day < 28 ? day + 1 : day - 1);
        }
        return null;
    }

    private String typo(String name) {
        if (name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        StringBuilder text = new StringBuilder(name);
        char c = text.charAt(at);
        switch (random.nextInt(4)) {
            case 0 -> {
                int vowel = VOWELS.indexOf(c);
                if (vowel >= 0) {
                    text.setCharAt(at, VOWELS.charAt((vowel + 1 + random.nextInt(VOWELS.length() - 1))
                            % VOWELS.length()));
                } else {
                    text.insert(at, c);
                }
            }
            case 1 -> text.deleteCharAt(at);
            case 2 -> text.insert(at, c);
            default -> {
                text.setCharAt(at, text.charAt(at + 1));
                text.setCharAt(at + 1, c);
            }
        }
        return text.toString();
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                present.add(part);
            }
        }
        return String.join(" ", present);
    }

    private static void putIf(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
