package org.parley.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.api.CanonicalJson;
import org.parley.api.CanonicalJsonBytes;
import org.parley.audit.AuditLog;
import org.parley.database.BinaryCopyQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's state after each change, as the audit log hashes it. The state is the canonical JSON (RFC 8785) of the
 * record as stored — id, version, every fact (null where unknown) with its sources, status, notification date — and
 * of the lifecycle event that change appended ({@code event}: id, seq, type, occurredOn, place, note, supersedes,
 * changes), since every change of a person appends exactly one event. A person's latest state is its row and last
 * event; table {@code person_state} keeps the text of every earlier version, written when a change replaces it. So
 * the verifier hashes each version once: earlier ones from their kept text, the latest recomputed from the row,
 * which shows a record changed without an entry.
 */
@Component
class PersonStates {

    static final String RECORD_TYPE = RecordAccess.RECORD;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PersonStates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The person's new state (after a change that appended {@code event}) as the change for the audit log. */
    AuditLog.Change change(String action, Person person, LifecycleEvent event) {
        return new AuditLog.Change(action, RECORD_TYPE, String.valueOf(person.id()), person.version(),
                canonical(person, event));
    }

    /**
     * Keeps the state a change is about to replace — the person as stored before it, with its last event — as the
     * recorded state of that version. Called in the change's transaction, before the change.
     */
    void keepReplaced(Person before, LifecycleEvent lastEvent) {
        jdbc.sql("insert into person_state (person_id, version, state) values (:id, :version, :state)")
                .param("id", before.id()).param("version", before.version())
                .param("state", canonical(before, lastEvent)).update();
    }

    /** {@link #keepReplaced} for many persons at once. */
    void keepAllReplaced(List<Person> before, Map<Long, LifecycleEvent> lastEvents) {
        jdbc.sql("insert into person_state (person_id, version, state) select * from unnest(:ids, :versions, :states)")
                .param("ids", before.stream().map(Person::id).toArray(Long[]::new))
                .param("versions", before.stream().map(Person::version).toArray(Integer[]::new))
                .param("states", before.stream().map(p -> canonical(p, lastEvents.get(p.id()))).toArray(String[]::new))
                .update();
    }

    /** The states of many new persons: the changes for the audit log. */
    List<AuditLog.Change> changes(String action, List<Person> persons, Map<Long, LifecycleEvent> latestEvents) {
        List<AuditLog.Change> changes = new ArrayList<>(persons.size());
        for (Person person : persons) {
            changes.add(change(action, person, latestEvents.get(person.id())));
        }
        return changes;
    }

    String canonical(Person person, LifecycleEvent event) {
        Object[] facts = new Object[PersonField.values().length];
        for (PersonField field : PersonField.values()) {
            Object value = person.get(field);
            facts[field.ordinal()] = field.kind().name().equals("boolean") ? (Object) Boolean.TRUE.equals(value)
                    : value == null ? null : value.toString();
        }
        return PersonStateJson.write(new CanonicalJsonBytes(), person.id(), person.version(), facts,
                PersonRepository.writeSources(person.facts().sources()), person.status().name(), person.notifiedOn(),
                new PersonStateJson.Event(event.id(), event.seq(), event.type().name(), event.occurredOn(),
                        event.place(), event.note(), event.supersedes(),
                        event.changes() == null ? null : CanonicalJson.write(json.valueToTree(event.changes()))), null)
                .toString();
    }

    private static final PersonField[] FIELDS = PersonField.values();
    /** Which facts are booleans, dates and parties (the others are text), by ordinal: looked up once. */
    private static final boolean[] BOOLEAN_FACTS = new boolean[FIELDS.length];
    private static final boolean[] DATE_FACTS = new boolean[FIELDS.length];
    private static final boolean[] PARTY_FACTS = new boolean[FIELDS.length];

    static {
        for (PersonField field : FIELDS) {
            PARTY_FACTS[field.ordinal()] = field.kind().name().equals("party");
            BOOLEAN_FACTS[field.ordinal()] = field.kind().name().equals("boolean");
            DATE_FACTS[field.ordinal()] = field.kind().name().equals("date");
        }
    }

    /** The event members a state holds, as columns of the current-state query (prefixed {@code e_}). */
    private static final String[] EVENT_COLUMNS = {"id", "seq", "type", "occurred_on", "place", "note", "supersedes",
        "changes"};

    /**
     * Each person's state as stored now: its row (with its parties' ids, which {@link #stateHash} turns into their
     * codes) and its last event, the columns in the order {@link #stateHash} reads them. Filtered by the caller
     * ({@code where …} on {@code p}).
     */
    static final String CURRENT_STATES = "select p.id, p.version, "
            + Arrays.stream(PersonField.values()).map(f -> switch (f) {
                default -> "p." + f.column();
            }).collect(Collectors.joining(", "))
            + ", p.fact_sources, p.status, p.notified_on, "
            + Arrays.stream(EVENT_COLUMNS).map(c -> "e." + c).collect(Collectors.joining(", "))
            + " from person p left join lateral (select * from person_event e where e.person_id = p.id order by e.seq desc limit 1) e "
            + "on true ";

    /**
     * The SHA-256 of the state of a person as stored now, from a row of {@link #CURRENT_STATES}. Text columns are
     * written from their UTF-8 bytes as they arrive: no decoding, no parsing.
     *
     * @param partyCodes every organisation's code (UTF-8) by id
     */
    static byte[] stateHash(BinaryCopyQuery.Row row, Map<Long, byte[]> partyCodes, CanonicalJsonBytes out) {
        Object[] facts = new Object[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            int column = 2 + i;
            facts[i] = BOOLEAN_FACTS[i] ? (row.isNull(column) ? null : (Object) row.bool(column))
                    : DATE_FACTS[i] ? row.date(column)
                    : PARTY_FACTS[i] ? (row.isNull(column) ? null : partyCodes.get(row.int8(column)))
                    : PersonStateJson.Column.of(column);
        }
        int sources = 2 + FIELDS.length;
        int e = sources + 3;
        // a person whose events were removed has no last event: its state has none, and matches no entry
        PersonStateJson.Event event = row.isNull(e) ? null : new PersonStateJson.Event(row.int8(e), row.int4(e + 1),
                PersonStateJson.Column.of(e + 2), row.date(e + 3), PersonStateJson.Column.of(e + 4),
                PersonStateJson.Column.of(e + 5), row.isNull(e + 6) ? null : row.int8(e + 6),
                PersonStateJson.Column.of(e + 7));
        return PersonStateJson.write(out, row.int8(0), row.int4(1), facts, PersonStateJson.Column.of(sources),
                PersonStateJson.Column.of(sources + 1), row.date(sources + 2), event, row).sha256();
    }
}
