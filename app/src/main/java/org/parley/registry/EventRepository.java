package org.parley.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.parley.api.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for table {@code person_event}: append and read, never change (the table refuses it, too). */
@Repository
class EventRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends an event after the person's last one; the caller holds the person's row lock. */
    LifecycleEvent append(long personId, EventInput event, Map<String, LifecycleEvent.Change> changes) {
        long id = jdbc.sql("insert into person_event (person_id, seq, type, occurred_on, place, note, supersedes, "
                        + "changes) values (:person, (select coalesce(max(seq), 0) + 1 from person_event "
                        + "where person_id = :person), :type, :occurred, :place, :note, :supersedes, "
                        + ":changes::json) returning id")
                .param("person", personId).param("type", event.type().name())
                .param("occurred", event.occurredOn()).param("place", event.place()).param("note", event.note())
                .param("supersedes", event.supersedes())
                .param("changes", changes == null ? null : CanonicalJson.write(json.valueToTree(changes)))
                .query(Long.class).single();
        return history(personId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** The same event (no place, no changes) appended to many persons, each after its last one (rows locked). */
    void appendToEach(Map<Long, EventInput> events) {
        List<Long> ids = List.copyOf(events.keySet());
        jdbc.sql("insert into person_event (person_id, seq, type, occurred_on, note) "
                        + "select u.person, (select coalesce(max(seq), 0) + 1 from person_event where person_id = u.person), "
                        + "u.type, u.occurred::date, u.note from unnest(:ids, :types, :occurred, :notes) "
                        + "as u(person, type, occurred, note)")
                .param("ids", ids.toArray(Long[]::new))
                .param("types", ids.stream().map(id -> events.get(id).type().name()).toArray(String[]::new))
                .param("occurred", ids.stream().map(id -> events.get(id).occurredOn().toString()).toArray(String[]::new))
                .param("notes", ids.stream().map(id -> events.get(id).note()).toArray(String[]::new))
                .update();
    }

    /** The histories of many persons, each as {@link #history} reads it. */
    Map<Long, List<LifecycleEvent>> histories(List<Long> personIds) {
        Map<Long, List<LifecycleEvent>> histories = new java.util.HashMap<>();
        jdbc.sql("select e.*, exists (select 1 from person_event s where s.supersedes = e.id) as superseded "
                        + "from person_event e where e.person_id = any(:ids) order by e.person_id, e.seq")
                .param("ids", personIds.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    histories.computeIfAbsent(rs.getLong("person_id"), k -> new java.util.ArrayList<>()).add(map(rs, 0));
                });
        return histories;
    }

    /** A person's whole history in the order it was recorded, superseded events marked. */
    List<LifecycleEvent> history(long personId) {
        return jdbc.sql("select e.*, exists (select 1 from person_event s where s.supersedes = e.id) as superseded "
                        + "from person_event e where e.person_id = :person order by e.seq")
                .param("person", personId).query(this::map).list();
    }

    /** The latest event of each of these persons, by person id. */
    Map<Long, LifecycleEvent> latest(List<Long> personIds) {
        Map<Long, LifecycleEvent> latest = new java.util.HashMap<>();
        jdbc.sql("select distinct on (e.person_id) e.*, false as superseded from person_event e "
                        + "where e.person_id = any(:ids) order by e.person_id, e.seq desc")
                .param("ids", personIds.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    latest.put(rs.getLong("person_id"), map(rs, 0));
                });
        return latest;
    }

    private LifecycleEvent map(ResultSet rs, int row) throws SQLException {
        String changes = rs.getString("changes");
        return new LifecycleEvent(rs.getLong("id"), rs.getInt("seq"), EventType.valueOf(rs.getString("type")),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("place"), rs.getString("note"),
                (Long) rs.getObject("supersedes"),
                changes == null ? null : json.readValue(changes,
                        new TypeReference<Map<String, LifecycleEvent.Change>>() { }),
                rs.getTimestamp("recorded_at").toInstant(), rs.getBoolean("superseded"));
    }
}
