package org.parley.names.testdata;

import java.util.Random;
import org.parley.names.Language;

/** The spelling changes the generator's noise model makes to Cyrillic and Latin names. */
final class Spelling {

    private Spelling() {
    }

    /** The female form of a masculine surname (Петров → Петрова, Ковальський → Ковальська, Коваленко unchanged). */
    static String feminine(String surname, Language language) {
        if (language == Language.UKRAINIAN) {
            if (surname.endsWith("ий")) {
                return surname.substring(0, surname.length() - 2) + "а";
            }
            if (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("єв") || surname.endsWith("ин")) {
                return surname + "а";
            }
            return surname;
        }
        if (surname.endsWith("ский") || surname.endsWith("цкий")) {
            return surname.substring(0, surname.length() - 2) + "ая";
        }
        if (surname.endsWith("ой")) {
            return surname.substring(0, surname.length() - 2) + "ая";
        }
        if (surname.endsWith("ов") || surname.endsWith("ёв") || surname.endsWith("ев") || surname.endsWith("ин")) {
            return surname + "а";
        }
        return surname;
    }

    /** The surname as the other language's clerks write it (Ковальський ↔ Ковальский, Лебедев → Лебедєв). */
    static String inOtherLanguage(String surname, Language from) {
        if (from == Language.UKRAINIAN) {
            return surname.replace("ський", "ский").replace("цький", "цкий").replace("ська", "ская")
                    .replace("'", "").replace('і', 'и').replace('ї', 'и').replace('є', 'е').replace('ґ', 'г');
        }
        String text = surname.replace("ский", "ський").replace("цкий", "цький").replace("ская", "ська")
                .replace("ё", "ьо").replace('ы', 'и').replace('э', 'е').replace("ъ", "'");
        return text.endsWith("ев") ? text.substring(0, text.length() - 2) + "єв" : text;
    }

    /** Another family's surname formed from this one (Щербак → Щербаков, Петров → Петровський). */
    static String derived(String surname, Language language) {
        if (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ин")) {
            return surname + (language == Language.UKRAINIAN ? "ський" : "ский");
        }
        return surname + (language == Language.UKRAINIAN ? "енко" : "ов");
    }

    /** One typing slip: a letter replaced by a neighbour in the alphabet, deleted, doubled, or two swapped. */
    static String typo(String name, Random random) {
        if (name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        StringBuilder text = new StringBuilder(name);
        switch (random.nextInt(4)) {
            case 0 -> text.setCharAt(at, (char) (text.charAt(at) + (random.nextBoolean() ? 1 : -1)));
            case 1 -> text.deleteCharAt(at);
            case 2 -> text.insert(at, text.charAt(at));
            default -> {
                char c = text.charAt(at);
                text.setCharAt(at, text.charAt(at + 1));
                text.setCharAt(at + 1, c);
            }
        }
        return text.toString();
    }
}
