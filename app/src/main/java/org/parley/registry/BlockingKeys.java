package org.parley.registry;

import java.util.Arrays;
import org.parley.names.BirthDate;
import org.parley.names.BlockingIndex;
import org.parley.names.PersonRecord;
import org.parley.names.PreparedPerson;

/**
 * The blocking keys of a person as table {@code person_blocking_key} stores them: the hashes of the {@code names}
 * library's keys ({@link PreparedPerson#blockingKeys()}, {@link BlockingIndex#hash}) of the record the matcher reads
 * from the person's columns (see {@link PersonRepository#matchable}), each once.
 */
final class BlockingKeys {

    private BlockingKeys() {
    }

    /** The keys of a person's facts, as stored in the person's columns. */
    static long[] of(PersonInput facts) {
        return of(text(facts, PersonField.SURNAME), text(facts, PersonField.GIVEN_NAME),
                text(facts, PersonField.PATRONYMIC), text(facts, PersonField.DATE_OF_BIRTH),
                text(facts, PersonField.SERVICE_NUMBER), text(facts, PersonField.UNIT), text(facts, PersonField.RANK));
    }

    /** The keys of a person's columns. */
    static long[] of(String surname, String givenName, String patronymic, String dateOfBirth, String serviceNumber,
            String unit, String rank) {
        PersonRecord record = new PersonRecord("", surname, givenName, patronymic, null,
                dateOfBirth == null ? null : BirthDate.parse(dateOfBirth), serviceNumber, unit, rank);
        return PreparedPerson.of(record).blockingKeys().stream().mapToLong(BlockingIndex::hash).sorted().distinct()
                .toArray();
    }

    /** The keys as a PostgreSQL array literal, for COPY. */
    static String arrayLiteral(long[] keys) {
        return Arrays.toString(keys).replace('[', '{').replace(']', '}').replace(" ", "");
    }

    private static String text(PersonInput facts, PersonField field) {
        Object value = facts.get(field);
        return value == null ? null : value.toString();
    }
}
