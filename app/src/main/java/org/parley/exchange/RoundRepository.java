package org.parley.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code exchange_round}. */
@Repository
class RoundRepository {

    private static final String SELECT = "select r.*, f.code as first_code, s.code as second_code, "
            + "i.code as intermediary_code from exchange_round r join organisation f on f.id = r.first_party_id "
            + "join organisation s on s.id = r.second_party_id left join organisation i on i.id = r.intermediary_id ";

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String title, long firstPartyId, long secondPartyId, Long intermediaryId, String createdBy,
            Instant at) {
        return jdbc.sql("insert into exchange_round (title, first_party_id, second_party_id, intermediary_id, state, "
                        + "created_by, created_at) values (:title, :first, :second, :intermediary, 'NEGOTIATING', "
                        + ":by, :at) returning id")
                .param("title", title).param("first", firstPartyId).param("second", secondPartyId)
                .param("intermediary", intermediaryId).param("by", createdBy).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<Round> find(long id) {
        return jdbc.sql(SELECT + "where r.id = :id").param("id", id).query(RoundRepository::map).optional();
    }

    /** The round, its row locked until the transaction ends: changes to one round's lists take turns. */
    Optional<Round> findForUpdate(long id) {
        return jdbc.sql(SELECT + "where r.id = :id for update of r").param("id", id).query(RoundRepository::map)
                .optional();
    }

    /** The rounds an organisation takes part in, newest first. */
    List<Round> ofOrganisation(String code, int page, int size) {
        return jdbc.sql(SELECT + "where " + TAKES_PART + " order by r.id desc limit :limit offset :offset")
                .param("code", code).param("limit", size).param("offset", (long) page * size)
                .query(RoundRepository::map).list();
    }

    long countOfOrganisation(String code) {
        return jdbc.sql("select count(*) from exchange_round r where " + TAKES_PART).param("code", code)
                .query(Long.class).single();
    }

    private static final String TAKES_PART = "(select id from organisation where code = :code) in "
            + "(r.first_party_id, r.second_party_id, r.intermediary_id)";

    void abandon(long id, String by, String reason, Instant at) {
        jdbc.sql("update exchange_round set state = 'ABANDONED', version = version + 1, abandoned_by = :by, "
                        + "abandoned_at = :at, abandon_reason = :reason where id = :id")
                .param("by", by).param("at", Timestamp.from(at)).param("reason", reason).param("id", id).update();
    }

    void agree(long id, int agreedVersion, Instant at) {
        jdbc.sql("update exchange_round set state = 'AGREED', version = version + 1, agreed_version = :agreed, "
                        + "agreed_at = :at where id = :id")
                .param("agreed", agreedVersion).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void execute(long id, Instant at) {
        jdbc.sql("update exchange_round set state = 'EXECUTED', version = version + 1, executed_at = :at "
                        + "where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void forEach(Consumer<Round> visitor) {
        jdbc.sql(SELECT + "order by r.id").query((ResultSet rs) -> {
            visitor.accept(map(rs, 0));
        });
    }

    private static Round map(ResultSet rs, int row) throws SQLException {
        return new Round(rs.getLong("id"), rs.getInt("version"), rs.getString("title"), rs.getString("first_code"),
                rs.getString("second_code"), rs.getString("intermediary_code"),
                RoundState.valueOf(rs.getString("state")), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getString("abandoned_by"), instant(rs, "abandoned_at"),
                rs.getString("abandon_reason"), (Integer) rs.getObject("agreed_version"), instant(rs, "agreed_at"),
                instant(rs, "executed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
