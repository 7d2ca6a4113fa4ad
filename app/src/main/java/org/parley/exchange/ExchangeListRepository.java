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

/** SQL for the exchange list: tables {@code exchange_release_version} and {@code exchange_release_item}. */
@Repository
class ExchangeListRepository {

    /** A released person as the item table repeats it (internal keys). */
    record ReleasedPerson(long sideId, long personId, int position, boolean countedInBalance) {
    }

    private final JdbcClient jdbc;

    ExchangeListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int latestNumber(long roundId) {
        return jdbc.sql("select coalesce(max(number), 0) from exchange_release_version where round_id = :round")
                .param("round", roundId).query(Integer.class).single();
    }

    long insert(long roundId, int number, String createdBy, Instant createdAt, String document, byte[] hash,
            List<ReleasedPerson> items) {
        long id = jdbc.sql("insert into exchange_release_version (round_id, number, created_by, created_at, "
                        + "document, document_hash) values (:round, :number, :by, :at, cast(:document as json), :hash) "
                        + "returning id")
                .param("round", roundId).param("number", number).param("by", createdBy)
                .param("at", Timestamp.from(createdAt)).param("document", document).param("hash", hash)
                .query(Long.class).single();
        // one statement over arrays: tens of thousands of rows one by one cost seconds of round trips
        jdbc.sql("insert into exchange_release_item (version_id, side_id, person_id, position, counted_in_balance) "
                        + "select :version, u.side, u.person, u.position, u.counted "
                        + "from unnest(:sides, :persons, :positions, :counted) as u(side, person, position, counted)")
                .param("version", id)
                .param("sides", items.stream().map(ReleasedPerson::sideId).toArray(Long[]::new))
                .param("persons", items.stream().map(ReleasedPerson::personId).toArray(Long[]::new))
                .param("positions", items.stream().map(ReleasedPerson::position).toArray(Integer[]::new))
                .param("counted", items.stream().map(ReleasedPerson::countedInBalance).toArray(Boolean[]::new))
                .update();
        return id;
    }

    Optional<ExchangeListVersion> version(long roundId, int number) {
        return jdbc.sql("select * from exchange_release_version where round_id = :round and number = :number")
                .param("round", roundId).param("number", number).query(ExchangeListRepository::map).optional();
    }

    /** Number, author and time of every version of a round, without documents, oldest first. */
    List<ExchangeListVersion> headers(long roundId) {
        return jdbc.sql("select id, round_id, number, created_by, created_at, null as document, document_hash "
                        + "from exchange_release_version where round_id = :round order by number")
                .param("round", roundId).query(ExchangeListRepository::map).list();
    }

    List<ReleasedPerson> items(long versionId) {
        return jdbc.sql("select side_id, person_id, position, counted_in_balance from exchange_release_item "
                        + "where version_id = :version order by side_id, position")
                .param("version", versionId)
                .query((rs, row) -> new ReleasedPerson(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
                .list();
    }

    void forEachVersion(Consumer<ExchangeListVersion> visitor) {
        jdbc.sql("select * from exchange_release_version order by id").query((ResultSet rs) -> {
            visitor.accept(map(rs, 0));
        });
    }

    private static ExchangeListVersion map(ResultSet rs, int row) throws SQLException {
        return new ExchangeListVersion(rs.getLong("id"), rs.getLong("round_id"), rs.getInt("number"),
                rs.getString("created_by"), RoundRepository.instant(rs, "created_at"), rs.getString("document"),
                rs.getBytes("document_hash"));
    }
}
