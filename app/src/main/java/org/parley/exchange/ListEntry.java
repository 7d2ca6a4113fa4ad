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
}
