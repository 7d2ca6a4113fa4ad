package org.parley.registry;

import java.sql.ResultSet;
import javax.sql.DataSource;
import org.parley.api.AuditedRecords;
import org.parley.database.StreamingQuery;
import org.springframework.stereotype.Component;

/** Persons' stored states for the audit verifier (see {@link PersonStates} for what a state holds). */
@Component
class PersonAuditedRecords implements AuditedRecords {

    private static final String EVENT_COLUMNS = "e.id as e_id, e.seq as e_seq, e.type as e_type, "
            + "e.occurred_on as e_occurred_on, e.place as e_place, e.note as e_note, e.supersedes as e_supersedes, "
            + "e.changes as e_changes, e.recorded_at as e_recorded_at, false as e_superseded";

    private final DataSource dataSource;
    private final PersonRepository persons;
    private final EventRepository events;
    private final PersonStates states;

    PersonAuditedRecords(DataSource dataSource, PersonRepository persons, EventRepository events,
            PersonStates states) {
        this.dataSource = dataSource;
        this.persons = persons;
        this.events = events;
        this.states = states;
    }

    @Override
    public String recordType() {
        return PersonStates.RECORD_TYPE;
    }

    @Override
    public void forEachState(StateVisitor visitor) {
        StreamingQuery.forEach(dataSource, "select person_id, version, sha256(convert_to(state, 'UTF8')) "
                + "from person_state", (ResultSet rs) -> visitor.state(rs.getString(1), rs.getInt(2), rs.getBytes(3)));
    }

    @Override
    public void forEachChangedRecord(ChangeVisitor visitor) {
        String sql = PersonRepository.SELECT.replace("select p.*,", "select p.*, " + EVENT_COLUMNS
                + ", s.state as latest_state,")
                + "left join lateral (select * from person_event x where x.person_id = p.id order by x.seq desc "
                + "limit 1) e on true left join person_state s on s.person_id = p.id and s.version = p.version";
        StreamingQuery.forEach(dataSource, sql, (ResultSet rs) -> {
            Person person = persons.map(rs, 0);
            String latest = rs.getString("latest_state");
            String id = String.valueOf(person.id());
            if (latest == null) {
                visitor.changed(id, person.version(), "person " + id + " is at version " + person.version()
                        + ", which has no recorded state");
            } else if (rs.getObject("e_id") == null
                    || !states.canonical(person, events.map(rs, "e_")).equals(latest)) {
                visitor.changed(id, person.version(), "person " + id + " as stored differs from its recorded "
                        + "state of version " + person.version() + ": changed without an audit entry");
            }
        });
    }
}
