package org.parley.registry;

import org.parley.names.PersonRecord;

/**
 * A registered person as the name matcher sees them (the record's id is the internal key in decimal), with where
 * the person is now.
 */
public record MatchablePerson(long id, Status status, PersonRecord record) {
}
