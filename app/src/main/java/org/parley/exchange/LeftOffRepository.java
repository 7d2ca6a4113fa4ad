package org.parley.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of "left off the list": the persons in custody a list could name and does not, over the stored matches
 * and decisions, in one query per answer (never a loop over persons).
 * <ul>
 * <li>{@code request} of party P: persons the other party holds in custody whose power of origin is P and whom P's
 * latest request version does not name — an entry names a person when its match was FOUND and not rejected, or
 * when the holder confirmed (or picked) that person;</li>
 * <li>{@code offer} of P: persons of the other party's origin P holds in custody and does not offer.</li>
 * </ul>
 * A person named by an earlier version is {@code removed}, with the reason given when the entry was dropped
 * ({@code NO_LONGER_MATCHED} when the entry stayed but no longer names the person).
 */
@Repository
class LeftOffRepository {

    /** Breakdown dimensions, in the order of the grouping sets. */
    static final List<String> DIMENSIONS = List.of("category", "rankGroup", "branch", "healthState",
            "seriouslyIllOrWounded", "captivityYears", "removalReason");

    private final JdbcClient jdbc;

    LeftOffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The query's parameters: the list, the population, and the caller's visibility condition on {@code p}. */
    record Scope(long roundId, long partyId, ListKind kind, long holderId, long originId, String visible,
            Map<String, Object> params) {
    }

    /** Counts: total, removed, and per dimension per value (null values as {@code UNKNOWN}). */
    record Counts(long total, long removed, Map<String, Map<String, Long>> breakdown) {
    }

    /** One person left off: internal key, and whether and why an earlier version named them. */
    record Row(long personId, boolean removed, String removalReason) {
    }

    /** The list's versions, what each entry names, the persons named by the latest and by earlier versions. */
    private static String named(Scope scope) {
        String person = scope.kind() == ListKind.REQUEST
                ? "case when d.decision = 'CONFIRMED' then d.person_id "
                        + "when d.decision is null and m.outcome = 'FOUND' then m.person_id end"
                : "e.person_id";
        String matched = scope.kind() == ListKind.REQUEST
                ? "join exchange_match m on m.version_id = e.version_id and m.ref = e.ref "
                        + "left join decided d on d.ref = e.ref and d.content_hash = e.content_hash "
                : "";
        // the latest decision on each entry as it was (ref and content), once for all entries of all versions
        String decided = scope.kind() == ListKind.REQUEST
                ? "decided as (select distinct on (c.ref, c.content_hash) c.ref, c.content_hash, c.decision, "
                        + "c.person_id from exchange_confirmation c where c.round_id = :round "
                        + "and c.party_id = :party order by c.ref, c.content_hash, c.id desc), "
                : "";
        return "with versions as (select id, number from exchange_list_version where round_id = :round "
                + "and party_id = :party and kind = :kind), " + decided
                + "latest as (select coalesce(max(number), 0) as n from versions), "
                + "named as (select v.number, e.ref, " + person + " as person_id from versions v "
                + "join exchange_list_entry e on e.version_id = v.id " + matched + "), "
                + "listed as (select person_id from named where number = (select n from latest) "
                + "and person_id is not null), "
                + "earlier as (select distinct on (person_id) person_id, ref, number from named "
                + "where number < (select n from latest) and person_id is not null order by person_id, number desc) ";
    }

    /** The persons in custody the list could name, as a condition on {@code p} (the caller's visibility too). */
    private static String population(Scope scope) {
        return IN_CUSTODY + " and " + scope.visible();
    }

    private static final String IN_CUSTODY = "p.holding_party_id = :holder and p.power_of_origin_id = :origin "
            + "and p.status in ('CAPTURED', 'INTERNED', 'HOSPITALISED')";

    /**
     * The persons the list's latest version names, as a subquery of {@code person_id}; the list's parameters are named
     * with {@code prefix} (and put into {@code params}) so that several lists' subqueries can share one statement.
     */
    static String listedSet(Scope scope, String prefix, Map<String, Object> params) {
        return ownSql(scope, prefix, params, named(scope) + "select person_id from listed");
    }

    /**
     * The persons an earlier version named and the latest does not, with the reason of their removal, as a subquery
     * of {@code (person_id, reason)}; parameters as {@link #listedSet}.
     */
    static String removedSet(Scope scope, String prefix, Map<String, Object> params) {
        return ownSql(scope, prefix, params, named(scope) + reasons()
                + "select person_id, reason from reasons where person_id not in (select person_id from listed)");
    }

    /**
     * The persons in custody a list could name, as a condition on {@code p} with the list's parameters named with
     * {@code prefix}; not the caller's visibility, which the statement adds once for all lists.
     */
    static String populationOf(Scope scope, String prefix, Map<String, Object> params) {
        return ownSql(scope, prefix, params, IN_CUSTODY);
    }

    private static String ownSql(Scope scope, String prefix, Map<String, Object> params, String sql) {
        params(scope).forEach((name, value) -> {
            if (LIST_PARAMETERS.contains(name)) {
                params.put(prefix + name, value);
            }
        });
        return "(" + sql.replaceAll(":(" + String.join("|", LIST_PARAMETERS) + ")\\b", ":" + prefix + "$1") + ")";
    }

    /** The parameters of one list, as opposed to those of the caller's visibility condition. */
    private static final List<String> LIST_PARAMETERS = List.of("round", "party", "kind", "holder", "origin");

    /**
     * The persons earlier versions named and the latest does not name as a list, with the reason given when the
     * entry was dropped ({@code NO_LONGER_MATCHED} when the entry stayed but no longer names the person).
     */
    private static String reasons() {
        return ", reasons as (select er.person_id, er.number, coalesce(r.reason, 'NO_LONGER_MATCHED') as reason "
                + "from earlier er left join versions nv on nv.number = er.number + 1 "
                + "left join exchange_list_removal r on r.version_id = nv.id and r.ref = er.ref) ";
    }

    private static Map<String, Object> params(Scope scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("round", scope.roundId());
        params.put("party", scope.partyId());
        params.put("kind", scope.kind().code());
        params.put("holder", scope.holderId());
        params.put("origin", scope.originId());
        return params;
    }

    /** What one answer needs: the counts, one page of persons, and those left off who made statements. */
    record Figure(Counts counts, List<Row> page, List<Long> stated) {
    }

    /**
     * The whole figure in one query, so that the list's entries and what they name are read once: counts by
     * dimension (the persons left off flow into the aggregate, never kept); one page of them by name — the persons
     * in custody in the order of an index ({@code person_custody_by_name_idx}), less those the latest version
     * names (a filter, which keeps the order), up to the page, then whether and why an earlier version named them;
     * and those left off who have any statement about repatriation (the others' wish status is UNKNOWN without
     * reading anything), found from the statements.
     */
    Figure read(Scope scope, int page, int size) {
        Map<String, Object> params = params(scope);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String sql = named(scope) + reasons()
                + ", counted as (select grouping(category, rank_group, branch, health_state, "
                + "serious, years, removal_reason) as grouping, category, rank_group, branch, health_state, serious, "
                + "years, removal_reason, count(*) as persons, count(last_listed) as removed from (select p.category, "
                + "p.rank_group, p.branch, p.health_state, p.seriously_ill_or_wounded::text as serious, "
                + "case when p.capture_date is null then null else case extract(year from age(current_date, "
                + "p.capture_date))::int when 0 then '<1' when 1 then '1-2' when 2 then '2-3' else '3+' end end "
                + "as years, rs.number as last_listed, rs.reason as removal_reason from person p "
                + "left join reasons rs on rs.person_id = p.id where " + population(scope)
                + " and not exists (select 1 from listed l where l.person_id = p.id)) x "
                + "group by grouping sets ((category), (rank_group), (branch), (health_state), (serious), (years), "
                + "(removal_reason), ())), "
                + "paged as (select p.id, lower(p.surname) as s, lower(p.given_name) as g "
                + "from person p where " + population(scope) + " and p.id not in (select person_id from listed) "
                + "order by lower(p.surname), lower(p.given_name), p.id limit :limit offset :offset), "
                // wishes' table: only whether a person has any statement (the wish is derived by WishService)
                + "stated as (select p.id from person p where p.id in (select person_id from wish_statement) and "
                + population(scope) + " and p.id not in (select person_id from listed)) "
                + "select 0 as part, grouping, category, rank_group, branch, health_state, serious, years, "
                + "removal_reason, persons, removed, null::bigint as id, null::integer as last_listed, "
                + "null::text as s, null::text as g from counted "
                + "union all select 1, null, null, null, null, null, null, null, rs.reason, null, null, pg.id, "
                + "rs.number, pg.s, pg.g from paged pg left join reasons rs on rs.person_id = pg.id "
                + "union all select 2, null, null, null, null, null, null, null, null, null, null, id, null, null, "
                + "null from stated order by part, s, g, id";
        Map<String, Map<String, Long>> breakdown = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> breakdown.put(d, new LinkedHashMap<>()));
        long[] totals = new long[2];
        List<Row> rows = new ArrayList<>();
        List<Long> stated = new ArrayList<>();
        jdbc.sql(sql).params(params).query(rs -> {
            switch (rs.getInt("part")) {
                case 0 -> count(rs, breakdown, totals);
                case 1 -> {
                    rs.getInt("last_listed");
                    boolean removed = !rs.wasNull();
                    rows.add(new Row(rs.getLong("id"), removed, rs.getString("removal_reason")));
                }
                default -> stated.add(rs.getLong("id"));
            }
        });
        return new Figure(new Counts(totals[0], totals[1], breakdown), rows, stated);
    }

    /** One row of the grouping sets: the total, or one dimension's value and its count. */
    private static void count(java.sql.ResultSet rs, Map<String, Map<String, Long>> breakdown, long[] totals)
            throws java.sql.SQLException {
        int grouping = rs.getInt("grouping");
        long persons = rs.getLong("persons");
        if (grouping == (1 << DIMENSIONS.size()) - 1) {
            totals[0] = persons;
            totals[1] = rs.getLong("removed");
            return;
        }
        // grouping() sets a bit for each column not grouped; the one column grouped has its bit clear
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            if ((grouping & (1 << (DIMENSIONS.size() - 1 - i))) == 0) {
                String value = rs.getString(i + 3); // part, grouping, then the dimensions
                if (i == DIMENSIONS.indexOf("removalReason") && value == null) {
                    return; // never listed: no removal to give a reason for
                }
                breakdown.get(DIMENSIONS.get(i)).put(value == null ? "UNKNOWN" : value, persons);
            }
        }
    }
}
