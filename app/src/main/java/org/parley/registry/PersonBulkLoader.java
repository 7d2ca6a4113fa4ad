package org.parley.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.parley.audit.AuditLog;
import org.parley.database.CsvCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads many persons with their histories through PostgreSQL COPY, in the caller's transaction. Each history
 * is replayed through the {@link Lifecycle} rules first, so a bulk load can never store what the API refuses.
 */
@Component
class PersonBulkLoader {

    private static final List<PersonField> FACTS = List.of(PersonField.values());

    /** Persons read back per query when their states are computed. */
    private static final int BATCH = 5_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PersonRepository persons;
    private final EventRepository events;
    private final PersonStates states;

    PersonBulkLoader(DataSource dataSource, JdbcClient jdbc, PersonRepository persons, EventRepository events,
            PersonStates states) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.persons = persons;
        this.events = events;
        this.states = states;
    }

    /** Loads the persons; answers their ids. */
    List<Long> load(List<NewPerson> newPersons, Map<String, Long> partyIds) {
        if (newPersons.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('person', 'id')) from generate_series(1, :n)")
                .param("n", newPersons.size()).query(Long.class).list();
        String personColumns = FACTS.stream().map(PersonField::column).collect(Collectors.joining(", "));
        // COPY in batches: the rows of a million persons would not fit in one string
        for (int from = 0; from < newPersons.size(); from += BATCH) {
            StringBuilder personRows = new StringBuilder();
            StringBuilder eventRows = new StringBuilder();
            StringBuilder keyRows = new StringBuilder();
            StringBuilder blockingKeyRows = new StringBuilder();
            for (int i = from; i < Math.min(newPersons.size(), from + BATCH); i++) {
                NewPerson person = newPersons.get(i);
                Lifecycle.State state = replay(i, person);
                appendPerson(personRows, ids.get(i), person.facts(), state, partyIds);
                for (String key : NameKeyRepository.keys(person.facts())) {
                    row(keyRows, ids.get(i), key);
                }
                Long holder = partyIds.get((String) person.facts().get(PersonField.HOLDING_PARTY));
                for (long key : BlockingKeys.of(person.facts())) {
                    row(blockingKeyRows, ids.get(i), holder, key);
                }
                int seq = 1;
                for (EventInput event : person.events()) {
                    row(eventRows, ids.get(i), seq++, event.type(), event.occurredOn(), event.place(), event.note());
                }
            }
            copy("copy person (id, " + personColumns + ", fact_sources, status, notified_on, "
                    + "custody_ended_on, name_script, search_key) from stdin (format csv)", personRows);
            copy("copy person_event (person_id, seq, type, occurred_on, place, note) from stdin (format csv)",
                    eventRows);
            copy("copy person_name_key (person_id, key) from stdin (format csv)", keyRows);
            copy("copy person_blocking_key (person_id, holding_party_id, key) from stdin (format csv)",
                    blockingKeyRows);
        }
        return ids;
    }

    /** Refreshes the planner's statistics after a load, which can change the tables' sizes by orders of magnitude. */
    void analyze() {
        jdbc.sql("analyze person, person_event, person_name_key, person_blocking_key").update();
    }

    /** The state of each new person, read back as stored, as the changes for the audit log. */
    List<AuditLog.Change> states(List<Long> ids) {
        List<AuditLog.Change> changes = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            changes.addAll(states.changes(AuditActions.BULK_LOAD, persons.find(batch), events.latest(batch)));
        }
        return changes;
    }

    private static Lifecycle.State replay(int index, NewPerson person) {
        Lifecycle.State state;
        try {
            state = Lifecycle.replayInputs(person.events());
        } catch (InvalidTransitionException e) {
            throw new IllegalArgumentException("person " + (index + 1) + ": " + e.getMessage(), e);
        }
        if (state.status() == null) {
            throw new IllegalArgumentException("person " + (index + 1) + " has no history");
        }
        return state;
    }

    private void appendPerson(StringBuilder rows, long id, PersonInput facts, Lifecycle.State state,
            Map<String, Long> partyIds) {
        List<Object> values = new ArrayList<>();
        values.add(id);
        for (PersonField field : FACTS) {
            Object value = facts.get(field);
            values.add(switch (field.kind().name()) {
                case "party" -> value == null ? null : partyIds.get((String) value);
                case "boolean" -> Boolean.TRUE.equals(value);
                default -> value;
            });
        }
        values.add(PersonRepository.writeSources(facts));
        values.add(state.status().name());
        values.add(state.notifiedOn());
        values.add(state.custodyEndedOn());
        values.add(PersonRepository.nameScript(facts).iso15924());
        values.add(PersonRepository.searchKey(facts));
        row(rows, values.toArray());
    }

    private void copy(String sql, StringBuilder rows) {
        CsvCopy.copy(dataSource, sql, rows);
    }

    private static void row(StringBuilder rows, Object... values) {
        CsvCopy.row(rows, values);
    }
}
