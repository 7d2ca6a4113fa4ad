package org.parley.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * the caller may see and the filter selects are counted ({@link PersonFigures#condition}). And "left off the list"
 * of the open rounds: the persons in custody left off the latest requests and offers of the rounds still negotiated,
 * by the rule of the left-off pages ({@link LeftOffRepository}).
 */
@Component
public class ExchangeFigures {

    /** The rounds counted, in words of the SQL, for the definition. */
    public static final String ROUNDS_SQL = "r.agreed_version is not null and :organisation in (r.first_party_id, "
            + "r.second_party_id, r.intermediary_id)";
    /** A person transferred in round r, in words of the SQL. */
    public static final String TRANSFERRED_SQL = "(select h.outcome from exchange_handover_entry h where h.round_id = "
            + "r.id and h.person_id = p.id order by h.id desc limit 1) = 'TRANSFERRED'";

    /** The open rounds counted by "left off", in words of the SQL, for the definition. */
    public static final String OPEN_ROUNDS_SQL = "r.state = 'NEGOTIATING' and :organisation in (r.first_party_id, "
            + "r.second_party_id, r.intermediary_id)";
    /** Why a person left off no earlier version named: the breakdown's reason for them. */
    public static final String NEVER_LISTED = "NEVER_LISTED";

    /** One list of an open round: its round (public id, title), party, kind, persons left off and why. */
    public record ListCounts(String roundId, String title, String party, String kind, long persons,
            Map<String, Long> byReason) {
    }

    /** "Left off" of the open rounds: distinct persons, per list, and distinct persons per reason. */
    public record LeftOffCounts(long persons, List<ListCounts> lists, Map<String, Long> byReason) {
    }

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

    /**
     * The persons left off the latest lists of the caller's open rounds (each once), the persons of each list by
     * removal reason ({@link #NEVER_LISTED} for those no earlier version named), and the distinct persons per reason.
     */
    public LeftOffCounts leftOff(Caller caller, PersonFilter filter) {
        Map<String, Object> params = new HashMap<>();
        List<OpenList> lists = openLists(caller);
        String sql = leftOffSets(caller, filter, lists, params);
        if (sql == null) {
            return new LeftOffCounts(0, List.of(), Map.of());
        }
        Map<Integer, Map<String, Long>> perList = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        long[] persons = {0};
        jdbc.sql(sql + "select 0 as part, list, coalesce(reason, '" + NEVER_LISTED + "') as reason, count(*) as n "
                        + "from left_off group by list, reason "
                        + "union all select 1, null, coalesce(reason, '" + NEVER_LISTED + "'), "
                        + "count(distinct person_id) from left_off group by reason "
                        + "union all select 2, null, null, count(distinct person_id) from left_off")
                .params(params).query(rs -> {
                    switch (rs.getInt("part")) {
                        case 0 -> perList.computeIfAbsent(rs.getInt("list"), l -> new TreeMap<>())
                                .put(rs.getString("reason"), rs.getLong("n"));
                        case 1 -> byReason.merge(rs.getString("reason"), rs.getLong("n"), Long::sum);
                        default -> persons[0] = rs.getLong("n");
                    }
                });
        List<ListCounts> counts = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            OpenList l = lists.get(i);
            Map<String, Long> reasons = perList.getOrDefault(i, Map.of());
            counts.add(new ListCounts(l.roundId(), l.title(), l.party(), l.kind().code(),
                    reasons.values().stream().mapToLong(Long::longValue).sum(), new LinkedHashMap<>(reasons)));
        }
        return new LeftOffCounts(persons[0], counts, new LinkedHashMap<>(byReason));
    }

    /** The persons {@link #leftOff} counts, by id, from {@code offset}; all of them when limit < 0. */
    public List<Long> leftOffIds(Caller caller, PersonFilter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String sql = leftOffSets(caller, filter, openLists(caller), params);
        if (sql == null) {
            return List.of();
        }
        return jdbc.sql(sql + "select distinct person_id from left_off order by person_id"
                + (limit < 0 ? "" : " limit " + limit) + " offset " + offset).params(params).query(Long.class).list();
    }

    /** How many persons {@link #leftOffIds} gives. */
    public long leftOffCount(Caller caller, PersonFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql = leftOffSets(caller, filter, openLists(caller), params);
        return sql == null ? 0 : jdbc.sql(sql + "select count(distinct person_id) from left_off").params(params)
                .query(Long.class).single();
    }

    /** A list of an open round: the round (internal and public id, title), the party and the other, the kind. */
    private record OpenList(long round, String roundId, String title, long partyId, String party, long otherId,
            ListKind kind) {
    }

    /** The lists of the caller's open rounds that have a version, by round and party. */
    private List<OpenList> openLists(Caller caller) {
        return jdbc.sql("select r.id, r.title, l.party_id, o.code, case when l.party_id = r.first_party_id "
                        + "then r.second_party_id else r.first_party_id end as other_id, l.kind from exchange_round r "
                        + "join (select distinct round_id, party_id, kind from exchange_list_version) l "
                        + "on l.round_id = r.id join organisation o on o.id = l.party_id where "
                        + OPEN_ROUNDS_SQL.replace(":organisation", "(select id from organisation where code = :me)")
                        + " order by r.id, o.code, l.kind desc")
                .param("me", caller.organisation())
                .query((rs, n) -> new OpenList(rs.getLong("id"), publicIds.of(PublicIds.Kind.EXCHANGE,
                        rs.getLong("id")), rs.getString("title"), rs.getLong("party_id"), rs.getString("code"),
                        rs.getLong("other_id"), ListKind.ofCode(rs.getString("kind")))).list();
    }

    /**
     * {@code with left_off as (…)}: one row {@code (list, person_id, reason)} per person left off each list (the
     * list's index in {@code lists}), the persons the caller may see and the filter selects; null without lists.
     */
    private String leftOffSets(Caller caller, PersonFilter filter, List<OpenList> lists, Map<String, Object> params) {
        if (lists.isEmpty()) {
            return null;
        }
        Map<String, Object> visibleParams = new HashMap<>();
        String visible = persons.condition(caller, filter, visibleParams);
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            OpenList l = lists.get(i);
            LeftOffRepository.Scope scope = l.kind() == ListKind.REQUEST
                    ? new LeftOffRepository.Scope(l.round(), l.partyId(), l.kind(), l.otherId(), l.partyId(),
                            visible, visibleParams)
                    : new LeftOffRepository.Scope(l.round(), l.partyId(), l.kind(), l.partyId(), l.otherId(),
                            visible, visibleParams);
            sets.add("select " + i + " as list, s.person_id, s.reason from "
                    + LeftOffRepository.leftOffSet(scope, "list" + i + "_", params) + " s");
        }
        return "with left_off as materialized (" + String.join(" union all ", sets) + ") ";
    }
}
