package org.parley.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's figures, for the {@code reports} feature: how many persons in custody a caller may see, broken
 * down by each dimension in one grouped query (GROUPING SETS), and which they are. Every query selects exactly the
 * persons of the person list with the same filter — its filter SQL and the caller's visibility
 * ({@link PersonRepository#visibleTo}) — so a figure never counts a record its reader may not see. Other features'
 * figures join their tables to {@link #condition}.
 */
@Component
public class PersonFigures {

    /** The statuses of a person in custody (held by the detaining power). */
    public static final List<String> IN_CUSTODY = List.of("CAPTURED", "INTERNED", "HOSPITALISED");

    /** The dimensions of {@link #custody}, in the order the figures show them. */
    public static final List<String> DIMENSIONS = List.of("status", "combatant", "category", "branch", "rankGroup",
            "healthState", "seriouslyIllOrWounded", "timeInCaptivity");

    /** Buckets of time in captivity (capture date to today), shortest first; UNKNOWN without a capture date. */
    public static final List<String> CAPTIVITY_BUCKETS = List.of("UNDER_3_MONTHS", "3_TO_6_MONTHS",
            "6_TO_12_MONTHS", "1_TO_2_YEARS", "OVER_2_YEARS", "UNKNOWN");

    private static final String[] EXPRESSIONS = {
        "p.status",
        "case when p.category is null then 'UNKNOWN' when p.category = 'CIVILIAN_INTERNEE' then 'CIVILIAN_INTERNEE' "
                + "else 'COMBATANT' end",
        "coalesce(p.category, 'UNKNOWN')",
        "coalesce(p.branch, 'UNKNOWN')",
        "coalesce(p.rank_group, 'UNKNOWN')",
        "coalesce(p.health_state, 'UNKNOWN')",
        "case when p.seriously_ill_or_wounded then 'YES' else 'NO' end",
        "case when p.capture_date is null then 'UNKNOWN' when current_date - p.capture_date < 91 then 'UNDER_3_MONTHS'"
                + " when current_date - p.capture_date < 183 then '3_TO_6_MONTHS'"
                + " when current_date - p.capture_date < 365 then '6_TO_12_MONTHS'"
                + " when current_date - p.capture_date < 730 then '1_TO_2_YEARS' else 'OVER_2_YEARS' end"};

    /** Whose persons in custody a figure counts. */
    public enum Scope {
        /** Those the caller's organisation holds. */
        HELD("p.holding_party_id = (select id from organisation where code = :figureOrganisation)"),
        /** The caller's nationals held by another party (as far as the caller may see them: once notified). */
        NATIONALS_HELD("p.power_of_origin_id = (select id from organisation where code = :figureOrganisation) "
                + "and p.holding_party_id <> p.power_of_origin_id"),
        /** Every person in custody the caller may see (the intermediary's view). */
        ALL("true");

        private final String sql;

        Scope(String sql) {
            this.sql = sql;
        }

        /** The scope's condition on {@code person p}, in words of the SQL, for a figure's definition. */
        public String sql() {
            return sql + " and p.status in ('CAPTURED', 'INTERNED', 'HOSPITALISED')";
        }
    }

    /** A count and its breakdown: dimension → value → persons. */
    public record Counts(long total, Map<String, Map<String, Long>> breakdown) {
    }

    private final JdbcClient jdbc;
    private final RegistryService registry;

    PersonFigures(JdbcClient jdbc, RegistryService registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * The SQL condition on {@code person p} of the person list with this filter (other features' columns included)
     * as the caller may see it; its parameters go into {@code params}. The filter's name search {@code q} is not a
     * figure's (the list ranks its matches in Java): the caller refuses it first.
     */
    public String condition(Caller caller, PersonFilter filter, Map<String, Object> params) {
        RecordAccess.requireReader(caller);
        if (filter.q() != null) {
            throw new IllegalArgumentException("a name search is not a figure's filter");
        }
        StringBuilder where = new StringBuilder(PersonRepository.where(filter, params).substring("where ".length()));
        registry.contributed(filter).forEach((column, choice) ->
                where.append(" and ").append(column.condition(caller, choice, params)));
        where.append(" and ").append(PersonRepository.visibleTo(caller, params));
        return where.toString();
    }

    /** {@link #condition} and the scope's own condition. */
    public String condition(Caller caller, PersonFilter filter, Scope scope, Map<String, Object> params) {
        params.put("figureOrganisation", caller.organisation());
        return condition(caller, filter, params) + " and " + scope.sql();
    }

    /**
     * The persons in custody of the scope, counted by every dimension of {@link #DIMENSIONS} in one pass: grouped by
     * every combination of the dimensions' values (a few thousand groups at most) in one hash table, and each
     * dimension's counts summed here. The planner overestimates the combinations a hundredfold and would sort the
     * rows instead (four times slower at a million persons; README, "Benchmarks", "Figures"), so sorting is switched
     * off for this query's transaction.
     */
    public Counts custody(Caller caller, PersonFilter filter, Scope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = condition(caller, filter, scope, params);
        List<String> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < EXPRESSIONS.length; i++) {
            columns.add(EXPRESSIONS[i] + " as d" + i);
            names.add("d" + i);
        }
        String dims = String.join(", ", names);
        Map<String, Map<String, Long>> breakdown = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> breakdown.put(d, new LinkedHashMap<>()));
        CAPTIVITY_BUCKETS.forEach(b -> breakdown.get("timeInCaptivity").put(b, 0L));
        long[] total = {0};
        jdbc.sql("set local enable_sort = off").update();
        jdbc.sql("select " + dims + ", count(*) as n from (select " + String.join(", ", columns)
                        + " from person p where " + where + ") x group by " + dims).params(params)
                .query(rs -> {
                    long n = rs.getLong("n");
                    total[0] += n;
                    for (int i = 0; i < EXPRESSIONS.length; i++) {
                        breakdown.get(DIMENSIONS.get(i)).merge(rs.getString(i + 1), n, Long::sum);
                    }
                });
        jdbc.sql("reset enable_sort").update();
        // values in a stable order (by name), the buckets of time in captivity in theirs
        breakdown.replaceAll((dimension, counts) -> dimension.equals("timeInCaptivity") ? counts
                : new LinkedHashMap<>(new java.util.TreeMap<>(counts)));
        return new Counts(total[0], breakdown);
    }

    /** The ids of the persons {@link #custody} counts, by id, from {@code offset}; all of them when limit < 0. */
    public List<Long> custodyIds(Caller caller, PersonFilter filter, Scope scope, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = condition(caller, filter, scope, params);
        return jdbc.sql("select p.id from person p where " + where + " order by p.id"
                + (limit < 0 ? "" : " limit " + limit) + " offset " + offset).params(params).query(Long.class).list();
    }

    /** The status of each of these persons as stored now. */
    public Map<Long, String> statuses(Collection<Long> ids) {
        Map<Long, String> statuses = new HashMap<>();
        if (ids.isEmpty()) {
            return statuses;
        }
        jdbc.sql("select id, status from person where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    statuses.put(rs.getLong(1), rs.getString(2));
                });
        return statuses;
    }

    /**
     * The status each person had at the version given (the version its latest audit entry at some moment names):
     * from the row when that is its current version, else from the state {@code person_state} keeps of it.
     */
    public Map<Long, String> statusesAt(Map<Long, Integer> versions) {
        Map<Long, String> statuses = new HashMap<>();
        if (versions.isEmpty()) {
            return statuses;
        }
        Long[] ids = versions.keySet().toArray(Long[]::new);
        Integer[] numbers = java.util.Arrays.stream(ids).map(versions::get).toArray(Integer[]::new);
        jdbc.sql("select v.id, coalesce(case when p.version = v.version then p.status end, "
                        + "(select (s.state::jsonb) ->> 'status' from person_state s where s.person_id = v.id "
                        + "and s.version = v.version)) from unnest(:ids, :versions) as v(id, version) "
                        + "left join person p on p.id = v.id")
                .param("ids", ids).param("versions", numbers)
                .query(rs -> {
                    if (rs.getString(2) != null) {
                        statuses.put(rs.getLong(1), rs.getString(2));
                    }
                });
        return statuses;
    }

    /** The registry's record type in the audit log. */
    public static String recordType() {
        return RecordAccess.RECORD;
    }
}
