package org.parley.exchange;

import org.parley.registry.PartialDate;

/**
 * One entry of a list as a negotiator gives it (API body, CSV or XLSX file, rows pasted from a spreadsheet),
 * before it is checked against the registry: either a registry person ({@code personId}, the person's public id)
 * or a free-text record from the party's own missing-persons files, names in any script as written.
 *
 * @param ref the party's own reference (its file number), unique in the list; null for a registry entry, which is
 *     then referred to as {@code person:{personId}}
 */
public record EntryInput(String ref, String personId, String surname, String givenName, String patronymic,
        String fullName, PartialDate dateOfBirth, String serviceNumber, String unit, String rank, String note)
        implements java.io.Serializable {
}
