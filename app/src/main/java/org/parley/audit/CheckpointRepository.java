package org.parley.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code audit_checkpoint}. */
@Repository
class CheckpointRepository {

    private final JdbcClient jdbc;

    CheckpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a checkpoint unless one of that size exists (signed meanwhile by another instance). */
    void insert(Checkpoint checkpoint) {
        jdbc.sql("insert into audit_checkpoint (tree_size, root_hash, signed_at, signature) values (:size, :root, "
                        + ":at, :signature) on conflict (tree_size) do nothing")
                .param("size", checkpoint.treeSize()).param("root", checkpoint.rootHash())
                .param("at", Timestamp.from(checkpoint.signedAt())).param("signature", checkpoint.signature())
                .update();
    }

    Optional<Checkpoint> latest() {
        return jdbc.sql("select * from audit_checkpoint order by tree_size desc limit 1").query(this::map).optional();
    }

    Optional<Checkpoint> at(long size) {
        return jdbc.sql("select * from audit_checkpoint where tree_size = :size").param("size", size)
                .query(this::map).optional();
    }

    /** The earliest checkpoint whose tree holds the entry at {@code seq} (leaf index). */
    Optional<Checkpoint> earliestCovering(long seq) {
        return jdbc.sql("select * from audit_checkpoint where tree_size > :seq order by tree_size limit 1")
                .param("seq", seq).query(this::map).optional();
    }

    List<Checkpoint> all() {
        return jdbc.sql("select * from audit_checkpoint order by tree_size").query(this::map).list();
    }

    private Checkpoint map(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getLong("tree_size"), rs.getBytes("root_hash"),
                rs.getTimestamp("signed_at").toInstant(), rs.getBytes("signature"));
    }
}
