package org.parley.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.parley.api.Caller;
import org.parley.api.Role;
import org.parley.names.BirthDate;
import org.parley.names.BlockingIndex;
import org.parley.names.PersonRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons as the name matcher sees them, for features that search the registry on an organisation's behalf (the
 * tracing requests): always within what that organisation may see, by the one visibility rule of
 * {@link PersonRepository#visibleTo}.
 */
@Service
public class PersonMatching {

    private static final String COLUMNS = "p.id, p.status, p.surname, p.given_name, p.patronymic, p.date_of_birth, "
            + "p.service_number, p.unit, p.rank";

    private final JdbcClient jdbc;
    private final OrganisationRepository organisations;

    PersonMatching(JdbcClient jdbc, OrganisationRepository organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /**
     * Keys shared by more persons than this are too common to narrow a search down (a common surname at a million
     * persons has tens of thousands of holders), as the names library's blocking index skips such blocks.
     */
    public static final int MAX_BLOCK = BlockingIndex.MAX_BLOCK;

    /**
     * The persons the organisation may see who share one of these name search keys ({@code person_name_key}) or
     * blocking keys ({@code person_blocking_key}, hashed as {@link BlockingIndex#hash}), by id. A key that more than
     * {@link #MAX_BLOCK} persons of the registry share is left out, so that the work is bounded by the keys, not by
     * the registry's size: the rarer keys (surname sound and birth year, given name and surname, given name and date
     * of birth) still find a person of a common surname.
     */
    @Transactional(readOnly = true)
    public List<MatchablePerson> sharingKeys(String organisation, Collection<String> nameKeys, long[] blockingKeys) {
        long[] ids = LongStream.concat(LongStream.of(inSmallBlocks("person_name_key", nameKeys.toArray(String[]::new))),
                LongStream.of(inSmallBlocks("person_blocking_key", Arrays.stream(blockingKeys).boxed()
                        .toArray(Long[]::new)))).sorted().distinct().toArray();
        if (ids.length == 0) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", Arrays.stream(ids).boxed().toArray(Long[]::new));
        return jdbc.sql("select " + COLUMNS + " from person p where p.id = any(:ids) and "
                        + PersonRepository.visibleTo(viewer(organisation), params) + " order by p.id")
                .params(params).query((rs, n) -> map(rs)).list();
    }

    /** The persons under those of the keys whose block holds at most {@link #MAX_BLOCK}, from the table's index alone. */
    private long[] inSmallBlocks(String table, Object[] keys) {
        if (keys.length == 0) {
            return new long[0];
        }
        List<Long> ids = new ArrayList<>();
        // a block is read up to one row more than the largest kept, so a common key costs no more than a rare one
        jdbc.sql("select b.ids from unnest(:keys) as k(key) cross join lateral (select array_agg(person_id) as ids, "
                        + "count(*) as size from (select person_id from " + table + " t where t.key = k.key "
                        + "limit :max + 1) x) b where b.size between 1 and :max")
                .param("keys", keys).param("max", MAX_BLOCK)
                .query(rs -> {
                    for (Long id : (Long[]) rs.getArray(1).getArray()) {
                        ids.add(id);
                    }
                });
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Those of these persons the organisation may see. */
    @Transactional(readOnly = true)
    public List<MatchablePerson> visibleTo(String organisation, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids.toArray(Long[]::new));
        return jdbc.sql("select " + COLUMNS + " from person p where p.id = any(:ids) and "
                        + PersonRepository.visibleTo(viewer(organisation), params))
                .params(params).query((rs, n) -> map(rs)).list();
    }

    /** These persons as stored, whoever may see them: for matching only, never shown as they are. */
    @Transactional(readOnly = true)
    public List<MatchablePerson> records(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from person p where p.id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query((rs, n) -> map(rs)).list();
    }

    /** A reader of the organisation, to which the visibility rule is applied. */
    private Caller viewer(String organisation) {
        Organisation found = organisations.findByCode(organisation)
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + organisation));
        return new Caller(0, "matching", found.code(), found.kind() == OrganisationKind.INTERMEDIARY,
                Set.of(Role.VIEWER));
    }

    private static MatchablePerson map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String born = rs.getString("date_of_birth");
        long id = rs.getLong("id");
        return new MatchablePerson(id, Status.valueOf(rs.getString("status")), new PersonRecord(Long.toString(id),
                rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic"), null,
                born == null ? null : BirthDate.parse(born), rs.getString("service_number"), rs.getString("unit"),
                rs.getString("rank")));
    }
}
