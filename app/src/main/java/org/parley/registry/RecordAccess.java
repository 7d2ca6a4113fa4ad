package org.parley.registry;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.Role;

/**
 * Who may see and do what with a person's record (README, "Access control"):
 * <ul>
 * <li>the detaining (holding) party sees its detainees in full, and its registrars change them;</li>
 * <li>the power of origin sees its nationals once the holding party has notified them (GC III Art. 122) —
 * identity, service, internment, health and lifecycle, but not where and by whom they were captured, medical
 * notes, the sources of facts or the notes of events;</li>
 * <li>the intermediary sees every notified record in full, and its registrars and interviewers record visits;</li>
 * <li>nobody else sees anything; the instance administrator belongs to no organisation and sees no record.</li>
 * </ul>
 * Visibility grows and never shrinks: a notification is never superseded, and a party that was the power of origin
 * of a notified person keeps reading the record after the intermediary confirmed a change of origin.
 * An organisation corrects only the events it recorded: VISITED events are the intermediary's, all others the
 * holding party's.
 * The same rule is written as SQL in {@link PersonRepository#visibleTo}, so lists and counts never include
 * what a caller may not see.
 */
final class RecordAccess {

    /** Facts the power of origin does not receive. */
    static final Set<PersonField> WITHHELD_FROM_ORIGIN = EnumSet.of(PersonField.CAPTURE_PLACE,
            PersonField.CAPTURING_UNIT, PersonField.HEALTH_NOTES);
    static final String RECORD = "person";

    private RecordAccess() {
    }

    static void requireReader(Caller caller) {
        if (!caller.readsRecords()) {
            throw new ForbiddenException("your roles do not include reading person records", RECORD, null);
        }
    }

    static boolean holds(Caller caller, Person person) {
        return caller.organisation() != null
                && caller.organisation().equals(person.get(PersonField.HOLDING_PARTY));
    }

    static boolean canSee(Caller caller, Person person) {
        if (caller.organisation() == null) {
            return false;
        }
        if (holds(caller, person)) {
            return true;
        }
        boolean notified = person.notifiedOn() != null;
        return notified && (caller.intermediary()
                || caller.organisation().equals(person.get(PersonField.POWER_OF_ORIGIN))
                || person.formerOrigins().contains(caller.organisation()));
    }

    /** The record as the caller may read it, or a 404 that says no more than "not found". */
    static Person readable(Caller caller, Person person) {
        requireReader(caller);
        if (!canSee(caller, person)) {
            throw NotFoundException.of(RECORD, person.publicId());
        }
        return redact(caller, person);
    }

    static Person redact(Caller caller, Person person) {
        if (holds(caller, person) || caller.intermediary()) {
            return person;
        }
        Map<PersonField, Object> values = new EnumMap<>(PersonField.class);
        person.facts().values().forEach((field, value) -> {
            if (!WITHHELD_FROM_ORIGIN.contains(field)) {
                values.put(field, value);
            }
        });
        Set<String> withheld = WITHHELD_FROM_ORIGIN.stream().map(PersonField::jsonName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        withheld.add(PersonJson.SOURCES);
        return new Person(person.id(), person.publicId(), person.version(), new PersonInput(values, Map.of()),
                person.status(), person.notifiedOn(), person.nameScript(), person.createdAt(), person.updatedAt(),
                withheld, person.formerOrigins(), person.custodyEndedOn());
    }

    /**
     * The history as the caller may read it: the power of origin gets no notes, no withheld old values, and places
     * only of events that moved the person (the present address it is owed), never of a capture or a correction.
     */
    static List<LifecycleEvent> redact(Caller caller, Person person, List<LifecycleEvent> history) {
        if (holds(caller, person) || caller.intermediary()) {
            return history;
        }
        Set<String> withheld = WITHHELD_FROM_ORIGIN.stream().map(PersonField::jsonName).collect(Collectors.toSet());
        withheld.add(PersonJson.SOURCES);
        return history.stream().map(e -> new LifecycleEvent(e.id(), e.seq(), e.type(), e.occurredOn(),
                movesPerson(e.type()) ? e.place() : null, null, e.supersedes(),
                e.changes() == null ? null : e.changes().entrySet().stream()
                        .filter(c -> !withheld.contains(c.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                                java.util.LinkedHashMap::new)),
                e.recordedAt(), e.superseded())).toList();
    }

    /** Only registrars of a party record persons, and only persons their own party holds. */
    static void requireCreate(Caller caller, PersonInput facts) {
        requireRegistrarOfParty(caller);
        if (!Objects.equals(caller.organisation(), facts.get(PersonField.HOLDING_PARTY))) {
            throw new ForbiddenException("registrars register persons held by their own organisation ("
                    + caller.organisation() + ")", RECORD, null);
        }
    }

    /** A registrar of a party: the only one who registers persons (held by that party). */
    static void requireRegistrarOfParty(Caller caller) {
        if (!caller.has(Role.REGISTRAR) || !caller.isParty()) {
            throw new ForbiddenException("only registrars of a party register persons", RECORD, null);
        }
    }

    /** Whether the caller is a registrar of the party that holds the person: who corrects it and adds its events. */
    static boolean keeps(Caller caller, Person person) {
        return caller.has(Role.REGISTRAR) && holds(caller, person);
    }

    static void requireUpdate(Caller caller, Person person) {
        readable(caller, person);
        if (!keeps(caller, person)) {
            throw new ForbiddenException("only registrars of the holding party change this record", RECORD,
                    person.publicId());
        }
    }

    static void requireEvent(Caller caller, Person person, EventType type) {
        readable(caller, person);
        if (caller.has(Role.REGISTRAR) && holds(caller, person) && type != EventType.VISITED) {
            return;
        }
        boolean visitRecorder = caller.intermediary()
                && (caller.has(Role.REGISTRAR) || caller.has(Role.INTERVIEWER));
        if (visitRecorder && (type == EventType.VISITED || type == EventType.CORRECTION)) {
            return;
        }
        throw new ForbiddenException(visitRecorder ? "the intermediary records VISITED events, and corrections of them"
                : type == EventType.VISITED && holds(caller, person) ? "VISITED events are the intermediary's to record"
                : "only registrars of the holding party record lifecycle events", RECORD, person.publicId());
    }

    /**
     * An organisation corrects only the events it recorded, and a notification is never taken back.
     *
     * @throws ForbiddenException when the event is another organisation's
     * @throws InvalidInputException when it is the NOTIFIED event
     */
    static void requireCorrectable(Caller caller, Person person, LifecycleEvent target) {
        if (target.type() == EventType.NOTIFIED) {
            throw new InvalidInputException("supersedes", "a notification cannot be taken back: once the power of "
                    + "origin and the intermediary were told (GC III Art. 122), they keep the record");
        }
        boolean intermediarysEvent = target.type() == EventType.VISITED;
        if (intermediarysEvent != caller.intermediary()) {
            throw new ForbiddenException("an organisation corrects only the events it recorded; event "
                    + target.seq() + " (" + target.type() + ") is "
                    + (intermediarysEvent ? "the intermediary's" : "the holding party's"), RECORD, person.publicId());
        }
    }

    static boolean movesPerson(EventType type) {
        return type == EventType.INTERNED || type == EventType.TRANSFERRED || type == EventType.HOSPITALISED;
    }

    static Set<Role> readingRoles() {
        return EnumSet.complementOf(EnumSet.of(Role.ADMIN));
    }
}
