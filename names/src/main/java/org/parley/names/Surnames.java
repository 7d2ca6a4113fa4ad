package org.parley.names;

/** Surname keys without their grammatical gender: Петрова and Petrov, Ковальська and Kovalskyi share a stem. */
public final class Surnames {

    private Surnames() {
    }

    /**
     * The gender-neutral stem of a surname's matching key: feminine -ova/-eva/-ina and the adjectival
     * -ska(ia)/-cka(ia)/-aia endings become the masculine ones.
     */
    public static String stem(String key) {
        if (key.length() < 5) {
            return key;
        }
        if (key.endsWith("skaia") || key.endsWith("ckaia")) {
            return key.substring(0, key.length() - 3) + "i";
        }
        if (key.endsWith("ska") || key.endsWith("cka")) {
            return key.substring(0, key.length() - 1) + "i";
        }
        if (key.endsWith("aia")) {
            return key.substring(0, key.length() - 3) + "i";
        }
        if (key.endsWith("ova") || key.endsWith("eva") || key.endsWith("ina")) {
            return key.substring(0, key.length() - 1);
        }
        return key;
    }
}
