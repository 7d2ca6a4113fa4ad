package org.parley.wishes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.registry.PersonFigures;
import org.parley.registry.PersonFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The wishes' figures, for the {@code reports} feature: persons in custody with a stated wish (the derived status
 * of table {@code wish_status}: verified return, verified not returning, unverified claim) by status, and by status
 * within each rank group and branch, in one grouped query. Persons are those of the person list with the same
 * filter as the caller may see them ({@link PersonFigures#condition}); the status is what the person list shows to
 * whoever may see the person (never a statement's text).
 */
@Component
public class WishFigures {

    /** The statuses counted: every one but UNKNOWN (nothing said). */
    public static final List<String> STATED = List.of(WishStatus.VERIFIED_RETURN.name(),
            WishStatus.VERIFIED_NOT_RETURNING.name(), WishStatus.UNVERIFIED_CLAIM.name());

    /** The condition on {@code wish_status w} beside the person's, in words of the SQL, for the definition. */
    public static final String SQL = "w.person_id = p.id and w.status <> 'UNKNOWN' "
            + "and p.status in ('CAPTURED', 'INTERNED', 'HOSPITALISED')";

    /**
     * The few persons with a stated wish, as an array computed once: PostgreSQL then reads them by id rather than
     * joining every person (as {@link WishListColumn} does).
     */
    private static final String STATED_IDS = "p.id = any(array(select s.person_id from wish_status s "
            + "where s.status <> 'UNKNOWN'))";

    /** Persons by status; by rank group → status; by branch → status. */
    public record Counts(long total, Map<String, Long> byStatus, Map<String, Map<String, Long>> byRankGroup,
            Map<String, Map<String, Long>> byBranch) {
    }

    private final JdbcClient jdbc;
    private final PersonFigures persons;

    WishFigures(JdbcClient jdbc, PersonFigures persons) {
        this.jdbc = jdbc;
        this.persons = persons;
    }

    public Counts counts(Caller caller, PersonFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = persons.condition(caller, filter, PersonFigures.Scope.ALL, params);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATED.forEach(s -> byStatus.put(s, 0L));
        Map<String, Map<String, Long>> byRankGroup = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byBranch = new LinkedHashMap<>();
        long[] total = {0};
        jdbc.sql("select w.status, coalesce(p.rank_group, 'UNKNOWN') as rank_group, "
                        + "coalesce(p.branch, 'UNKNOWN') as branch, grouping(w.status, coalesce(p.rank_group, "
                        + "'UNKNOWN'), coalesce(p.branch, 'UNKNOWN')) as g, count(*) as n "
                        + "from person p join wish_status w on " + SQL + " where " + STATED_IDS + " and " + where
                        + " group by grouping sets ((w.status), (w.status, coalesce(p.rank_group, 'UNKNOWN')), "
                        + "(w.status, coalesce(p.branch, 'UNKNOWN')), ())")
                .params(params).query(rs -> {
                    long n = rs.getLong("n");
                    switch (rs.getInt("g")) {
                        case 7 -> total[0] = n;
                        case 3 -> byStatus.put(rs.getString("status"), n);
                        case 1 -> byRankGroup.computeIfAbsent(rs.getString("rank_group"), k -> new LinkedHashMap<>())
                                .put(rs.getString("status"), n);
                        case 2 -> byBranch.computeIfAbsent(rs.getString("branch"), k -> new LinkedHashMap<>())
                                .put(rs.getString("status"), n);
                        default -> throw new IllegalStateException("unexpected grouping " + rs.getInt("g"));
                    }
                });
        return new Counts(total[0], byStatus, byRankGroup, byBranch);
    }

    /** The ids of the persons {@link #counts} counts, by id, from {@code offset}; all of them when limit < 0. */
    public List<Long> ids(Caller caller, PersonFilter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = persons.condition(caller, filter, PersonFigures.Scope.ALL, params);
        return jdbc.sql("select p.id from person p join wish_status w on " + SQL + " where " + STATED_IDS + " and "
                + where
                + " order by p.id" + (limit < 0 ? "" : " limit " + limit) + " offset " + offset).params(params)
                .query(Long.class).list();
    }
}
