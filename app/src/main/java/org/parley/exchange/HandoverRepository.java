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

/**
 * SQL for the handover: tables {@code exchange_handover_entry}, {@code exchange_completion_request} and
 * {@code exchange_report}.
 */
@Repository
class HandoverRepository {

    private final JdbcClient jdbc;

    HandoverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the entries; answers them with their ids, in the same order. */
    List<HandoverEntry> insert(long roundId, List<HandoverEntry> entries, String by, Instant at) {
        List<Long> ids = jdbc.sql("insert into exchange_handover_entry (round_id, person_id, outcome, note, "
                        + "recorded_by, recorded_at) select :round, u.person, u.outcome, u.note, :by, :at "
                        + "from unnest(:persons, :outcomes, :notes) with ordinality as u(person, outcome, note, n) "
                        + "order by u.n returning id")
                .param("round", roundId).param("by", by).param("at", Timestamp.from(at))
                .param("persons", entries.stream().map(HandoverEntry::personId).toArray(Long[]::new))
                .param("outcomes", entries.stream().map(e -> e.outcome().name()).toArray(String[]::new))
                .param("notes", entries.stream().map(HandoverEntry::note).toArray(String[]::new))
                .query(Long.class).list();
        List<Long> sorted = ids.stream().sorted().toList();
        return java.util.stream.IntStream.range(0, entries.size()).mapToObj(i -> {
            HandoverEntry e = entries.get(i);
            return new HandoverEntry(sorted.get(i), roundId, e.personId(), e.outcome(), e.note(), by, at);
        }).toList();
    }

    /** The latest entry of each person of a round. */
    List<HandoverEntry> latest(long roundId) {
        return jdbc.sql("select distinct on (person_id) * from exchange_handover_entry where round_id = :round "
                        + "order by person_id, id desc")
                .param("round", roundId).query(HandoverRepository::map).list();
    }

    /** Every entry of a round, oldest first (the corrections' history). */
    List<HandoverEntry> all(long roundId) {
        return jdbc.sql("select * from exchange_handover_entry where round_id = :round order by id")
                .param("round", roundId).query(HandoverRepository::map).list();
    }

    void forEach(Consumer<HandoverEntry> visitor) {
        jdbc.sql("select * from exchange_handover_entry order by id").query((ResultSet rs) -> {
            visitor.accept(map(rs, 0));
        });
    }

    /** Records a party's request to complete; false if it had already asked. */
    boolean requestCompletion(long roundId, long organisationId, String by, Instant at) {
        return jdbc.sql("insert into exchange_completion_request (round_id, organisation_id, requested_by, "
                        + "requested_at) values (:round, :organisation, :by, :at) on conflict do nothing")
                .param("round", roundId).param("organisation", organisationId).param("by", by)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** The organisations (codes) that asked to complete a round's handover. */
    List<String> completionRequests(long roundId) {
        return jdbc.sql("select o.code from exchange_completion_request c join organisation o "
                        + "on o.id = c.organisation_id where c.round_id = :round order by c.requested_at")
                .param("round", roundId).query(String.class).list();
    }

    /** Every completion request as {round id, organisation code, requested by, requested at}, for the audit log. */
    void forEachCompletionRequest(Consumer<String[]> visitor) {
        jdbc.sql("select c.round_id, o.code, c.requested_by, c.requested_at from exchange_completion_request c "
                + "join organisation o on o.id = c.organisation_id order by c.round_id, o.code").query((ResultSet rs) -> {
                    visitor.accept(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            RoundRepository.instant(rs, "requested_at").toString()});
                });
    }

    void insertReport(long roundId, String report, Instant at) {
        jdbc.sql("insert into exchange_report (round_id, report, created_at) values (:round, cast(:report as json), "
                        + ":at)")
                .param("round", roundId).param("report", report).param("at", Timestamp.from(at)).update();
    }

    Optional<String> report(long roundId) {
        return jdbc.sql("select report from exchange_report where round_id = :round").param("round", roundId)
                .query(String.class).optional();
    }

    /** Every stored report by round id, for the audit log. */
    void forEachReport(java.util.function.BiConsumer<Long, String> visitor) {
        jdbc.sql("select round_id, report from exchange_report order by round_id").query((ResultSet rs) -> {
            visitor.accept(rs.getLong(1), rs.getString(2));
        });
    }

    private static HandoverEntry map(ResultSet rs, int row) throws SQLException {
        return new HandoverEntry(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("person_id"),
                HandoverOutcome.valueOf(rs.getString("outcome")), rs.getString("note"), rs.getString("recorded_by"),
                RoundRepository.instant(rs, "recorded_at"));
    }
}
