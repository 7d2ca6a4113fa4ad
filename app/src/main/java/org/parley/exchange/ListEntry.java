package org.parley.exchange;

/**
 * An entry of a stored list version.
 *
 * @param personId the registry person's internal key, or null for a free-text record
 * @param dateOfBirth YYYY, YYYY-MM or YYYY-MM-DD
 * @param contentHash SHA-256 of the entry's canonical JSON ({@link ListStates#entryJson}): equal between
 *     versions when the entry is unchanged
 */
public record ListEntry(String ref, Long personId, String surname, String givenName, String patronymic,
        String fullName, String dateOfBirth, String serviceNumber, String unit, String rank, String note,
        byte[] contentHash) {

    /** An entry with the hash of its content computed. */
    static ListEntry hashed(String ref, Long personId, String surname, String givenName, String patronymic,
            String fullName, String dateOfBirth, String serviceNumber, String unit, String rank, String note) {
        ListEntry entry = new ListEntry(ref, personId, surname, givenName, patronymic, fullName, dateOfBirth,
                serviceNumber, unit, rank, note, null);
        return new ListEntry(ref, personId, surname, givenName, patronymic, fullName, dateOfBirth, serviceNumber,
                unit, rank, note, ListStates.contentHash(entry));
    }
}
