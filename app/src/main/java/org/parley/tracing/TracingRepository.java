package org.parley.tracing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.parley.api.Caller;
import org.parley.database.StreamingQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tables {@code tracing_request}, {@code tracing_candidate} and {@code tracing_key}. */
@Repository
class TracingRepository {

    private static final String COLUMNS = "r.id, r.organisation_code, r.by_intermediary, r.recorded_by, r.recorded_at, "
            + "r.surname, r.given_name, r.patronymic, r.full_name, r.date_of_birth, r.unit, r.last_known_place, "
            + "r.last_known_date, r.requester_name, r.requester_relationship, r.requester_contact, r.note, r.state, "
            + "r.answer, r.answered_at, r.closed_at";

    /** A request with how many of its candidates the reader may see, and how many of those its recorder has not seen. */
    record Listed(TracingRequest request, int candidates, int unseen, int confirmed) {
    }

    /** A request and a person who share a search key. */
    record Pair(long requestId, long personId) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    TracingRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    long insert(Caller caller, TracingInput in) {
        Requester requester = in.requester() == null ? new Requester(null, null, null) : in.requester();
        return jdbc.sql("""
                insert into tracing_request (organisation_code, by_intermediary, recorded_by, surname, given_name,
                    patronymic, full_name, date_of_birth, unit, last_known_place, last_known_date, requester_name,
                    requester_relationship, requester_contact, note)
                values (:organisation, :intermediary, :by, :surname, :given, :patronymic, :fullName, :born, :unit,
                    :place, :date, :requester, :relationship, :contact, :note)
                returning id""")
                .param("organisation", caller.organisation()).param("intermediary", caller.intermediary())
                .param("by", caller.username()).param("surname", in.surname()).param("given", in.givenName())
                .param("patronymic", in.patronymic()).param("fullName", in.fullName())
                .param("born", in.dateOfBirth()).param("unit", in.unit()).param("place", in.lastKnownPlace())
                .param("date", in.lastKnownDate()).param("requester", requester.name())
                .param("relationship", requester.relationship()).param("contact", requester.contact())
                .param("note", in.note()).query(Long.class).single();
    }

    Optional<TracingRequest> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from tracing_request r where r.id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** The request, its row locked until the transaction ends (changes to one request wait for each other). */
    Optional<TracingRequest> findForUpdate(long id) {
        return jdbc.sql("select " + COLUMNS + " from tracing_request r where r.id = :id for update").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    Map<Long, TracingRequest> find(Collection<Long> ids) {
        Map<Long, TracingRequest> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from tracing_request r where r.id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query((rs, n) -> map(rs)).list()
                .forEach(r -> found.put(r.id(), r));
        return found;
    }

    /**
     * The requests a reader may see (those of {@code organisation}, or all for an intermediary's reader), with their
     * candidate counts restricted by {@code visible} (an SQL condition on {@code person p}): those with unseen
     * candidates first, then the newest; {@code states} and {@code newMatchesOnly} narrow them. One page of them
     * ({@code offset}, {@code limit}) and how many there are in all.
     */
    Listing list(String organisation, boolean all, Set<TracingState> states, boolean newMatchesOnly,
            String visible, Map<String, Object> params, int offset, int limit) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("organisation", organisation);
        p.put("all", all);
        p.put("states", states.stream().map(Enum::name).toArray(String[]::new));
        p.put("offset", offset);
        p.put("limit", limit);
        String from = " from tracing_request r left join lateral ("
                + "select count(*) as candidates, count(*) filter (where not t.seen) as unseen, "
                + "count(*) filter (where t.decision = 'CONFIRMED') as confirmed from tracing_candidate t "
                + "join person p on p.id = t.person_id where t.request_id = r.id and " + visible + ") c on true "
                + "where (:all or r.organisation_code = :organisation) and r.state = any(:states)"
                + (newMatchesOnly ? " and coalesce(c.unseen, 0) > 0" : "");
        List<Listed> items = jdbc.sql("select " + COLUMNS + ", coalesce(c.candidates, 0) as candidates, "
                        + "coalesce(c.unseen, 0) as unseen, coalesce(c.confirmed, 0) as confirmed" + from
                        + " order by coalesce(c.unseen, 0) > 0 desc, r.recorded_at desc, r.id desc"
                        + " offset :offset limit :limit")
                .params(p).query((rs, n) -> new Listed(map(rs), rs.getInt("candidates"), rs.getInt("unseen"),
                        rs.getInt("confirmed"))).list();
        long total = jdbc.sql("select count(*)" + from).params(p).query(Long.class).single();
        return new Listing(items, total);
    }

    /** A page of listed requests and how many there are in all. */
    record Listing(List<Listed> items, long total) {
    }

    List<TracingCandidate> candidates(long requestId) {
        return jdbc.sql("select person_id, score, explanation, decision, found_by, found_at, seen "
                        + "from tracing_candidate where request_id = :id order by score desc, person_id")
                .param("id", requestId).query((rs, n) -> new TracingCandidate(rs.getLong(1), rs.getDouble(2),
                        rs.getString(3), rs.getString(4) == null ? null : CandidateDecision.valueOf(rs.getString(4)),
                        FoundBy.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)), rs.getBoolean(7)))
                .list();
    }

    /** Adds the candidates not there yet; answers how many were added. */
    int addCandidates(long requestId, List<TracingSearch.Found> found, FoundBy by) {
        if (found.isEmpty()) {
            return 0;
        }
        return jdbc.sql("insert into tracing_candidate (request_id, person_id, score, explanation, found_by, seen) "
                        + "select :request, u.person, u.score, u.explanation, :by, :seen "
                        + "from unnest(:persons, :scores, :explanations) as u(person, score, explanation) "
                        + "on conflict do nothing")
                .param("request", requestId).param("by", by.name()).param("seen", by == FoundBy.SEARCH)
                .param("persons", found.stream().map(TracingSearch.Found::personId).toArray(Long[]::new))
                .param("scores", found.stream().map(TracingSearch.Found::score).toArray(Double[]::new))
                .param("explanations", found.stream().map(TracingSearch.Found::explanation).toArray(String[]::new))
                .update();
    }

    boolean decide(long requestId, long personId, CandidateDecision decision) {
        return jdbc.sql("update tracing_candidate set decision = :decision, seen = true "
                        + "where request_id = :request and person_id = :person")
                .param("decision", decision.name()).param("request", requestId).param("person", personId)
                .update() == 1;
    }

    void answer(long id, String text) {
        jdbc.sql("update tracing_request set state = 'ANSWERED', answer = :text, answered_at = now() where id = :id")
                .param("text", text).param("id", id).update();
        dropKeys(id);
    }

    void close(long id) {
        jdbc.sql("update tracing_request set state = 'CLOSED', closed_at = now() where id = :id")
                .param("id", id).update();
        dropKeys(id);
    }

    /** Marks the request's candidates seen; answers how many were not. */
    int markSeen(long requestId) {
        return jdbc.sql("update tracing_candidate set seen = true where request_id = :id and not seen")
                .param("id", requestId).update();
    }

    void storeKeys(long requestId, Collection<String> keys) {
        jdbc.sql("insert into tracing_key (key, request_id) select unnest(:keys), :id on conflict do nothing")
                .param("keys", keys.toArray(String[]::new)).param("id", requestId).update();
    }

    private void dropKeys(long requestId) {
        jdbc.sql("delete from tracing_key where request_id = :id").param("id", requestId).update();
    }

    /** The ids of the open requests (those with keys), in order. */
    List<Long> openIds() {
        return jdbc.sql("select distinct request_id from tracing_key order by request_id").query(Long.class).list();
    }

    /** Whether any request is open (has keys): without one, the standing search has nothing to do. */
    boolean anyOpen() {
        return jdbc.sql("select exists (select 1 from tracing_key)").query(Boolean.class).single();
    }

    /**
     * The open requests and persons that share a key, given as parallel arrays of person and key, except the pairs
     * already a candidate: one join on the key index.
     */
    List<Pair> sharingKeys(long[] persons, String[] keys) {
        return jdbc.sql("select distinct k.request_id, u.person from unnest(:persons, :keys) as u(person, key) "
                        + "join tracing_key k on k.key = u.key where not exists (select 1 from tracing_candidate c "
                        + "where c.request_id = k.request_id and c.person_id = u.person)")
                .param("persons", persons).param("keys", keys)
                .query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Every request's audited state, by id (for the audit log's verification). */
    void forEachState(Consumer<Audited> visitor) {
        StreamingQuery.forEach(dataSource, "select " + COLUMNS + ", array(select c.person_id from tracing_candidate c "
                + "where c.request_id = r.id order by c.person_id) as persons, array(select c.score from "
                + "tracing_candidate c where c.request_id = r.id order by c.person_id) as scores, array(select "
                + "coalesce(c.decision, '') from tracing_candidate c where c.request_id = r.id order by c.person_id) "
                + "as decisions from tracing_request r order by r.id", rs -> {
                    Long[] persons = (Long[]) rs.getArray("persons").getArray();
                    Double[] scores = (Double[]) rs.getArray("scores").getArray();
                    String[] decisions = (String[]) rs.getArray("decisions").getArray();
                    List<TracingStates.Candidate> candidates = new ArrayList<>(persons.length);
                    for (int i = 0; i < persons.length; i++) {
                        candidates.add(new TracingStates.Candidate(persons[i], scores[i],
                                decisions[i].isEmpty() ? null : decisions[i]));
                    }
                    visitor.accept(new Audited(map(rs), candidates));
                });
    }

    record Audited(TracingRequest request, List<TracingStates.Candidate> candidates) {
    }

    private static TracingRequest map(ResultSet rs) throws SQLException {
        java.sql.Date lastKnown = rs.getDate("last_known_date");
        TracingInput input = new TracingInput(rs.getString("surname"), rs.getString("given_name"),
                rs.getString("patronymic"), rs.getString("full_name"), rs.getString("date_of_birth"),
                rs.getString("unit"), rs.getString("last_known_place"),
                lastKnown == null ? null : lastKnown.toLocalDate(), new Requester(rs.getString("requester_name"),
                        rs.getString("requester_relationship"), rs.getString("requester_contact")),
                rs.getString("note"));
        return new TracingRequest(rs.getLong("id"), rs.getString("organisation_code"),
                rs.getBoolean("by_intermediary"), rs.getString("recorded_by"), instant(rs.getTimestamp("recorded_at")),
                input, TracingState.valueOf(rs.getString("state")), rs.getString("answer"),
                instant(rs.getTimestamp("answered_at")), instant(rs.getTimestamp("closed_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
