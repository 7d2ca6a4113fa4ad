package org.parley.audit;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.parley.database.DeferredIndexes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** SQL for the tables {@code audit_entry}, {@code audit_node} and {@code audit_head}. */
@Repository
class AuditRepository {

    /** A complete subtree hash, level 1 and up. */
    record Node(int level, long index, byte[] hash) {
    }

    /** Above this many rows, an append writes with COPY instead of INSERT. */
    private static final int COPY_THRESHOLD = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    AuditRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The tree's right edge, locked until the transaction ends. */
    TreeFrontier lockHead() {
        return jdbc.sql("select size, frontier from audit_head where id = 1 for update")
                .query((rs, row) -> TreeFrontier.unpack(rs.getLong("size"), rs.getBytes("frontier"))).single();
    }

    /** Drops the entries' secondary indexes for a bulk load (see {@link AuditLog#startBulk}). */
    DeferredIndexes deferIndexes() {
        return DeferredIndexes.drop(jdbc, List.of("audit_entry"));
    }

    /** The committed tree size (no lock). */
    long size() {
        return jdbc.sql("select size from audit_head where id = 1").query(Long.class).single();
    }

    /** The committed size and right edge, read without lock. */
    boolean hasEntry(String recordType, Collection<String> actions) {
        return jdbc.sql("select exists (select 1 from audit_entry where record_type = :type and action = any(:actions))")
                .param("type", recordType).param("actions", actions.toArray(String[]::new)).query(Boolean.class)
                .single();
    }

    /** The entry at this sequence number, if the log has one. */
    Optional<AuditEntry> entry(long seq) {
        return jdbc.sql("select " + AuditEntries.COLUMNS + " from audit_entry where seq = :seq").param("seq", seq)
                .query(AuditEntries::map).optional().map(AuditEntries.Listed::entry);
    }

    /** The latest entry about a record, if the log has one (index {@code audit_entry_record_idx}). */
    Optional<AuditEntry> latest(String recordType, String recordId) {
        return jdbc.sql("select " + AuditEntries.COLUMNS + " from audit_entry where record_type = :type "
                        + "and record_id = :id order by seq desc limit 1")
                .param("type", recordType).param("id", recordId)
                .query(AuditEntries::map).optional().map(AuditEntries.Listed::entry);
    }

    /** The head row as stored, not yet read as a frontier: the verifier compares it even when it cannot be read. */
    record StoredHead(long size, byte[] frontier) {
    }

    StoredHead storedHead() {
        return jdbc.sql("select size, frontier from audit_head where id = 1")
                .query((rs, row) -> new StoredHead(rs.getLong("size"), rs.getBytes("frontier"))).single();
    }

    Map<String, Integer> versionsAt(String recordType, Collection<String> recordIds, long treeSize) {
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("select distinct on (record_id) record_id, record_version from audit_entry where record_type = :type "
                        + "and record_id = any(:ids) and seq < :size order by record_id, seq desc")
                .param("type", recordType).param("ids", recordIds.toArray(String[]::new)).param("size", treeSize)
                .query(rs -> {
                    versions.put(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2));
                });
        return versions;
    }

    TreeFrontier head() {
        return jdbc.sql("select size, frontier from audit_head where id = 1")
                .query((rs, row) -> TreeFrontier.unpack(rs.getLong("size"), rs.getBytes("frontier"))).single();
    }

    void analyze() {
        jdbc.sql("analyze audit_entry, audit_node").update();
    }

    void updateHead(TreeFrontier frontier) {
        jdbc.sql("update audit_head set size = :size, frontier = :frontier where id = 1")
                .param("size", frontier.size()).param("frontier", frontier.packed()).update();
    }

    void insert(List<AuditEntry> entries, List<byte[]> leaves, List<Node> nodes) {
        if (entries.size() + nodes.size() > COPY_THRESHOLD) {
            copy(entries, leaves, nodes);
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            jdbc.sql("insert into audit_entry (seq, at, actor, organisation_code, action, record_type, record_id, "
                            + "record_version, state_hash, leaf_hash) values (:seq, :at, :actor, :organisation, "
                            + ":action, :type, :id, :version, :state, :leaf)")
                    .param("seq", e.seq()).param("at", Timestamp.from(e.at())).param("actor", e.actor())
                    .param("organisation", e.organisation()).param("action", e.action())
                    .param("type", e.recordType()).param("id", e.recordId()).param("version", e.recordVersion())
                    .param("state", e.stateHash()).param("leaf", leaves.get(i))
                    .update();
        }
        for (Node node : nodes) {
            jdbc.sql("insert into audit_node (level, idx, hash) values (:level, :index, :hash)")
                    .param("level", node.level()).param("index", node.index()).param("hash", node.hash()).update();
        }
    }

    private void copy(List<AuditEntry> entries, List<byte[]> leaves, List<Node> nodes) {
        StringBuilder rows = new StringBuilder(entries.size() * 200);
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            csv(rows, e.seq(), e.at(), e.actor(), e.organisation(), e.action(), e.recordType(), e.recordId(),
                    e.recordVersion(), bytea(e.stateHash()), bytea(leaves.get(i)));
        }
        copy("copy audit_entry (seq, at, actor, organisation_code, action, record_type, record_id, record_version, "
                + "state_hash, leaf_hash) from stdin (format csv)", rows);
        StringBuilder nodeRows = new StringBuilder(nodes.size() * 90);
        nodes.forEach(node -> csv(nodeRows, node.level(), node.index(), bytea(node.hash())));
        copy("copy audit_node (level, idx, hash) from stdin (format csv)", nodeRows);
    }

    private static String bytea(byte[] bytes) {
        return "\\x" + HEX.formatHex(bytes);
    }

    /** One CSV row for COPY: null is an empty unquoted field, everything else is quoted. */
    private static void csv(StringBuilder rows, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append(',');
            }
            if (values[i] != null) {
                rows.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
            }
        }
        rows.append('\n');
    }

    private void copy(String sql, StringBuilder rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("audit append failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Exports the current transaction's snapshot, for another transaction to read the same data. */
    String exportSnapshot() {
        return jdbc.sql("select pg_export_snapshot()").query(String.class).single();
    }

    /**
     * No parallel workers for the rest of the current transaction: the verifier already keeps every core busy with
     * its own connections, and workers would only add their coordination (about 1.3 s of CPU at a million entries).
     */
    void withoutParallelWorkers() {
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
    }

    /** Makes the current (repeatable read) transaction see an exported snapshot; its first statement. */
    void useSnapshot(String snapshot) {
        if (!snapshot.matches("[0-9A-F-]+")) {
            throw new IllegalArgumentException("not a snapshot id: " + snapshot);
        }
        jdbc.sql("set transaction snapshot '" + snapshot + "'").update();
    }

    /** The stored hashes of these nodes (level 0: leaf hashes of entries). */
    Map<NodeSource.Key, byte[]> nodes(Set<NodeSource.Key> keys) {
        Map<NodeSource.Key, byte[]> found = new HashMap<>();
        List<Long> leaves = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        for (NodeSource.Key key : keys) {
            if (key.level() == 0) {
                leaves.add(key.index());
            } else {
                levels.add(key.level());
                indexes.add(key.index());
            }
        }
        if (!leaves.isEmpty()) {
            jdbc.sql("select seq, leaf_hash from audit_entry where seq = any(:seqs)")
                    .param("seqs", leaves.toArray(Long[]::new))
                    .query((ResultSet rs) -> {
                        found.put(new NodeSource.Key(0, rs.getLong(1)), rs.getBytes(2));
                    });
        }
        if (!levels.isEmpty()) {
            jdbc.sql("select n.level, n.idx, n.hash from audit_node n join unnest(:levels, :indexes) as k (level, idx) "
                            + "on n.level = k.level and n.idx = k.idx")
                    .param("levels", levels.toArray(Integer[]::new)).param("indexes", indexes.toArray(Long[]::new))
                    .query((ResultSet rs) -> {
                        found.put(new NodeSource.Key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                    });
        }
        return found;
    }
}
