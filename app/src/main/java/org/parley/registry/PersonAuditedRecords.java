package org.parley.registry;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJsonBytes;
import org.parley.database.BinaryCopyQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Persons' states for the audit verifier (see {@link PersonStates} for what a state holds): the hash of each
 * person's state as stored now, recomputed from its row and last event, and the hash of every earlier state kept
 * in {@code person_state}, computed by PostgreSQL. The persons are split into parts by their place in the table
 * (block ranges), one part per processor (up to four), so that the recomputation runs on every core.
 */
@Component
class PersonAuditedRecords implements AuditedRecords {

    private static final int MAX_PARTS = 4;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final int parts;

    PersonAuditedRecords(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        // at most four: with the verifier's other connections that stays within the default pool of ten
        this.parts = Math.max(1, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public String recordType() {
        return PersonStates.RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        List<StateScan> scans = new ArrayList<>();
        scans.add(StateScan.large(Kind.RECORDED, visitor -> BinaryCopyQuery.forEach(dataSource,
                "select person_id, version, sha256(convert_to(state, 'UTF8')) from person_state",
                row -> visitor.state(row.int8(0), row.int4(1), row.bytes(2)))));
        for (int part = 0; part < parts; part++) {
            int index = part;
            scans.add(StateScan.large(Kind.CURRENT, visitor -> current(index, visitor)));
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
        Map<Long, byte[]> partyCodes = new HashMap<>();
        jdbc.sql("select id, code from organisation").query((ResultSet rs) -> {
            partyCodes.put(rs.getLong(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
        });
        CanonicalJsonBytes out = new CanonicalJsonBytes();
        BinaryCopyQuery.forEach(dataSource, PersonStates.CURRENT_STATES + range, row ->
                visitor.state(row.int8(0), row.int4(1), PersonStates.stateHash(row, partyCodes, out)));
    }
}
