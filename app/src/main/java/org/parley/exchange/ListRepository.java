package org.parley.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.parley.database.CsvCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the tables of list versions: {@code exchange_list_version}, {@code _entry}, {@code _removal}. */
@Repository
class ListRepository {

    private static final String SELECT = "select v.*, o.code as party_code from exchange_list_version v "
            + "join organisation o on o.id = v.party_id ";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ListRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The number of the latest version of a list, 0 when none was submitted. */
    int latestNumber(long roundId, long partyId, ListKind kind) {
        return jdbc.sql("select coalesce(max(number), 0) from exchange_list_version where round_id = :round and "
                        + "party_id = :party and kind = :kind")
                .param("round", roundId).param("party", partyId).param("kind", kind.code()).query(Integer.class)
                .single();
    }

    long insertVersion(long roundId, long partyId, ListKind kind, int number, String createdBy, Instant at,
            List<ListEntry> entries, List<Removal> removals) {
        long id = jdbc.sql("insert into exchange_list_version (round_id, party_id, kind, number, created_by, "
                        + "created_at, entry_count, removal_count) values (:round, :party, :kind, :number, :by, :at, "
                        + ":entries, :removals) returning id")
                .param("round", roundId).param("party", partyId).param("kind", kind.code()).param("number", number)
                .param("by", createdBy).param("at", Timestamp.from(at)).param("entries", entries.size())
                .param("removals", removals.size()).query(Long.class).single();
        StringBuilder rows = new StringBuilder();
        int position = 0;
        for (ListEntry e : entries) {
            CsvCopy.row(rows, id, position++, e.ref(), e.personId(), e.surname(), e.givenName(), e.patronymic(),
                    e.fullName(), e.dateOfBirth(), e.serviceNumber(), e.unit(), e.rank(), e.note(), e.contentHash());
        }
        if (!entries.isEmpty()) {
            CsvCopy.copy(dataSource, "copy exchange_list_entry (version_id, position, ref, person_id, surname, "
                    + "given_name, patronymic, full_name, date_of_birth, service_number, unit, rank, note, "
                    + "content_hash) from stdin (format csv)", rows);
        }
        for (Removal r : removals) {
            jdbc.sql("insert into exchange_list_removal (version_id, ref, reason, note) values (:v, :ref, :reason, "
                            + ":note)")
                    .param("v", id).param("ref", r.ref()).param("reason", r.reason().name()).param("note", r.note())
                    .update();
        }
        return id;
    }

    List<ListVersion> versions(long roundId, long partyId, ListKind kind) {
        return jdbc.sql(SELECT + "where v.round_id = :round and v.party_id = :party and v.kind = :kind "
                        + "order by v.number")
                .param("round", roundId).param("party", partyId).param("kind", kind.code())
                .query(ListRepository::mapVersion).list();
    }

    /** Every version of a round, oldest first. */
    List<ListVersion> versions(long roundId) {
        return jdbc.sql(SELECT + "where v.round_id = :round order by v.created_at, v.id").param("round", roundId)
                .query(ListRepository::mapVersion).list();
    }

    Optional<ListVersion> version(long roundId, long partyId, ListKind kind, int number) {
        return jdbc.sql(SELECT + "where v.round_id = :round and v.party_id = :party and v.kind = :kind "
                        + "and v.number = :number")
                .param("round", roundId).param("party", partyId).param("kind", kind.code()).param("number", number)
                .query(ListRepository::mapVersion).optional();
    }

    /** The latest version of any of a round's lists, for whose move it is. */
    Optional<ListVersion> latestOfRound(long roundId) {
        return jdbc.sql(SELECT + "where v.round_id = :round order by v.created_at desc, v.id desc limit 1")
                .param("round", roundId).query(ListRepository::mapVersion).optional();
    }

    /** The latest version of each of these rounds that has one. */
    Map<Long, ListVersion> latestOfRounds(List<Long> roundIds) {
        Map<Long, ListVersion> latest = new HashMap<>();
        jdbc.sql("select distinct on (v.round_id) v.*, o.code as party_code from exchange_list_version v "
                        + "join organisation o on o.id = v.party_id where v.round_id = any(:rounds) "
                        + "order by v.round_id, v.created_at desc, v.id desc")
                .param("rounds", roundIds.stream().mapToLong(Long::longValue).toArray())
                .query(ListRepository::mapVersion).list().forEach(v -> latest.put(v.roundId(), v));
        return latest;
    }

    List<ListEntry> entries(long versionId) {
        return jdbc.sql("select * from exchange_list_entry where version_id = :v order by position")
                .param("v", versionId).query(ListRepository::mapEntry).list();
    }

    /** A slice of a version's entries, in the list's order. */
    List<ListEntry> entries(long versionId, int offset, int limit) {
        return jdbc.sql("select * from exchange_list_entry where version_id = :v and position >= :from "
                        + "order by position limit :limit")
                .param("v", versionId).param("from", offset).param("limit", limit)
                .query(ListRepository::mapEntry).list();
    }

    /** One entry of a version, by its ref. */
    Optional<ListEntry> entry(long versionId, String ref) {
        return jdbc.sql("select * from exchange_list_entry where version_id = :v and ref = :ref")
                .param("v", versionId).param("ref", ref).query(ListRepository::mapEntry).optional();
    }

    List<Removal> removals(long versionId) {
        return jdbc.sql("select * from exchange_list_removal where version_id = :v order by ref")
                .param("v", versionId).query((rs, row) -> new Removal(rs.getString("ref"),
                        RemovalReason.valueOf(rs.getString("reason")), rs.getString("note"))).list();
    }

    /** Every version, oldest first (for the audit verifier). */
    void forEachVersion(Consumer<ListVersion> visitor) {
        jdbc.sql(SELECT + "order by v.id").query((ResultSet rs) -> {
            visitor.accept(mapVersion(rs, 0));
        });
    }

    private static ListVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new ListVersion(rs.getLong("id"), rs.getLong("round_id"), rs.getString("party_code"),
                ListKind.ofCode(rs.getString("kind")), rs.getInt("number"), rs.getString("created_by"),
                RoundRepository.instant(rs, "created_at"), rs.getInt("entry_count"), rs.getInt("removal_count"));
    }

    private static ListEntry mapEntry(ResultSet rs, int row) throws SQLException {
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        return new ListEntry(rs.getString("ref"), personId, rs.getString("surname"),
                rs.getString("given_name"), rs.getString("patronymic"), rs.getString("full_name"),
                rs.getString("date_of_birth"), rs.getString("service_number"), rs.getString("unit"),
                rs.getString("rank"), rs.getString("note"), rs.getBytes("content_hash"));
    }
}
