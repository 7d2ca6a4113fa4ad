package org.parley.wishes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a person said about going home, as recorded; never changed afterwards. A later statement that
 * {@code replaces} this one (a correction, or the person's withdrawal) takes it out of the derivation.
 *
 * @param organisation code of the organisation that took it
 * @param byIntermediary whether that organisation is an intermediary
 * @param verified only an intermediary interviewer's private interview is
 */
public record Statement(long id, long personId, Wish wish, StatementMethod method, String organisation,
        boolean byIntermediary, String takenBy, LocalDate takenOn, String place, String language, Boolean interpreter,
        String text, boolean verified, Long replaces, Instant recordedAt) {
}
