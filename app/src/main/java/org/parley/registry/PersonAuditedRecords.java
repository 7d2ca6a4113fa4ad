package org.parley.registry;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.parley.api.AuditedRecords;
import org.parley.database.StreamingQuery;
import org.springframework.stereotype.Component;

/**
 * Persons' recorded states for the audit verifier (see {@link PersonStates} for what a state holds): every
 * recorded state's hash, and every person whose row and last event, written as a state again, are no longer the
 * text of the state recorded for its version.
 */
@Component
class PersonAuditedRecords implements AuditedRecords {

    /** Each person's columns that make its state, its last event, and its recorded state of the same version. */
    private static final String CURRENT = "select p.id, p.version, "
            + Arrays.stream(PersonField.values()).filter(f -> !f.kind().name().equals("party"))
                    .map(f -> "p." + f.column()).collect(Collectors.joining(", "))
            + ", p.fact_sources, p.status, p.notified_on, h.code as holding_code, o.code as origin_code, "
            + "e.id as e_id, e.seq as e_seq, e.type as e_type, e.occurred_on as e_occurred_on, e.place as e_place, "
            + "e.note as e_note, e.supersedes as e_supersedes, e.changes as e_changes, s.state as recorded "
            + "from person p join organisation h on h.id = p.holding_party_id "
            + "left join organisation o on o.id = p.power_of_origin_id "
            + "left join (select distinct on (person_id) * from person_event order by person_id, seq desc) e "
            + "on e.person_id = p.id "
            + "left join person_state s on s.person_id = p.id and s.version = p.version";

    private final DataSource dataSource;
    private final PersonStates states;

    PersonAuditedRecords(DataSource dataSource, PersonStates states) {
        this.dataSource = dataSource;
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
        PersonStates.Columns[] columns = new PersonStates.Columns[1];
        StreamingQuery.forEach(dataSource, CURRENT, (ResultSet rs) -> {
            if (columns[0] == null) {
                columns[0] = new PersonStates.Columns(rs);
            }
            String id = rs.getString("id");
            int version = rs.getInt("version");
            String recorded = rs.getString("recorded");
            if (recorded == null) {
                visitor.changed(id, version, "person " + id + " is at version " + version
                        + ", which has no recorded state");
            } else if (rs.getObject("e_id") == null || !recorded.equals(states.canonical(rs, columns[0]))) {
                visitor.changed(id, version, "person " + id + " as stored differs from its recorded state of version "
                        + version + ": changed without an audit entry");
            }
        });
    }
}
