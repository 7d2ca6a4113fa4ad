package org.parley.tracing;

import java.time.LocalDate;
import org.parley.names.BirthDate;
import org.parley.names.PersonRecord;

/**
 * What a family tells about the person they look for, names in any script and as written; {@code dateOfBirth} is
 * YYYY, YYYY-MM or YYYY-MM-DD.
 */
public record TracingInput(String surname, String givenName, String patronymic, String fullName, String dateOfBirth,
        String unit, String lastKnownPlace, LocalDate lastKnownDate, Requester requester, String note) {

    /** The sought person as the name matcher reads them. */
    PersonRecord record(String id) {
        return new PersonRecord(id, surname, givenName, patronymic, fullName,
                dateOfBirth == null ? null : BirthDate.parse(dateOfBirth), null, unit, null);
    }

    /** The name as written, for people to read. */
    public String displayName() {
        return record("shown").displayName();
    }
}
