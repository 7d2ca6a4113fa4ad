package org.parley.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Role;
import org.parley.names.BirthDate;
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
     * The persons the organisation may see who share one of these name search keys ({@code person_name_key}), at
     * most {@code limit}, by id.
     */
    @Transactional(readOnly = true)
    public List<MatchablePerson> sharingNameKey(String organisation, Set<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("keys", keys.toArray(String[]::new));
        params.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + " from person p where p.id in (select person_id from person_name_key "
                        + "where key = any(:keys)) and " + PersonRepository.visibleTo(viewer(organisation), params)
                        + " order by p.id limit :limit")
                .params(params).query((rs, n) -> map(rs)).list();
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
