package org.parley.tracing;

import java.time.LocalDate;
import org.parley.names.BirthDate;
import org.parley.names.PersonRecord;
import tools.jackson.databind.node.ObjectNode;

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

    /** Writes what is known of the sought person (names, birth, unit, last known place and date) into {@code node}. */
    void writeSought(ObjectNode node) {
        node.put("surname", surname);
        node.put("givenName", givenName);
        node.put("patronymic", patronymic);
        node.put("fullName", fullName);
        node.put("dateOfBirth", dateOfBirth);
        node.put("unit", unit);
        node.put("lastKnownPlace", lastKnownPlace);
        node.put("lastKnownDate", lastKnownDate == null ? null : lastKnownDate.toString());
    }

    /** The name as written, for people to read. */
    public String displayName() {
        return record("shown").displayName();
    }
}
