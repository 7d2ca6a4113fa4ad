package org.parley.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.api.CanonicalJson;
import org.parley.api.CanonicalJsonBytes;
import org.parley.audit.AuditLog;
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
                PersonRepository.writeSources(person.facts()), person.status().name(), text(person.notifiedOn()),
                new PersonStateJson.Event(event.id(), event.seq(), event.type().name(), text(event.occurredOn()),
                        event.place(), event.note(), event.supersedes(),
                        event.changes() == null ? null : CanonicalJson.write(json.valueToTree(event.changes()))))
                .toString();
    }

    /** The positions of a state's columns in a result (looked up once: by name they cost a map lookup each). */
    static final class Columns {
        private final int[] facts = new int[PersonField.values().length];
        private final int id;
        private final int version;
        private final int sources;
        private final int status;
        private final int notifiedOn;
        private final int[] event = new int[8];

        Columns(ResultSet rs) throws SQLException {
            for (PersonField field : PersonField.values()) {
                facts[field.ordinal()] = rs.findColumn(switch (field) {
                    case HOLDING_PARTY -> "holding_code";
                    case POWER_OF_ORIGIN -> "origin_code";
                    default -> field.column();
                });
            }
            id = rs.findColumn("id");
            version = rs.findColumn("version");
            sources = rs.findColumn("fact_sources");
            status = rs.findColumn("status");
            notifiedOn = rs.findColumn("notified_on");
            String[] eventColumns = {"id", "seq", "type", "occurred_on", "place", "note", "supersedes", "changes"};
            for (int i = 0; i < eventColumns.length; i++) {
                event[i] = rs.findColumn("e_" + eventColumns[i]);
            }
        }
    }

    /**
     * The SHA-256 of the state of a person as stored now, from a row of {@code person} (with {@code holding_code}
     * and {@code origin_code}) and its last event (columns {@code e_id}, {@code e_seq}, … {@code e_changes}).
     * Text columns are read as their UTF-8 bytes and written as they are: no decoding, no parsing.
     */
    static byte[] stateHash(ResultSet rs, Columns columns, CanonicalJsonBytes out)
            throws SQLException {
        Object[] facts = new Object[PersonField.values().length];
        for (PersonField field : PersonField.values()) {
            int column = columns.facts[field.ordinal()];
            facts[field.ordinal()] = switch (field.kind().name()) {
                case "boolean" -> rs.getBoolean(column);
                case "date" -> text(rs.getObject(column, LocalDate.class));
                default -> rs.getBytes(column);
            };
        }
        int[] e = columns.event;
        // a person whose events were removed has no last event: its state has none, and matches no entry
        PersonStateJson.Event event = rs.getObject(e[0]) == null ? null : new PersonStateJson.Event(rs.getLong(e[0]), rs.getInt(e[1]), rs.getBytes(e[2]),
                text(rs.getObject(e[3], LocalDate.class)), rs.getBytes(e[4]), rs.getBytes(e[5]),
                (Long) rs.getObject(e[6]), rs.getBytes(e[7]));
        return PersonStateJson.write(out, rs.getLong(columns.id), rs.getInt(columns.version), facts,
                rs.getBytes(columns.sources), rs.getBytes(columns.status),
                text(rs.getObject(columns.notifiedOn, LocalDate.class)), event).sha256();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
