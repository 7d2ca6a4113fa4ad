package org.parley.wishes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.parley.api.Caller;
import org.parley.database.StreamingQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements table. Which statements' details a caller may read is part of the query
 * ({@link #readableBy}), as for person records.
 */
@Repository
class StatementRepository {

    private static final String SELECT = "select id, person_id, wish, method, organisation_code, by_intermediary, "
            + "taken_by, taken_on, place, language, interpreter, text, verified, replaces, recorded_at "
            + "from wish_statement s ";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StatementRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Every statement, streamed (inside a transaction), for the audit verifier. */
    void forEach(Consumer<Statement> visitor) {
        StreamingQuery.forEach(dataSource, SELECT + "order by id", rs -> visitor.accept(map(rs, 0)));
    }

    long insert(long personId, StatementInput input, Caller caller, boolean verified) {
        return jdbc.sql("""
                insert into wish_statement (person_id, wish, method, organisation_code, by_intermediary, taken_by,
                    taken_on, place, language, interpreter, text, verified, replaces)
                values (:person, :wish, :method, :organisation, :intermediary, :takenBy, :takenOn, :place, :language,
                    :interpreter, :text, :verified, :replaces)
                returning id""")
                .param("person", personId).param("wish", input.wish().name()).param("method", input.method().name())
                .param("organisation", caller.organisation()).param("intermediary", caller.intermediary())
                .param("takenBy", caller.username()).param("takenOn", input.takenOn()).param("place", input.place())
                .param("language", input.language()).param("interpreter", input.interpreter())
                .param("text", input.text()).param("verified", verified).param("replaces", input.replaces())
                .query(Long.class).single();
    }

    Statement find(long id) {
        return jdbc.sql(SELECT + "where id = :id").param("id", id).query(StatementRepository::map).single();
    }

    /** All statements of a person, for the derivation (never answered as such to a caller). */
    List<Statement> ofPerson(long personId) {
        return jdbc.sql(SELECT + "where person_id = :person order by taken_on, id").param("person", personId)
                .query(StatementRepository::map).list();
    }

    /** The statements of a person whose details the caller may read. */
    List<Statement> readable(long personId, Caller caller) {
        return jdbc.sql(SELECT + "where person_id = :person and " + readableBy(caller) + " order by taken_on, id")
                .param("person", personId).param("organisation", caller.organisation())
                .query(StatementRepository::map).list();
    }

    /** The intermediary reads every statement; anyone else only those their own organisation took. */
    private static String readableBy(Caller caller) {
        return caller.intermediary() ? "true" : "s.organisation_code = :organisation";
    }

    /**
     * Persons whose stored wish needs an interview ({@link DerivedWish#needsInterview}): the candidates of the
     * interview queue.
     */
    List<Long> personsToInterview() {
        return jdbc.sql("select person_id from wish_status where status = 'UNVERIFIED_CLAIM' or contradicted")
                .query(Long.class).list();
    }

    /**
     * Persons interviewed in private by the intermediary in each week (Monday) from {@code first} to {@code last},
     * the latest first: every week of the range, 0 for a week without interviews.
     */
    List<WeekCount> interviewsPerWeek(LocalDate first, LocalDate last) {
        return jdbc.sql("""
                select w.week::date, count(distinct s.person_id) as persons
                from generate_series(:first::timestamp, :last::timestamp, interval '1 week') as w(week)
                left join wish_statement s on s.verified and s.taken_on >= w.week::date
                    and s.taken_on < w.week::date + 7
                group by w.week order by w.week desc""")
                .param("first", first).param("last", last)
                .query((rs, i) -> new WeekCount(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
    }

    /** Whether the statement exists for this person and was taken by this organisation. */
    boolean replaceable(long statementId, long personId, String organisation) {
        return jdbc.sql("select count(*) from wish_statement where id = :id and person_id = :person "
                        + "and organisation_code = :organisation")
                .param("id", statementId).param("person", personId).param("organisation", organisation)
                .query(Long.class).single() > 0;
    }

    boolean replaced(long statementId) {
        return jdbc.sql("select count(*) from wish_statement where replaces = :id").param("id", statementId)
                .query(Long.class).single() > 0;
    }

    /**
     * Takes the lock on a person's stored wish status (making the row if there is none yet) for the rest of the
     * transaction: two statements about one person recorded at once then derive the status one after the other,
     * the second seeing the first's statement.
     */
    void lockStatus(long personId) {
        jdbc.sql("insert into wish_status (person_id, status) values (:person, 'UNKNOWN') on conflict do nothing")
                .param("person", personId).update();
        jdbc.sql("select status from wish_status where person_id = :person for update").param("person", personId)
                .query(String.class).single();
    }

    /** Stores a person's derived wish, in the row {@link #lockStatus} made and locked. */
    void storeWish(long personId, DerivedWish wish) {
        jdbc.sql("""
                update wish_status set status = :status, verified_on = :verifiedOn, contradicted = :contradicted,
                    oldest_claim_on = :oldestClaimOn
                where person_id = :person""")
                .param("status", wish.status().name()).param("verifiedOn", wish.verifiedOn())
                .param("contradicted", wish.contradicted()).param("oldestClaimOn", wish.oldestClaimOn())
                .param("person", personId).update();
    }

    /**
     * The stored derived wish of those of these persons who have one (those without have said nothing:
     * {@link DerivedWish#UNKNOWN}).
     */
    Map<Long, DerivedWish> storedWishes(Collection<Long> personIds) {
        Map<Long, DerivedWish> wishes = new HashMap<>();
        jdbc.sql("select person_id, status, verified_on, contradicted, oldest_claim_on from wish_status "
                        + "where person_id = any(:persons)")
                .param("persons", personIds.stream().mapToLong(Long::longValue).toArray())
                .query((ResultSet rs) -> {
                    wishes.put(rs.getLong(1), new DerivedWish(WishStatus.valueOf(rs.getString(2)),
                            rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getObject(5, LocalDate.class)));
                });
        return wishes;
    }

    /** The columns {@link #map} reads, for queries of other classes (the migrations of derived wishes). */
    static String select() {
        return SELECT;
    }

    static Statement map(ResultSet rs, int row) throws SQLException {
        Object interpreter = rs.getObject("interpreter");
        Object replaces = rs.getObject("replaces");
        return new Statement(rs.getLong("id"), rs.getLong("person_id"), Wish.valueOf(rs.getString("wish")),
                StatementMethod.valueOf(rs.getString("method")), rs.getString("organisation_code"),
                rs.getBoolean("by_intermediary"), rs.getString("taken_by"), rs.getObject("taken_on", LocalDate.class),
                rs.getString("place"), rs.getString("language"), (Boolean) interpreter, rs.getString("text"),
                rs.getBoolean("verified"), replaces == null ? null : ((Number) replaces).longValue(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}
