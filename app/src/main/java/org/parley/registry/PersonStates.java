package org.parley.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
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
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("id", person.id());
        state.put("version", person.version());
        state.setAll(PersonJson.writeFacts(person.facts()));
        state.put("status", person.status().name());
        state.put("notifiedOn", person.notifiedOn() == null ? null : person.notifiedOn().toString());
        ObjectNode last = state.putObject("event");
        last.put("id", event.id());
        last.put("seq", event.seq());
        last.put("type", event.type().name());
        last.put("occurredOn", event.occurredOn() == null ? null : event.occurredOn().toString());
        last.put("place", event.place());
        last.put("note", event.note());
        last.put("supersedes", event.supersedes());
        last.set("changes", event.changes() == null ? null : json.valueToTree(event.changes()));
        return CanonicalJson.write(state);
    }
}
