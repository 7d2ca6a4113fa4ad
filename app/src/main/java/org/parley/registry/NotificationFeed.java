package org.parley.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.InvalidInputException;
import org.parley.api.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a party has notified (GC III Art. 122) as one receiver may read it, for a notification bundle: the persons the
 * party holds whose notification went out, each as the receiver's organisation sees it under the visibility rules
 * (the intermediary in full; a power of origin without the facts withheld from it, and event notes and places as it
 * reads them), with the events that were not superseded, less corrections and the intermediary's visits.
 */
@Service
public class NotificationFeed {

    /** What the receiver was sent of a person before: the record's version and the last event's sequence number. */
    public record Sent(int version, int lastEventSeq) {
    }

    /** A notified person as the receiver may read it: facts as the API names them, and events after those sent. */
    public record NotifiedRecord(long id, String publicId, int version, ObjectNode facts, List<NotifiedEvent> events,
            int lastEventSeq) {
    }

    /** One lifecycle event of a notified person; {@code seq} is its number in the sender's history. */
    public record NotifiedEvent(int seq, EventType type, LocalDate occurredOn, String place, String note) {
    }

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final OrganisationRepository organisations;
    private final PersonRepository persons;
    private final EventRepository events;

    NotificationFeed(JdbcClient jdbc, OrganisationRepository organisations, PersonRepository persons,
            EventRepository events) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.persons = persons;
        this.events = events;
    }

    /**
     * The notified persons {@code holder} holds that {@code receiver} may read and that changed since they were sent
     * (a version other than the one in {@code sent}, or never sent), in id order.
     *
     * @throws InvalidInputException when the holder is not a party or the receiver not an organisation
     */
    @Transactional(readOnly = true)
    public List<NotifiedRecord> changedSince(String holder, String receiver, Map<Long, Sent> sent) {
        Organisation holding = organisations.findByCode(holder).filter(o -> o.kind() == OrganisationKind.PARTY)
                .orElseThrow(() -> new InvalidInputException("from", "'" + holder + "' is not a party"));
        Organisation reader = organisations.findByCode(receiver)
                .orElseThrow(() -> new InvalidInputException("to", "'" + receiver + "' is not a known organisation"));
        if (reader.id() == holding.id()) {
            throw new InvalidInputException("to", "a party does not send itself a bundle");
        }
        Caller view = receiverView(reader);
        Map<String, Object> params = new HashMap<>();
        String visible = PersonRepository.visibleTo(view, params);
        params.put("holder", holding.id());
        List<Long> changed = new ArrayList<>();
        jdbc.sql("select p.id, p.version from person p where p.holding_party_id = :holder "
                        + "and p.notified_on is not null and " + visible + " order by p.id")
                .params(params).query((java.sql.ResultSet rs) -> {
                    Sent before = sent.get(rs.getLong(1));
                    if (before == null || before.version() != rs.getInt(2)) {
                        changed.add(rs.getLong(1));
                    }
                });
        List<NotifiedRecord> records = new ArrayList<>(changed.size());
        for (int from = 0; from < changed.size(); from += BATCH) {
            List<Long> batch = changed.subList(from, Math.min(changed.size(), from + BATCH));
            Map<Long, Person> byId = new HashMap<>();
            persons.find(batch).forEach(p -> byId.put(p.id(), p));
            Map<Long, List<LifecycleEvent>> histories = events.histories(batch);
            for (long id : batch) {
                Person person = byId.get(id);
                Sent before = sent.get(id);
                records.add(record(view, person, histories.get(id), before == null ? 0 : before.lastEventSeq()));
            }
        }
        return records;
    }

    /** The receiving organisation as a reader of this instance's records. */
    private static Caller receiverView(Organisation reader) {
        return new Caller(0, "bundle:" + reader.code(), reader.code(), reader.kind() == OrganisationKind.INTERMEDIARY,
                Set.of(Role.VIEWER));
    }

    private static NotifiedRecord record(Caller view, Person stored, List<LifecycleEvent> history, int sentUpTo) {
        Person person = RecordAccess.redact(view, stored);
        ObjectNode facts = PersonJson.writeFacts(person.facts());
        facts.remove(PersonJson.SOURCES);
        List<String> unknown = new ArrayList<>();
        facts.properties().forEach(member -> {
            if (member.getValue().isNull()) {
                unknown.add(member.getKey());
            }
        });
        facts.remove(unknown);
        List<NotifiedEvent> notified = new ArrayList<>();
        int last = sentUpTo;
        for (LifecycleEvent event : RecordAccess.redact(view, stored, history)) {
            last = Math.max(last, event.seq());
            if (event.seq() > sentUpTo && !event.superseded() && event.type() != EventType.CORRECTION
                    && event.type() != EventType.VISITED) {
                notified.add(new NotifiedEvent(event.seq(), event.type(), event.occurredOn(), event.place(),
                        event.note()));
            }
        }
        return new NotifiedRecord(person.id(), person.publicId(), person.version(), facts, notified, last);
    }
}
