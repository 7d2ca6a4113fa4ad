package org.parley.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Merges the persons of a notification bundle a sender (a party's instance) sent into this registry, inside the
 * bundle's transaction: a person is found by the sender's record id (table {@code notification_link}) or created;
 * every fact is recorded with source {@link FactSource#PARTY_NOTIFICATION}; a changed fact is a correction that keeps
 * the old value; the events the sender added are appended under the lifecycle rules. Any person or event refused
 * refuses the whole bundle (the caller's transaction rolls back), naming the person and why.
 */
@Service
public class NotificationMerge {

    /** A person as the bundle gives it: the sender's record id, the facts (JSON as the API names them), events. */
    public record Incoming(String senderRecord, JsonNode facts, List<NotificationFeed.NotifiedEvent> events) {
    }

    /** How many persons were created and updated, and how many events appended. */
    public record Result(int created, int updated, int events) {
    }

    /** Facts a notification carries are as the holding party states them; the receiver has not checked them. */
    private static final FactRecord NOTIFIED = new FactRecord(FactSource.PARTY_NOTIFICATION, Confidence.PROBABLE, null);

    private final JdbcClient jdbc;
    private final RegistryService registry;
    private final OrganisationRepository organisations;
    private final PersonRepository persons;
    private final EventRepository events;
    private final PersonBulkLoader bulkLoader;
    private final PersonStates states;
    private final AuditLog audit;

    NotificationMerge(JdbcClient jdbc, RegistryService registry, OrganisationRepository organisations,
            PersonRepository persons, EventRepository events, PersonBulkLoader bulkLoader, PersonStates states,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.organisations = organisations;
        this.persons = persons;
        this.events = events;
        this.bulkLoader = bulkLoader;
        this.states = states;
        this.audit = audit;
    }

    /**
     * Merges the persons, in order, as {@code by} (audited as such).
     *
     * @throws InvalidInputException naming {@code persons[i].…} when a fact cannot be read or the holder is not the
     *         sender
     * @throws ConflictException {@code invalid-transition} naming the person and event the lifecycle refuses
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Result merge(Caller by, String sender, List<Incoming> incoming, String reason) {
        Organisation from = organisations.findByCode(sender)
                .orElseThrow(() -> new InvalidInputException("sender", "'" + sender + "' is not a known organisation"));
        List<NewPerson> created = new ArrayList<>();
        List<Incoming> createdFrom = new ArrayList<>();
        Map<String, Long> partyIds = new LinkedHashMap<>();
        int updated = 0;
        int appended = 0;
        List<Long> announced = new ArrayList<>();
        Map<String, Long> links = links(from.id(), incoming);
        for (int i = 0; i < incoming.size(); i++) {
            Incoming person = incoming.get(i);
            PersonInput facts = facts(i, person.facts(), sender, partyIds);
            Optional<Long> linked = Optional.ofNullable(links.get(person.senderRecord()));
            if (linked.isEmpty()) {
                created.add(new NewPerson(facts, inputs(i, person, 0, Lifecycle.State.START)));
                createdFrom.add(person);
            } else {
                int version = registry.stored(linked.get()).version();
                appended += mergeInto(by, i, from.id(), linked.get(), person, facts, reason);
                announced.add(linked.get());
                if (registry.stored(linked.get()).version() != version) {
                    updated++;
                }
            }
        }
        if (!created.isEmpty()) {
            List<Long> ids = bulkLoader.load(created, partyIds);
            jdbc.sql("insert into notification_link (sender_id, sender_record, person_id, last_event_seq) "
                            + "select :sender, u.record, u.person, u.seq from unnest(:records, :persons, :seqs) "
                            + "as u(record, person, seq)")
                    .param("sender", from.id())
                    .param("records", createdFrom.stream().map(Incoming::senderRecord).toArray(String[]::new))
                    .param("persons", ids.toArray(Long[]::new))
                    .param("seqs", createdFrom.stream().map(p -> lastSeq(p, 0)).toArray(Integer[]::new))
                    .update();
            appended += createdFrom.stream().mapToInt(p -> p.events().size()).sum();
            audit.appendAll(by, states.changes(AuditActions.CREATE, persons.find(ids), events.latest(ids)));
            announced.addAll(ids);
        }
        registry.announce(by, announced);
        return new Result(created.size(), updated, appended);
    }

    /** The local persons of the sender's records received before, by the sender's record id. */
    private Map<String, Long> links(long senderId, List<Incoming> incoming) {
        Map<String, Long> links = new java.util.HashMap<>();
        jdbc.sql("select sender_record, person_id from notification_link where sender_id = :sender "
                        + "and sender_record = any(:records)")
                .param("sender", senderId)
                .param("records", incoming.stream().map(Incoming::senderRecord).toArray(String[]::new))
                .query((java.sql.ResultSet rs) -> {
                    links.put(rs.getString(1), rs.getLong(2));
                });
        return links;
    }

    /** A known person: new facts as a correction, then the new events, each change audited. */
    private int mergeInto(Caller by, int index, long senderId, long personId, Incoming incoming, PersonInput facts,
            String reason) {
        Person current = registry.storedForUpdate(personId);
        int lastSeq = jdbc.sql("select last_event_seq from notification_link where person_id = :id")
                .param("id", personId).query(Integer.class).single();
        current = registry.correct(by, current, facts, reason);
        if (incoming.events().isEmpty()) {
            return 0;
        }
        List<LifecycleEvent> history = events.history(personId);
        Lifecycle.State state = Lifecycle.replay(history);
        List<EventInput> inputs = inputs(index, incoming, lastSeq, state);
        for (EventInput input : inputs) {
            state = Lifecycle.apply(state, input.type(), input.occurredOn());
        }
        states.keepReplaced(current, history.get(history.size() - 1));
        LifecycleEvent last = null;
        String place = null;
        for (EventInput input : inputs) {
            last = events.append(personId, input, null);
            if (RecordAccess.movesPerson(input.type()) && input.place() != null) {
                place = input.place();
            }
        }
        persons.updateLifecycle(personId, state, place);
        jdbc.sql("update notification_link set last_event_seq = :seq where sender_id = :sender and person_id = :id")
                .param("seq", lastSeq(incoming, lastSeq)).param("sender", senderId).param("id", personId).update();
        audit.append(by, states.change(AuditActions.ADD_EVENT, registry.stored(personId), last));
        return inputs.size();
    }

    /** The events as inputs, checked in order against the lifecycle from {@code state}. */
    private static List<EventInput> inputs(int index, Incoming person, int receivedUpTo, Lifecycle.State state) {
        List<EventInput> inputs = new ArrayList<>();
        int previous = receivedUpTo;
        for (int k = 0; k < person.events().size(); k++) {
            NotificationFeed.NotifiedEvent event = person.events().get(k);
            String where = "persons[" + index + "].events[" + k + "]";
            if (event.seq() <= previous) {
                throw new InvalidInputException(where + ".seq", "event " + event.seq() + " of record "
                        + person.senderRecord() + " comes after event " + previous + (previous == receivedUpTo
                        ? ", which was already received" : "") + ": events go in increasing order, each once");
            }
            previous = event.seq();
            if (event.type() == EventType.CORRECTION || event.type() == EventType.VISITED) {
                throw new InvalidInputException(where + ".type", event.type() + " is not notified by a party");
            }
            EventInput input = new EventInput(event.type(), event.occurredOn(), event.place(), event.note(), null);
            try {
                state = Lifecycle.apply(state, input.type(), input.occurredOn());
            } catch (InvalidTransitionException e) {
                throw new ConflictException("invalid-transition", "record " + person.senderRecord() + " ("
                        + where + "): " + e.getMessage() + "; nothing of the bundle was stored",
                        Map.of("record", person.senderRecord(), "event", event.type().name()));
            }
            inputs.add(input);
        }
        if (state.status() == null) {
            throw new InvalidInputException("persons[" + index + "].events", "record " + person.senderRecord()
                    + " is new here, so its history must start with CAPTURED");
        }
        return inputs;
    }

    private static int lastSeq(Incoming person, int before) {
        return person.events().isEmpty() ? before : person.events().get(person.events().size() - 1).seq();
    }

    /** The facts, read as the API reads a person's, each with source PARTY_NOTIFICATION. */
    private PersonInput facts(int index, JsonNode node, String sender, Map<String, Long> partyIds) {
        JsonInput in = new JsonInput();
        PersonInput read;
        try {
            read = PersonJson.read(node, Set.of(), in);
            in.throwIfAny();
            partyIds.putAll(registry.partyIds(read));
        } catch (InvalidInputException e) {
            List<FieldError> errors = e.errors().stream()
                    .map(f -> new FieldError("persons[" + index + "].facts." + f.field(), f.reason())).toList();
            throw new InvalidInputException(errors);
        }
        if (!sender.equals(read.get(PersonField.HOLDING_PARTY))) {
            throw new InvalidInputException("persons[" + index + "].facts.holdingParty", "is '"
                    + read.get(PersonField.HOLDING_PARTY) + "': a party notifies only the persons it holds, and the "
                    + "sender is '" + sender + "'");
        }
        Map<PersonField, FactRecord> sources = new EnumMap<>(PersonField.class);
        read.values().keySet().forEach(f -> sources.put(f, NOTIFIED));
        return new PersonInput(read.values(), sources);
    }
}
