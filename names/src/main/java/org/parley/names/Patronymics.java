package org.parley.names;

import java.util.List;
import java.util.Optional;

/**
 * Patronymics (father's names): recognising them, finding the father's given name in them across languages
 * (Сергійович, Сергеевич, Serhiiovych, Sergeyevich → Сергій/Сергей) and forming them for test data.
 */
public final class Patronymics {

    /** Endings of patronymics in matching keys, longest first (Сергіївна → sergivna, Ильинична → ilinicna). */
    private static final List<String> KEY_ENDINGS = List.of("inicna", "ovic", "evic", "ivna", "ovna", "evna", "icna");

    private Patronymics() {
    }

    /** Whether a word's matching key looks like a patronymic. */
    public static boolean isPatronymic(String key) {
        return stem(key).length() < key.length() || key.equals("ilic");
    }

    /** The key without its patronymic ending (sergovic → serg); the key itself if it has none. */
    public static String stem(String key) {
        for (String ending : KEY_ENDINGS) {
            if (key.endsWith(ending) && key.length() > ending.length() + 1) {
                return key.substring(0, key.length() - ending.length());
            }
        }
        if (key.endsWith("ic") && key.length() > 4) {
            return key.substring(0, key.length() - 2);
        }
        return key;
    }

    /** The father's given name a patronymic's key is formed from, if it is in the equivalence table. */
    public static Optional<GivenNames.Name> father(String key, GivenNames table) {
        String stem = key.equals("ilic") ? "il" : stem(key);
        if (stem.equals(key)) {
            return Optional.empty();
        }
        for (String ending : new String[] {"", "i", "o", "a", "ia", "ei"}) {
            Optional<GivenNames.Name> name = table.byKey(stem + ending);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** The patronymic formed from a father's given name in its language's regular way (for test data). */
    public static String form(String father, Language language, GivenNames.Sex sex) {
        boolean male = sex == GivenNames.Sex.MALE;
        return language == Language.UKRAINIAN ? ukrainian(father, male) : russian(father, male);
    }

    private static String ukrainian(String father, boolean male) {
        switch (father) {
            case "Микола" -> {
                return male ? "Миколайович" : "Миколаївна";
            }
            case "Ілля" -> {
                return male ? "Ілліч" : "Іллівна";
            }
            case "Григорій" -> {
                return male ? "Григорович" : "Григорівна";
            }
            default -> {
            }
        }
        if (father.endsWith("й")) {
            return male ? father + "ович" : father.substring(0, father.length() - 1) + "ївна";
        }
        String stem = father;
        if (stem.endsWith("о") || stem.endsWith("а")) {
            stem = stem.substring(0, stem.length() - 1);
        } else if (stem.endsWith("ір") || stem.endsWith("ів")) {
            // Федір → Федорович, Яків → Якович: і in the closed last syllable is о in the open one.
            stem = stem.substring(0, stem.length() - 2) + "о" + stem.charAt(stem.length() - 1);
            if (stem.endsWith("ов")) {
                stem = stem.substring(0, stem.length() - 2);
            }
        }
        if (male) {
            return stem + "ович";
        }
        return (stem.endsWith("ь") ? stem.substring(0, stem.length() - 1) : stem) + "івна";
    }

    private static String russian(String father, boolean male) {
        switch (father) {
            case "Илья" -> {
                return male ? "Ильич" : "Ильинична";
            }
            case "Никита" -> {
                return male ? "Никитич" : "Никитична";
            }
            case "Лев" -> {
                return male ? "Львович" : "Львовна";
            }
            case "Павел" -> {
                return male ? "Павлович" : "Павловна";
            }
            case "Пётр", "Петр" -> {
                return male ? "Петрович" : "Петровна";
            }
            default -> {
            }
        }
        String base = father.replace('ё', 'е');
        if (base.endsWith("ий")) {
            return base.substring(0, base.length() - 2) + (male ? "ьевич" : "ьевна");
        }
        if (base.endsWith("ей") || base.endsWith("ай")) {
            return base.substring(0, base.length() - 1) + (male ? "евич" : "евна");
        }
        if (base.endsWith("ь")) {
            return base.substring(0, base.length() - 1) + (male ? "евич" : "евна");
        }
        if (base.endsWith("а") || base.endsWith("я")) {
            return base.substring(0, base.length() - 1) + (male ? "ич" : "ична");
        }
        return base + (male ? "ович" : "овна");
    }
}
