package org.parley.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.parley.names.Script;

/**
 * A person's record as stored: the facts, and what the lifecycle derives from its events. {@code id} is the internal
 * key, never shown; {@code publicId} is what the API and the pages show (see {@link org.parley.api.PublicIds}).
 */
public record Person(long id, String publicId, int version, PersonInput facts, Status status, LocalDate notifiedOn,
        Script nameScript, Instant createdAt, Instant updatedAt, Set<String> withheld, Set<String> formerOrigins,
        LocalDate custodyEndedOn) {

    /**
     * {@code withheld}: JSON names of the facts the reader's organisation does not receive (see RecordAccess);
     * {@code formerOrigins}: codes of the parties that were its power of origin once it was notified, and keep
     * reading it; {@code custodyEndedOn}: the day custody ended (see {@link Lifecycle.State}), null in custody.
     */
    public Person {
        withheld = Set.copyOf(withheld);
        formerOrigins = Set.copyOf(formerOrigins);
    }

    public Object get(PersonField field) {
        return facts.get(field);
    }

    /** The value of a field as text, or null. */
    public String text(PersonField field) {
        Object value = facts.get(field);
        return value == null ? null : value.toString();
    }

    /** Surname, given name and patronymic as written. */
    public String fullName() {
        StringBuilder name = new StringBuilder(text(PersonField.SURNAME));
        for (PersonField part : new PersonField[] {PersonField.GIVEN_NAME, PersonField.PATRONYMIC}) {
            if (text(part) != null) {
                name.append(' ').append(text(part));
            }
        }
        return name.toString();
    }
}
