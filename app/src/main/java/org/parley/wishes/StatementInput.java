package org.parley.wishes;

import java.time.LocalDate;

/** A statement as the one who took it records it. */
public record StatementInput(Wish wish, StatementMethod method, LocalDate takenOn, String place, String language,
        Boolean interpreter, String text, Long replaces) {
}
