package org.parley.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        List<OpenList> lists = openLists(caller);
        if (lists.isEmpty()) {
            return new LeftOffCounts(0, List.of(), Map.of());
        }
        Map<String, Object> params = new HashMap<>();
        String with = lists(lists, params, true);
        String where = persons.condition(caller, filter, params);
        List<List<Integer>> populations = new ArrayList<>(populations(lists));
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < populations.size(); g++) {
            List<Integer> population = populations.get(g);
            String in = LeftOffRepository.populationOf(scope(lists.get(population.get(0))), prefix(population.get(0)),
                    params) + " and " + where;
            List<String> columns = new ArrayList<>();
            List<String> named = new ArrayList<>();
            StringBuilder joins = new StringBuilder();
            for (int i = 0; i < lists.size(); i++) {
                boolean mine = population.contains(i);
                columns.add((mine ? "p.id in (select person_id from listed" + i + ")" : "null::boolean")
                        + " as listed" + i);
                columns.add((mine ? "r" + i + ".reason" : "null::text") + " as reason" + i);
                if (mine) {
                    joins.append(" left join removed").append(i).append(" r").append(i).append(" on r").append(i)
                            .append(".person_id = p.id");
                    named.add("select person_id from listed" + i + " union select person_id from removed" + i);
                }
            }
            // the population's size (an index-only count), then its few persons some version named, with flags
            parts.add("select " + g + " as population, 0 as part, count(*) as n, " + String.join(", ",
                    columns.stream().map(c -> "null" + c.substring(c.indexOf(" as "))).toList())
                    + " from person p where " + in);
            parts.add("select " + g + ", 1, null, " + String.join(", ", columns) + " from person p" + joins
                    + " where p.id in (" + String.join(" union ", named) + ") and " + in);
        }
        long[] sizes = new long[populations.size()];
        List<List<String[]>> named = new ArrayList<>();
        List<List<boolean[]>> listed = new ArrayList<>();
        populations.forEach(g -> {
            named.add(new ArrayList<>());
            listed.add(new ArrayList<>());
        });
        jdbc.sql(with + String.join(" union all ", parts)).params(params).query(rs -> {
            int g = rs.getInt("population");
            if (rs.getInt("part") == 0) {
                sizes[g] = rs.getLong("n");
                return;
            }
            String[] reasons = new String[lists.size()];
            boolean[] on = new boolean[lists.size()];
            for (int i = 0; i < lists.size(); i++) {
                on[i] = rs.getBoolean("listed" + i);
                reasons[i] = rs.getString("reason" + i);
            }
            named.get(g).add(reasons);
            listed.get(g).add(on);
        });
        return LeftOffArithmetic.counts(lists.size(), populations, sizes, named, listed, (i, byReason, persons) -> {
            OpenList l = lists.get(i);
            return new ListCounts(l.roundId(), l.title(), l.party(), l.kind().code(), persons, byReason);
        });
    }

    /** The persons {@link #leftOff} counts, by id, from {@code offset}; all of them when limit < 0. */
    public List<Long> leftOffIds(Caller caller, PersonFilter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String sql = leftOffPersons(caller, filter, openLists(caller), params);
        return sql == null ? List.of() : jdbc.sql(sql + " order by id" + (limit < 0 ? "" : " limit " + limit)
                + " offset " + offset).params(params).query(Long.class).list();
    }

    /** How many persons {@link #leftOffIds} gives. */
    public long leftOffCount(Caller caller, PersonFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql = leftOffPersons(caller, filter, openLists(caller), params);
        return sql == null ? 0 : jdbc.sql("select count(*) from (" + sql + ") x").params(params).query(Long.class)
                .single();
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

    /** {@code select p.id from person p …}: the persons left off any list, visible and selected; null without lists. */
    private String leftOffPersons(Caller caller, PersonFilter filter, List<OpenList> lists,
            Map<String, Object> params) {
        if (lists.isEmpty()) {
            return null;
        }
        String with = lists(lists, params, false);
        String where = persons.condition(caller, filter, params);
        List<String> branches = new ArrayList<>();
        for (List<Integer> population : populations(lists)) {
            List<String> off = new ArrayList<>();
            population.forEach(i -> off.add("p.id not in (select person_id from listed" + i + ")"));
            branches.add("select p.id from person p where " + LeftOffRepository.populationOf(scope(lists.get(
                    population.get(0))), prefix(population.get(0)), params) + " and " + where + " and ("
                    + String.join(" or ", off) + ")");
        }
        return with + "select id from (" + String.join(" union all ", branches) + ") p";
    }

    /** {@code with listed0 as (…), removed0 as (…), …}: what each list's latest version names, and who was removed. */
    private static String lists(List<OpenList> lists, Map<String, Object> params, boolean removed) {
        List<String> ctes = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            LeftOffRepository.Scope scope = scope(lists.get(i));
            ctes.add("listed" + i + " as " + LeftOffRepository.listedSet(scope, prefix(i), params));
            if (removed) {
                ctes.add("removed" + i + " as " + LeftOffRepository.removedSet(scope, prefix(i), params));
            }
        }
        return "with " + String.join(", ", ctes) + " ";
    }

    /**
     * The lists by population (holder and origin; a request and the other party's offer share one), by index: each
     * population is read by its own branch of the statement, from the partial index of persons in custody alone
     * ({@code person_custody_counts_idx}), rather than one scan of an {@code OR} of populations from the table.
     */
    private static java.util.Collection<List<Integer>> populations(List<OpenList> lists) {
        Map<List<Long>, List<Integer>> populations = new LinkedHashMap<>();
        for (int i = 0; i < lists.size(); i++) {
            LeftOffRepository.Scope scope = scope(lists.get(i));
            populations.computeIfAbsent(List.of(scope.holderId(), scope.originId()), k -> new ArrayList<>()).add(i);
        }
        return populations.values();
    }

    private static String prefix(int list) {
        return "list" + list + "_";
    }

    /** The list's scope: a request's persons are held by the other party, an offer's by the party itself. */
    private static LeftOffRepository.Scope scope(OpenList l) {
        return l.kind() == ListKind.REQUEST
                ? new LeftOffRepository.Scope(l.round(), l.partyId(), l.kind(), l.otherId(), l.partyId(), "true",
                        Map.of())
                : new LeftOffRepository.Scope(l.round(), l.partyId(), l.kind(), l.partyId(), l.otherId(), "true",
                        Map.of());
    }
}
