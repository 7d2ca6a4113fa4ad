package org.parley.exchange;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.registry.PersonFigures;
import org.parley.registry.PersonFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchanges' figures, for the {@code reports} feature: per agreed round the caller's organisation takes part in
 * (as a party or its intermediary), how many persons the agreed exchange list releases and how many were
 * transferred at the handover (the latest handover entry of the person in the round is TRANSFERRED); only persons
 * the caller may see and the filter selects are counted ({@link PersonFigures#condition}).
 */
@Component
public class ExchangeFigures {

    /** The rounds counted, in words of the SQL, for the definition. */
    public static final String ROUNDS_SQL = "r.agreed_version is not null and :organisation in (r.first_party_id, "
            + "r.second_party_id, r.intermediary_id)";
    /** A person transferred in round r, in words of the SQL. */
    public static final String TRANSFERRED_SQL = "(select h.outcome from exchange_handover_entry h where h.round_id = "
            + "r.id and h.person_id = p.id order by h.id desc limit 1) = 'TRANSFERRED'";

    /** One round: its public id, title, when it was agreed, persons agreed and transferred. */
    public record RoundCounts(String roundId, String title, Instant agreedAt, long agreed, long transferred) {
    }

    private final JdbcClient jdbc;
    private final PersonFigures persons;
    private final PublicIds publicIds;

    ExchangeFigures(JdbcClient jdbc, PersonFigures persons, PublicIds publicIds) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.publicIds = publicIds;
    }

    /** The caller's agreed rounds, oldest agreement first. */
    public List<RoundCounts> rounds(Caller caller, PersonFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = persons.condition(caller, filter, params);
        params.put("me", caller.organisation());
        return jdbc.sql("select r.id, r.title, r.agreed_at, count(p.id) as agreed, count(p.id) filter (where "
                        + TRANSFERRED_SQL + ") as transferred from exchange_round r "
                        + "join exchange_release_version v on v.round_id = r.id and v.number = r.agreed_version "
                        + "left join exchange_release_item i on i.version_id = v.id "
                        + "left join person p on p.id = i.person_id and " + where
                        + " where " + rounds() + " group by r.id, r.title, r.agreed_at order by r.agreed_at, r.id")
                .params(params)
                .query((rs, n) -> new RoundCounts(publicIds.of(PublicIds.Kind.EXCHANGE, rs.getLong("id")),
                        rs.getString("title"), rs.getTimestamp("agreed_at").toInstant(), rs.getLong("agreed"),
                        rs.getLong("transferred"))).list();
    }

    /** The persons transferred in any of the caller's rounds (each once), by id; all of them when limit < 0. */
    public List<Long> transferredIds(Caller caller, PersonFilter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = persons.condition(caller, filter, params);
        params.put("me", caller.organisation());
        return jdbc.sql("select p.id from person p where " + where + " and " + transferred() + " order by p.id"
                        + (limit < 0 ? "" : " limit " + limit) + " offset " + offset)
                .params(params).query(Long.class).list();
    }

    /** How many persons {@link #transferredIds} gives. */
    public long transferredCount(Caller caller, PersonFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = persons.condition(caller, filter, params);
        params.put("me", caller.organisation());
        return jdbc.sql("select count(*) from person p where " + where + " and " + transferred())
                .params(params).query(Long.class).single();
    }

    /** The persons transferred in the caller's rounds, read from the few handover entries (not per person). */
    private static String transferred() {
        return "p.id in (select h.person_id from exchange_handover_entry h join exchange_round r on r.id = h.round_id "
                + "where " + rounds() + " and h.outcome = 'TRANSFERRED' and h.id = (select max(l.id) from "
                + "exchange_handover_entry l where l.round_id = h.round_id and l.person_id = h.person_id))";
    }

    private static String rounds() {
        return ROUNDS_SQL.replace(":organisation", "(select id from organisation where code = :me)");
    }
}
