package org.parley.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code exchange_approval}. */
@Repository
class ApprovalRepository {

    private static final String SELECT = "select a.*, v.number, o.code from exchange_approval a "
            + "join exchange_release_version v on v.id = a.version_id join organisation o on o.id = a.organisation_id ";

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id the next approval will have: its audit entry, written first, names it. */
    long nextId() {
        return jdbc.sql("select nextval('exchange_approval_id_seq')").query(Long.class).single();
    }

    void insert(Approval a, long organisationId) {
        jdbc.sql("insert into exchange_approval (id, round_id, version_id, organisation_id, role, version_hash, "
                        + "approved_by, approved_at, signature, audit_seq) values (:id, :round, :version, :organisation, "
                        + ":role, :hash, :by, :at, :signature, :seq)")
                .param("id", a.id()).param("round", a.roundId()).param("version", a.versionId())
                .param("organisation", organisationId).param("role", a.role()).param("hash", a.versionHash())
                .param("by", a.approvedBy()).param("at", Timestamp.from(a.approvedAt()))
                .param("signature", a.signature()).param("seq", a.auditSeq()).update();
    }

    /** The approvals of a round, oldest first. */
    List<Approval> ofRound(long roundId) {
        return jdbc.sql(SELECT + "where a.round_id = :round order by a.id").param("round", roundId)
                .query(ApprovalRepository::map).list();
    }

    void forEach(Consumer<Approval> visitor) {
        jdbc.sql(SELECT + "order by a.id").query((ResultSet rs) -> {
            visitor.accept(map(rs, 0));
        });
    }

    private static Approval map(ResultSet rs, int row) throws SQLException {
        return new Approval(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("version_id"), rs.getInt("number"),
                rs.getString("code"), rs.getString("role"), rs.getBytes("version_hash"), rs.getString("approved_by"),
                RoundRepository.instant(rs, "approved_at"), rs.getBytes("signature"), rs.getLong("audit_seq"));
    }
}
