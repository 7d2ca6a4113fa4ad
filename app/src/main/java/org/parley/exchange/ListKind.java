package org.parley.exchange;

import java.util.Locale;

/** The two lists a party keeps in a round; written in lower case in URLs and JSON ({@code request}, {@code offer}). */
public enum ListKind {
    /** Persons the party asks the other party to release: its nationals and civilians held by the other side. */
    REQUEST,
    /** Persons the party offers to release from its own custody. */
    OFFER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written {@code code}, or null for anything else. */
    public static ListKind ofCode(String code) {
        for (ListKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        return null;
    }
}
