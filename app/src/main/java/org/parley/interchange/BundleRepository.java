package org.parley.interchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.registry.NotificationFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tables {@code bundle_sent}, {@code bundle_sent_person} and {@code bundle_received}. */
@Repository
class BundleRepository {

    /** The last bundle of a chain: its sequence number and hash. */
    record Link(int sequence, String hash) {
    }

    private final JdbcClient jdbc;

    BundleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the exports, or the imports, of one (sender, receiver) chain until the transaction ends. */
    void lockChain(String direction, String sender, String receiver) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "bundle:" + direction + ":" + sender
                + ">" + receiver).query((ResultSet rs) -> { });
    }

    Optional<Link> lastSent(String sender, String receiver) {
        return jdbc.sql("select sequence, hash from bundle_sent where sender = :s and receiver = :r "
                        + "order by sequence desc limit 1")
                .param("s", sender).param("r", receiver).query(this::link).optional();
    }

    Optional<Link> lastReceived(String sender, String receiver) {
        return jdbc.sql("select sequence, hash from bundle_received where sender = :s "
                        + "and receiver = :r order by sequence desc limit 1")
                .param("s", sender).param("r", receiver).query(this::link).optional();
    }

    Optional<BundleReceipt> received(String sender, String receiver, int sequence) {
        return jdbc.sql("select * from bundle_received where sender = :s and receiver = :r and sequence = :n")
                .param("s", sender).param("r", receiver).param("n", sequence).query(this::receipt).optional();
    }

    /** What was sent to the receiver of each person so far, by person id. */
    Map<Long, NotificationFeed.Sent> sentPersons(String sender, String receiver) {
        Map<Long, NotificationFeed.Sent> sent = new HashMap<>();
        jdbc.sql("select person_id, version, last_event_seq from bundle_sent_person where sender = :s and receiver = :r")
                .param("s", sender).param("r", receiver)
                .query((ResultSet rs) -> {
                    sent.put(rs.getLong(1), new NotificationFeed.Sent(rs.getInt(2), rs.getInt(3)));
                });
        return sent;
    }

    void insertSent(String sender, String receiver, int sequence, String hash, Instant createdAt, String createdBy,
            int persons, int events, long treeSize, List<NotificationFeed.NotifiedRecord> records) {
        jdbc.sql("insert into bundle_sent (sender, receiver, sequence, hash, created_at, created_by, persons, events, "
                        + "tree_size) values (:s, :r, :n, :hash, :at, :by, :persons, :events, :tree)")
                .param("s", sender).param("r", receiver).param("n", sequence).param("hash", hash)
                .param("at", Timestamp.from(createdAt)).param("by", createdBy).param("persons", persons)
                .param("events", events).param("tree", treeSize).update();
        if (records.isEmpty()) {
            return;
        }
        jdbc.sql("insert into bundle_sent_person (sender, receiver, person_id, version, last_event_seq) "
                        + "select :s, :r, u.id, u.version, u.seq from unnest(:ids, :versions, :seqs) as u(id, version, seq) "
                        + "on conflict (sender, receiver, person_id) do update set version = excluded.version, "
                        + "last_event_seq = excluded.last_event_seq")
                .param("s", sender).param("r", receiver)
                .param("ids", records.stream().map(NotificationFeed.NotifiedRecord::id).toArray(Long[]::new))
                .param("versions", records.stream().map(NotificationFeed.NotifiedRecord::version).toArray(Integer[]::new))
                .param("seqs", records.stream().map(NotificationFeed.NotifiedRecord::lastEventSeq)
                        .toArray(Integer[]::new))
                .update();
    }

    void insertReceived(BundleReceipt receipt) {
        jdbc.sql("insert into bundle_received (sender, receiver, sequence, hash, created_at, received_at, received_by, "
                        + "persons, created, updated, events, tree_size) values (:s, :r, :n, :hash, :created_at, "
                        + ":received_at, :by, :persons, :created, :updated, :events, :tree)")
                .param("s", receipt.sender()).param("r", receipt.receiver()).param("n", receipt.sequence())
                .param("hash", receipt.hash()).param("created_at", Timestamp.from(receipt.createdAt()))
                .param("received_at", Timestamp.from(receipt.receivedAt())).param("by", receipt.receivedBy())
                .param("persons", receipt.persons()).param("created", receipt.created())
                .param("updated", receipt.updated()).param("events", receipt.events()).param("tree", receipt.treeSize())
                .update();
    }

    /** The bundles the receiver accepted, newest first within each sender. */
    List<BundleReceipt> receivedBy(String receiver) {
        return jdbc.sql("select * from bundle_received where receiver = :r order by sender, sequence desc")
                .param("r", receiver).query(this::receipt).list();
    }

    private Link link(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getInt("sequence"), rs.getString("hash"));
    }

    private BundleReceipt receipt(ResultSet rs, int row) throws SQLException {
        return new BundleReceipt(rs.getString("sender"), rs.getString("receiver"), rs.getInt("sequence"),
                rs.getString("hash"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"), rs.getInt("persons"),
                rs.getInt("created"), rs.getInt("updated"), rs.getInt("events"), rs.getLong("tree_size"));
    }
}
