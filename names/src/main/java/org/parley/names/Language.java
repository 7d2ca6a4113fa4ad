package org.parley.names;

/** The two East Slavic languages whose names Parley reads in depth. */
public enum Language {
    UKRAINIAN("uk"), RUSSIAN("ru");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 language tag. */
    public String tag() {
        return tag;
    }

    /**
     * Guesses the language of a Cyrillic name from the letters only one of the alphabets has (і ї є ґ and the
     * apostrophe are Ukrainian; ы э ъ ё are Russian); null when the letters do not tell.
     */
    public static Language guess(String name) {
        if (name == null) {
            return null;
        }
        String text = name.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case 'і', 'ї', 'є', 'ґ', '\'', 'ʼ', '’' -> {
                    return UKRAINIAN;
                }
                case 'ы', 'э', 'ъ', 'ё' -> {
                    return RUSSIAN;
                }
                default -> {
                }
            }
        }
        return null;
    }
}
