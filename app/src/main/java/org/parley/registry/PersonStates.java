package org.parley.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's state after each change, as the audit log hashes it, kept in table {@code person_state}. The state
 * is the canonical JSON (RFC 8785) of the record as stored — id, version, every fact (null where unknown) with
 * its sources, status, notification date — and of the lifecycle event that change appended ({@code event}: id,
 * seq, type, occurredOn, place, note, supersedes, changes), since every change of a person appends exactly one
 * event. Keeping the text of every version lets the verifier recompute each entry's state hash, and recomputing
 * the latest version from the stored row and its last event shows a record changed without an entry.
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

    /** Stores the person's new state and returns it as the change for the audit log. */
    AuditLog.Change record(String action, Person person, LifecycleEvent event) {
        String state = canonical(person, event);
        jdbc.sql("insert into person_state (person_id, version, state) values (:id, :version, :state)")
                .param("id", person.id()).param("version", person.version()).param("state", state).update();
        return new AuditLog.Change(action, RECORD_TYPE, String.valueOf(person.id()), person.version(), state);
    }

    /** The states of many new persons: the changes for the audit log, and the rows for a COPY into person_state. */
    List<AuditLog.Change> states(String action, List<Person> persons, Map<Long, LifecycleEvent> latestEvents,
            List<Object[]> rows) {
        List<AuditLog.Change> changes = new ArrayList<>(persons.size());
        for (Person person : persons) {
            String state = canonical(person, latestEvents.get(person.id()));
            rows.add(new Object[] {person.id(), person.version(), state});
            changes.add(new AuditLog.Change(action, RECORD_TYPE, String.valueOf(person.id()), person.version(),
                    state));
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
        String sources = CanonicalJson.write(PersonJson.writeFacts(person.facts()).get(PersonJson.SOURCES));
        return PersonStateJson.write(person.id(), person.version(), facts, sources, person.status().name(),
                text(person.notifiedOn()), new PersonStateJson.Event(event.id(), event.seq(), event.type().name(),
                        text(event.occurredOn()), event.place(), event.note(), event.supersedes(),
                        event.changes() == null ? null : CanonicalJson.write(json.valueToTree(event.changes()))));
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
     * The state of a person as stored now, from a row of {@code person} (with {@code holding_code} and
     * {@code origin_code}) and its last event (columns {@code e_id}, {@code e_seq}, … {@code e_changes}).
     */
    String canonical(ResultSet rs, Columns columns) throws SQLException {
        Object[] facts = new Object[PersonField.values().length];
        for (PersonField field : PersonField.values()) {
            int column = columns.facts[field.ordinal()];
            facts[field.ordinal()] = switch (field.kind().name()) {
                case "boolean" -> rs.getBoolean(column);
                case "date" -> text(rs.getObject(column, LocalDate.class));
                default -> rs.getString(column);
            };
        }
        int[] e = columns.event;
        String changes = rs.getString(e[7]);
        return PersonStateJson.write(rs.getLong(columns.id), rs.getInt(columns.version), facts,
                sources(rs.getString(columns.sources)), rs.getString(columns.status),
                text(rs.getObject(columns.notifiedOn, LocalDate.class)),
                new PersonStateJson.Event(rs.getLong(e[0]), rs.getInt(e[1]), rs.getString(e[2]),
                        text(rs.getObject(e[3], LocalDate.class)), rs.getString(e[4]), rs.getString(e[5]),
                        (Long) rs.getObject(e[6]), changes == null ? null : CanonicalJson.write(json.readTree(changes))));
    }

    /** Stored sources as {@link PersonJson#writeFacts} writes them: absent confidence and voluntary left out. */
    private String sources(String stored) {
        if (stored.equals("{}")) {
            return stored;
        }
        JsonNode tree = json.readTree(stored);
        ObjectNode sources = JsonNodeFactory.instance.objectNode();
        tree.properties().forEach(fact -> {
            ObjectNode kept = sources.putObject(fact.getKey());
            fact.getValue().properties().stream().filter(member -> !member.getValue().isNull())
                    .forEach(member -> kept.set(member.getKey(), member.getValue()));
        });
        return CanonicalJson.write(sources);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
