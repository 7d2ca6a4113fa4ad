package org.parley.names;

/**
 * One person as a list gives them: any of the name fields (the parts separately, or a full name in any order),
 * and the other identifying facts, all optional but the id. Text is as written.
 */
public record PersonRecord(String id, String surname, String givenName, String patronymic, String fullName,
        BirthDate dateOfBirth, String serviceNumber, String unit, String rank) {

    /** The name as written, for people to read: the parts in the order given, or the full name. */
    public String displayName() {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {surname, givenName, patronymic}) {
            if (part != null && !part.isBlank()) {
                name.append(name.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        if (name.isEmpty() && fullName != null) {
            name.append(fullName.strip());
        }
        return name.toString();
    }

    /** Whether any name is given. */
    public boolean hasName() {
        return !displayName().isEmpty();
    }
}
