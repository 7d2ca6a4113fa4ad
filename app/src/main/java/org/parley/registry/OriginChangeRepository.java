package org.parley.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code origin_change}. */
@Repository
class OriginChangeRepository {

    private static final String SELECT = "select c.*, f.code as from_code, t.code as to_code from origin_change c "
            + "left join organisation f on f.id = c.from_origin_id left join organisation t on t.id = c.to_origin_id ";

    private final JdbcClient jdbc;

    OriginChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long personId, Long fromId, Long toId, String reason, String requestedBy) {
        return jdbc.sql("insert into origin_change (person_id, from_origin_id, to_origin_id, reason, requested_by) "
                        + "values (:person, :from, :to, :reason, :by) returning id")
                .param("person", personId).param("from", fromId).param("to", toId).param("reason", reason)
                .param("by", requestedBy).query(Long.class).single();
    }

    /** Records the decision on a request; the caller holds its person's row lock and has seen it open. */
    void decide(long id, OriginChange.Decision decision, String decidedBy, String note) {
        jdbc.sql("update origin_change set decision = :decision, decided_by = :by, decision_note = :note, "
                        + "decided_at = now() where id = :id")
                .param("decision", decision.name()).param("by", decidedBy).param("note", note).param("id", id)
                .update();
    }

    Optional<OriginChange> find(long id) {
        return jdbc.sql(SELECT + "where c.id = :id").param("id", id).query(this::map).optional();
    }

    boolean hasOpen(long personId) {
        return jdbc.sql("select exists (select 1 from origin_change where person_id = :person and decision is null)")
                .param("person", personId).query(Boolean.class).single();
    }

    List<OriginChange> ofPerson(long personId) {
        return jdbc.sql(SELECT + "where c.person_id = :person order by c.id").param("person", personId)
                .query(this::map).list();
    }

    void forEach(Consumer<OriginChange> visitor) {
        jdbc.sql(SELECT + "order by c.id").query((ResultSet rs) -> {
            visitor.accept(map(rs, 0));
        });
    }

    private OriginChange map(ResultSet rs, int row) throws SQLException {
        String decision = rs.getString("decision");
        return new OriginChange(rs.getLong("id"), rs.getLong("person_id"), rs.getString("from_code"),
                rs.getString("to_code"), rs.getString("reason"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                decision == null ? null : OriginChange.Decision.valueOf(decision), rs.getString("decided_by"),
                rs.getString("decision_note"),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant());
    }
}
