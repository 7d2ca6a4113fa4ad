package org.parley.registry;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJsonBytes;
import org.parley.database.StreamingQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Persons' states for the audit verifier (see {@link PersonStates} for what a state holds): the hash of each
 * person's state as stored now, recomputed from its row and last event, and the hash of every earlier state kept
 * in {@code person_state}, computed by PostgreSQL. The persons are split into parts by their place in the table
 * (block ranges), one part per processor, so that the recomputation runs on every core.
 */
@Component
class PersonAuditedRecords implements AuditedRecords {

    /** Each person's columns that make its state, and its last event. */
    private static final String CURRENT = "select p.id, p.version, "
            + Arrays.stream(PersonField.values()).filter(f -> !f.kind().name().equals("party"))
                    .map(f -> "p." + f.column()).collect(Collectors.joining(", "))
            + ", p.fact_sources, p.status, p.notified_on, h.code as holding_code, o.code as origin_code, "
            + "e.id as e_id, e.seq as e_seq, e.type as e_type, e.occurred_on as e_occurred_on, e.place as e_place, "
            + "e.note as e_note, e.supersedes as e_supersedes, e.changes as e_changes "
            + "from person p join organisation h on h.id = p.holding_party_id "
            + "left join organisation o on o.id = p.power_of_origin_id "
            + "left join lateral (select * from person_event e where e.person_id = p.id order by e.seq desc limit 1) e "
            + "on true ";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final int parts;

    PersonAuditedRecords(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.parts = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String recordType() {
        return PersonStates.RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        List<StateScan> scans = new ArrayList<>();
        scans.add(new StateScan(Kind.RECORDED, visitor -> StreamingQuery.forEach(dataSource,
                "select person_id, version, sha256(convert_to(state, 'UTF8')) from person_state",
                (ResultSet rs) -> visitor.state(rs.getString(1), rs.getInt(2), rs.getBytes(3)))));
        for (int part = 0; part < parts; part++) {
            int index = part;
            scans.add(new StateScan(Kind.CURRENT, visitor -> current(index, visitor)));
        }
        return scans;
    }

    /**
     * The persons of one part of the table: blocks from {@code part/parts} of its size to the next part's first
     * block (the last part to its end). The size is read after the verifier's snapshot was taken, so every row
     * that snapshot sees lies in a block it covers.
     */
    private void current(int part, StateVisitor visitor) {
        long blocks = jdbc.sql("select pg_relation_size('person') / current_setting('block_size')::bigint")
                .query(Long.class).single();
        long from = blocks * part / parts;
        String range = "where p.ctid >= '(" + from + ",0)'::tid"
                + (part == parts - 1 ? "" : " and p.ctid < '(" + blocks * (part + 1) / parts + ",0)'::tid");
        CanonicalJsonBytes out = new CanonicalJsonBytes();
        PersonStates.Columns[] columns = new PersonStates.Columns[1];
        StreamingQuery.forEach(dataSource, CURRENT + range, (ResultSet rs) -> {
            if (columns[0] == null) {
                columns[0] = new PersonStates.Columns(rs);
            }
            visitor.state(rs.getString(1), rs.getInt(2),
                    PersonStates.stateHash(rs, columns[0], out));
        });
    }
}
