package org.parley.names;

/** The writing system a name is written in, as far as its letters tell. */
public enum Script {
    CYRILLIC("Cyrl"), LATIN("Latn"), MIXED("Zmix"), OTHER("Zyyy"), NONE("Zzzz");

    private final String iso15924;

    Script(String iso15924) {
        this.iso15924 = iso15924;
    }

    /** The ISO 15924 code, or a private-use code for mixed/unknown text. */
    public String iso15924() {
        return iso15924;
    }

    /** Detects the script of a text from its letters; digits, spaces and punctuation do not count. */
    public static Script of(String text) {
        if (text == null) {
            return NONE;
        }
        boolean cyrillic = false;
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case CYRILLIC -> cyrillic = true;
                case LATIN -> latin = true;
                default -> other = true;
            }
        }
        int kinds = (cyrillic ? 1 : 0) + (latin ? 1 : 0) + (other ? 1 : 0);
        if (kinds == 0) {
            return NONE;
        }
        if (kinds > 1) {
            return MIXED;
        }
        return cyrillic ? CYRILLIC : latin ? LATIN : OTHER;
    }
}
