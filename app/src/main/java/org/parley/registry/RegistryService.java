package org.parley.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.audit.AuditLog;
import org.parley.database.DeferredIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The registry of detained persons: records, their lifecycle, and the organisations they relate to. */
@Service
public class RegistryService {

    public static final int MAX_PAGE_SIZE = 200;

    private final OrganisationRepository organisations;
    private final PersonRepository persons;
    private final EventRepository events;
    private static final Logger log = LoggerFactory.getLogger(RegistryService.class);
    private final PersonBulkLoader bulkLoader;
    private static final Pattern ORGANISATION_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final PersonStates states;
    private final AuditLog audit;
    private final NameKeyRepository nameKeys;
    private final BlockingKeyRepository blockingKeys;
    private final PublicIds publicIds;
    /** Looked up when used: the features that contribute columns depend on this service. */
    private final ObjectProvider<PersonListColumn> listColumns;
    private final ApplicationEventPublisher announcements;

    RegistryService(OrganisationRepository organisations, PersonRepository persons, EventRepository events,
            PersonBulkLoader bulkLoader, PersonStates states, AuditLog audit, NameKeyRepository nameKeys,
            BlockingKeyRepository blockingKeys, PublicIds publicIds, ObjectProvider<PersonListColumn> listColumns,
            ApplicationEventPublisher announcements) {
        this.organisations = organisations;
        this.persons = persons;
        this.events = events;
        this.bulkLoader = bulkLoader;
        this.states = states;
        this.audit = audit;
        this.nameKeys = nameKeys;
        this.blockingKeys = blockingKeys;
        this.publicIds = publicIds;
        this.listColumns = listColumns;
        this.announcements = announcements;
    }

    /**
     * Tells the listeners, in the caller's transaction, that these persons were registered or corrected, or may have
     * become visible to more organisations ({@link PersonsAnnounced}).
     */
    void announce(Caller by, List<Long> personIds) {
        if (!personIds.isEmpty()) {
            announcements.publishEvent(new PersonsAnnounced(by, personIds));
        }
    }

    public List<Organisation> organisations() {
        return organisations.findAll();
    }

    public Optional<Organisation> organisation(String code) {
        return organisations.findByCode(code);
    }

    /**
     * Adds a party or an intermediary. The code is what the API and the lists use ({@code party-a}); the name is
     * what people read, the language that of its records.
     *
     * @throws InvalidInputException naming each field that is wrong, or a code already taken
     */
    @Transactional
    public Organisation addOrganisation(String code, String name, OrganisationKind kind, String language) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !ORGANISATION_CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "'" + code + "' is not a code: lower-case letters, digits and hyphens, "
                    + "up to 40, starting with a letter or digit"));
        } else if (organisations.findByCode(code).isPresent()) {
            errors.add(new FieldError("code", "'" + code + "' is taken"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        if (language == null || !LANGUAGE_TAG.matcher(language).matches()) {
            errors.add(new FieldError("language", "'" + language + "' is not a language tag such as uk, ru or en"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organisation added = organisations.insert(code, name.strip(), kind, language);
        audit.append(AuditActions.OPERATOR, new AuditLog.Change(AuditActions.CREATE, OrganisationStates.RECORD_TYPE,
                code, null, OrganisationStates.state(added)));
        return added;
    }

    public long countPersons() {
        return persons.count();
    }

    /** A person's record as the caller may read it; 404 when it does not exist or the caller may not see it. */
    public Person get(Caller caller, long id) {
        return RecordAccess.readable(caller, stored(id));
    }

    /** The same, by the id the API and the pages show; a made-up id is not found either. */
    public Person get(Caller caller, String publicId) {
        return get(caller, personId(publicId));
    }

    /**
     * A person's record as the caller may read it, with the row locked until the transaction ends: for a feature that
     * records something only while the person is in a given state (a statement only while held), so that no
     * lifecycle event changes the status between its check and its write. 404 as {@link #get(Caller, long)}.
     */
    @Transactional
    public Person getLocked(Caller caller, long id) {
        return RecordAccess.readable(caller, storedForUpdate(id));
    }

    /**
     * The internal key of a person's public id (see {@link PublicIds}); 404 for anything else — after the same
     * lookup a real id costs, so that the time of the answer does not tell a made-up id from a hidden record's.
     */
    public long personId(String publicId) {
        try {
            return publicIds.parse(PublicIds.Kind.PERSON, publicId);
        } catch (NotFoundException e) {
            persons.find(0);
            throw e;
        }
    }

    Person stored(long id) {
        return persons.find(id).orElseThrow(() -> notFound(id));
    }

    Person storedForUpdate(long id) {
        return persons.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private NotFoundException notFound(long id) {
        return NotFoundException.of(RecordAccess.RECORD, publicIds.of(PublicIds.Kind.PERSON, id));
    }

    /** The persons the caller may see that match the filter, one page of them, in the list's default order. */
    public Page<Person> find(Caller caller, PersonFilter filter, int page, int size) {
        return find(caller, filter, PersonSort.byDefault(filter.q() != null, NameCollation.ROOT), page, size);
    }

    /**
     * The persons the caller may see that match the filter, one page of them in the order asked for, each as the
     * caller may read it.
     *
     * @throws IllegalArgumentException for a page out of range, a column no feature contributes or a value it does
     *         not take (the controllers check them first), or an order by relevance without a name search
     */
    public Page<Person> find(Caller caller, PersonFilter filter, PersonSort sort, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_PAGE_SIZE);
        }
        if (sort.key() == PersonSort.Key.RELEVANCE && filter.q() == null) {
            throw new IllegalArgumentException("relevance orders a name search only");
        }
        RecordAccess.requireReader(caller);
        Page<Person> found = persons.find(caller, filter, contributed(filter), sort, page, size);
        return new Page<>(found.items().stream().map(p -> RecordAccess.redact(caller, p)).toList(), found.total(),
                found.page(), found.size(), found.totalCapped());
    }

    /** The columns of other features the filter asks for, with the value asked for of each. */
    Map<PersonListColumn, String> contributed(PersonFilter filter) {
        Map<PersonListColumn, String> contributed = new LinkedHashMap<>();
        filter.columns().forEach((name, choice) -> {
            PersonListColumn column = listColumns().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no list column " + name));
            if (!column.choices().contains(choice)) {
                throw new IllegalArgumentException(name + " does not take " + choice);
            }
            contributed.put(column, choice);
        });
        return contributed;
    }

    /** The columns other features add to the person list, which it can also be filtered by. */
    public List<PersonListColumn> listColumns() {
        return listColumns.orderedStream().toList();
    }

    /** Those of the persons with these ids that the caller may see, each as the caller may read it. */
    public List<Person> visible(Caller caller, Collection<Long> ids) {
        RecordAccess.requireReader(caller);
        if (ids.isEmpty()) {
            return List.of();
        }
        return persons.findVisible(caller, ids).stream().map(p -> RecordAccess.redact(caller, p)).toList();
    }

    /**
     * These persons as stored, whatever the caller may see: for a feature that shows what it takes from them under
     * rules of its own (an exchange list names the persons both parties agreed to release).
     */
    @Transactional(readOnly = true)
    public List<Person> records(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : persons.find(List.copyOf(ids));
    }

    /**
     * The persons a party holds or held, whatever their status, who share a blocking key with the records being
     * matched ({@link BlockingKeys}): key → person ids, for each key whose block (the party's persons under
     * it) holds at most {@code maxBlock}. With {@link #matchable} it gives an exchange's reconciliation the candidates
     * in its holder's registry without reading every person the holder holds. Not a caller's view: only for
     * matching, whose results are shown under the exchange's own rules.
     */
    @Transactional(readOnly = true)
    public Map<Long, long[]> heldUnderBlockingKeys(String party, long[] keys, int maxBlock) {
        long partyId = organisation(party).orElseThrow(() -> new IllegalArgumentException("no party " + party)).id();
        return blockingKeys.heldUnder(partyId, keys, maxBlock);
    }

    /** These persons as the name matcher sees them, by id; only for matching, like {@link #heldUnderBlockingKeys}. */
    @Transactional(readOnly = true)
    public List<MatchablePerson> matchable(long[] ids) {
        return ids.length == 0 ? List.of() : persons.matchable(ids);
    }

    /**
     * The SQL condition, on table {@code person} as {@code p}, that keeps only the persons the caller may see
     * (the rule of {@link #get}); its parameters are added to {@code params}. For features whose queries count
     * persons, so that a count never includes a record the caller may not see.
     */
    public String visibleCondition(Caller caller, Map<String, Object> params) {
        RecordAccess.requireReader(caller);
        return PersonRepository.visibleTo(caller, params);
    }

    public List<LifecycleEvent> history(Caller caller, long personId) {
        Person person = stored(personId);
        RecordAccess.readable(caller, person);
        return RecordAccess.redact(caller, person, events.history(personId));
    }

    /** Registers a person; the history starts with CAPTURED on the capture date. */
    @Transactional
    public Person create(Caller caller, PersonInput facts) {
        Map<String, Long> partyIds = partyIds(facts);
        RecordAccess.requireCreate(caller, facts);
        long id = persons.insert(facts, partyIds, Status.CAPTURED);
        nameKeys.store(id, facts);
        blockingKeys.store(id, facts);
        LifecycleEvent captured = events.append(id, new EventInput(EventType.CAPTURED,
                (LocalDate) facts.get(PersonField.CAPTURE_DATE), (String) facts.get(PersonField.CAPTURE_PLACE), null,
                null), null);
        Person person = stored(id);
        audit.append(caller, states.change(AuditActions.CREATE, person, captured));
        announce(caller, List.of(id));
        return person;
    }

    /**
     * Loads many persons with their whole histories in one transaction (COPY): all or nothing. Every history is
     * checked against the lifecycle rules first. The audit log gets one entry per person, by the operator. A large
     * first load builds the person tables' indexes once, after the insert, as a large import does.
     */
    @Transactional
    public List<Long> bulkLoad(List<NewPerson> newPersons) {
        Map<String, Long> partyIds = new LinkedHashMap<>();
        Map<String, Organisation> known = new LinkedHashMap<>();
        organisations.findAll().forEach(o -> known.put(o.code(), o));
        for (int i = 0; i < newPersons.size(); i++) {
            PersonInput facts = newPersons.get(i).facts();
            for (PersonField field : new PersonField[] {PersonField.HOLDING_PARTY, PersonField.POWER_OF_ORIGIN}) {
                String code = (String) facts.get(field);
                if (code != null && !partyIds.containsKey(code)) {
                    Organisation party = known.get(code);
                    if (party == null || party.kind() != OrganisationKind.PARTY) {
                        throw new InvalidInputException("persons[" + i + "]." + field.jsonName(),
                                "'" + code + "' is not a known party");
                    }
                    partyIds.put(code, party.id());
                }
            }
        }
        long step = System.nanoTime();
        DeferredIndexes deferred = bulkLoader.deferIndexes(newPersons.size(), log::info);
        List<Long> ids = bulkLoader.load(newPersons, partyIds);
        step = logged(ids.size() + " persons written", step);
        if (deferred != null) {
            deferred.restore(log::info);
        }
        bulkLoader.analyze();
        step = logged("indexes and statistics", step);
        AuditLog.Bulk bulk = audit.startBulk(ids.size());
        bulkLoader.audit(AuditActions.OPERATOR, AuditActions.BULK_LOAD, bulk, ids);
        bulk.finish(log::info);
        step = logged("their audit entries written", step);
        announce(AuditActions.OPERATOR, ids);
        logged("the persons announced (standing search)", step);
        return ids;
    }

    /** Logs how long a step of a bulk load took since {@code started}; answers now, the next step's start. */
    private static long logged(String step, long started) {
        long now = System.nanoTime();
        log.info("{} in {} ms", step, (now - started) / 1_000_000);
        return now;
    }

    /** The facts of a stored record as its holding party's registrar last wrote them (base of a merge patch). */
    public PersonInput factsForUpdate(Caller caller, long id) {
        Person person = stored(id);
        RecordAccess.requireUpdate(caller, person);
        return person.facts();
    }

    /**
     * Replaces a person's facts if {@code version} is still the stored one. What changed is kept as a CORRECTION
     * event with the old and new values, so nothing is ever lost.
     *
     * @throws ConflictException {@code stale-version} when the record changed since the caller read it
     */
    @Transactional
    public Person update(Caller caller, long id, int version, PersonInput facts, String reason) {
        Person current = storedForUpdate(id);
        RecordAccess.requireUpdate(caller, current);
        if (current.version() != version) {
            throw staleVersion(current, version);
        }
        if (!Objects.equals(current.get(PersonField.HOLDING_PARTY), facts.get(PersonField.HOLDING_PARTY))) {
            throw new InvalidInputException(PersonField.HOLDING_PARTY.jsonName(),
                    "cannot change: a person held by another party is a new record");
        }
        Object origin = current.get(PersonField.POWER_OF_ORIGIN);
        if (current.notifiedOn() != null && origin != null
                && !Objects.equals(origin, facts.get(PersonField.POWER_OF_ORIGIN))) {
            throw new ConflictException("origin-change-needs-confirmation", "person " + current.publicId()
                    + " was notified to " + origin + ": its power of origin changes only by a request the "
                    + "intermediary confirms (POST /api/v1/persons/" + current.publicId() + "/origin-changes)",
                    Map.of("powerOfOrigin", origin));
        }
        Person updated = correct(caller, current, facts, reason);
        if (updated.version() != current.version()) {
            announce(caller, List.of(id)); // a corrected name or date may now match an open tracing request
        }
        return updated;
    }

    /**
     * Writes new facts of a person read for update as a correction by the caller: the replaced state is kept, and a
     * CORRECTION event holds the old and new value of every fact that changed. Nothing changed, nothing is written.
     */
    Person correct(Caller caller, Person current, PersonInput facts, String reason) {
        return correct(caller, current, facts, partyIds(facts), reason);
    }

    /** As {@link #correct(Caller, Person, PersonInput, String)}, with the ids of the facts' parties already looked up. */
    Person correct(Caller caller, Person current, PersonInput facts, Map<String, Long> partyIds, String reason) {
        Map<String, LifecycleEvent.Change> changes = changes(current.facts(), facts);
        if (changes.isEmpty()) {
            return current;
        }
        long id = current.id();
        states.keepReplaced(current, events.latest(List.of(id)).get(id));
        if (!persons.update(id, current.version(), facts, partyIds)) {
            throw staleVersion(stored(id), current.version());
        }
        nameKeys.store(id, facts);
        blockingKeys.store(id, facts);
        LifecycleEvent correction = events.append(id, new EventInput(EventType.CORRECTION, LocalDate.now(), null,
                reason, null), changes);
        Person updated = stored(id);
        audit.append(caller, states.change(AuditActions.CORRECT, updated, correction));
        return updated;
    }

    /**
     * Gives a notified person another power of origin (or none), as the intermediary confirmed it: a correction like
     * any other, by the confirming caller, and the former power of origin keeps reading the record. Runs inside the
     * confirmation's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Person changeOrigin(Caller confirmedBy, long personId, String to, String note) {
        Person current = storedForUpdate(personId);
        Map<PersonField, Object> values = new EnumMap<>(current.facts().values());
        if (to == null) {
            values.remove(PersonField.POWER_OF_ORIGIN);
        } else {
            values.put(PersonField.POWER_OF_ORIGIN, to);
        }
        String from = (String) current.get(PersonField.POWER_OF_ORIGIN);
        if (from != null) {
            persons.addFormerOrigin(personId, organisations.findByCode(from).orElseThrow().id());
        }
        return correct(confirmedBy, current, new PersonInput(values, current.facts().sources()), note);
    }

    /**
     * Appends a lifecycle event if the person's current state allows it, and updates the derived status.
     *
     * @throws ConflictException {@code invalid-transition} naming the transition and why it is refused
     */
    @Transactional
    public LifecycleEvent addEvent(Caller caller, long personId, EventInput event) {
        Person person = storedForUpdate(personId);
        RecordAccess.requireEvent(caller, person, event.type());
        List<LifecycleEvent> history = events.history(personId);
        Lifecycle.State before = Lifecycle.replay(history);
        Lifecycle.State after;
        String place = null;
        try {
            if (event.type() == EventType.CORRECTION) {
                LifecycleEvent target = supersededTarget(history, event);
                RecordAccess.requireCorrectable(caller, person, target);
                after = Lifecycle.replay(history.stream().map(e -> e.id() == target.id() ? superseded(e) : e).toList());
                place = lastPlace(history, target.id());
            } else {
                requireEventFields(event);
                after = Lifecycle.apply(before, event.type(), event.occurredOn());
                if (RecordAccess.movesPerson(event.type())) {
                    place = event.place();
                }
            }
        } catch (InvalidTransitionException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("currentStatus", before.status() == null ? null : before.status().name());
            details.put("event", e.event().name());
            throw new ConflictException("invalid-transition", e.getMessage(), details);
        }
        states.keepReplaced(person, history.get(history.size() - 1));
        LifecycleEvent appended = events.append(personId, event, null);
        persons.updateLifecycle(person.id(), after, place);
        audit.append(caller, states.change(AuditActions.ADD_EVENT, stored(personId), appended));
        if (event.type() == EventType.NOTIFIED) {
            announce(caller, List.of(personId));
        }
        return appended;
    }

    /**
     * Records the NOTIFIED event — the notification to the power of origin (GC III Art. 122) — of each of these
     * persons on {@code date}, in one transaction: all of them or none. Each person is checked as {@link #addEvent}
     * checks one (the caller must be a registrar of the party holding every one of them), and each event is audited as
     * that single one would be. Rows are locked in id order, so that two batches never deadlock.
     *
     * @param personIds at most {@link #MAX_PAGE_SIZE}, each once
     * @throws NotFoundException for the first person (in the order given) the caller may not see, as for one
     * @throws org.parley.api.ForbiddenException for the first one the caller sees but may not notify
     * @throws NotificationsRefused naming every person the lifecycle does not allow to notify on that day
     */
    @Transactional
    public List<LifecycleEvent> notifyPersons(Caller caller, List<Long> personIds, LocalDate date) {
        if (personIds.isEmpty() || personIds.size() > MAX_PAGE_SIZE
                || personIds.stream().distinct().count() != personIds.size()) {
            throw new IllegalArgumentException("1 to " + MAX_PAGE_SIZE + " different persons");
        }
        List<Long> ids = personIds.stream().sorted().toList();
        Map<Long, Person> locked = new HashMap<>();
        persons.findForUpdate(ids).forEach(p -> locked.put(p.id(), p));
        for (long id : personIds) {
            Person person = locked.get(id);
            if (person == null) {
                throw notFound(id);
            }
            RecordAccess.requireEvent(caller, person, EventType.NOTIFIED);
        }
        Map<Long, List<LifecycleEvent>> histories = events.histories(ids);
        Map<Long, Lifecycle.State> after = new LinkedHashMap<>();
        Map<Long, LifecycleEvent> lastEvents = new HashMap<>();
        List<NotificationsRefused.Refusal> refused = new ArrayList<>();
        for (long id : personIds) {
            Person person = locked.get(id);
            List<LifecycleEvent> history = histories.get(id);
            Lifecycle.State state = Lifecycle.replay(history);
            try {
                after.put(id, Lifecycle.apply(state, EventType.NOTIFIED, date));
            } catch (InvalidTransitionException e) {
                refused.add(refusal(person, state, date, e));
            }
            lastEvents.put(id, history.get(history.size() - 1));
        }
        if (!refused.isEmpty()) {
            throw new NotificationsRefused(refused, personIds.size());
        }
        List<Person> before = ids.stream().map(locked::get).toList();
        states.keepAllReplaced(before, lastEvents);
        Map<Long, EventInput> notifications = new LinkedHashMap<>();
        ids.forEach(id -> notifications.put(id, new EventInput(EventType.NOTIFIED, date, null, null, null)));
        events.appendToEach(notifications);
        persons.updateLifecycles(after);
        Map<Long, LifecycleEvent> appended = events.latest(ids);
        audit.appendAll(caller, states.changes(AuditActions.ADD_EVENT, persons.find(ids), appended));
        announce(caller, ids);
        return personIds.stream().map(appended::get).toList();
    }

    private NotificationsRefused.Refusal refusal(Person person, Lifecycle.State state, LocalDate date,
            InvalidTransitionException e) {
        NotificationsRefused.Reason reason;
        LocalDate when = null;
        if (state.notifiedOn() != null) {
            reason = NotificationsRefused.Reason.ALREADY_NOTIFIED;
            when = state.notifiedOn();
        } else if (state.lastDate() != null && date.isBefore(state.lastDate())) {
            reason = NotificationsRefused.Reason.BEFORE_LAST_EVENT;
            when = state.lastDate();
        } else {
            reason = NotificationsRefused.Reason.STATUS;
        }
        return new NotificationsRefused.Refusal(person.publicId(), person.fullName(), reason, when, e.getMessage());
    }

    /**
     * Appends the same kind of event to many persons in one go — the outcomes of an exchange's handover, which the
     * exchange has authorised under its own rules — or none if the lifecycle refuses any of them (409 naming the
     * person). Rows are locked in id order; one audit entry per person.
     */
    @Transactional
    public void appendOutcomes(Caller caller, Map<Long, EventInput> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<Long> ids = outcomes.keySet().stream().sorted().toList();
        List<Person> before = persons.findForUpdate(ids);
        Map<Long, List<LifecycleEvent>> histories = events.histories(ids);
        Map<Long, Lifecycle.State> after = new LinkedHashMap<>();
        Map<Long, LifecycleEvent> lastEvents = new HashMap<>();
        for (Person person : before) {
            List<LifecycleEvent> history = histories.get(person.id());
            EventInput event = outcomes.get(person.id());
            Lifecycle.State state = Lifecycle.replay(history);
            try {
                after.put(person.id(), Lifecycle.apply(state, event.type(), event.occurredOn()));
            } catch (InvalidTransitionException e) {
                throw new ConflictException("invalid-transition", "person " + person.publicId() + " ("
                        + person.fullName() + "): " + e.getMessage() + "; nothing was recorded",
                        Map.of("personId", person.publicId(), "currentStatus", String.valueOf(state.status()),
                                "event", event.type().name()));
            }
            lastEvents.put(person.id(), history.get(history.size() - 1));
        }
        states.keepAllReplaced(before, lastEvents);
        events.appendToEach(outcomes);
        persons.updateLifecycles(after);
        Map<Long, LifecycleEvent> appended = events.latest(ids);
        audit.appendAll(caller, states.changes(AuditActions.ADD_EVENT, persons.find(ids), appended));
    }

    private static LifecycleEvent supersededTarget(List<LifecycleEvent> history, EventInput event) {
        if (event.supersedes() == null) {
            throw new InvalidInputException("supersedes", "a CORRECTION event names the event it supersedes (its "
                    + "id); to correct a person's facts, update the person instead");
        }
        if (event.note() == null) {
            throw new InvalidInputException("note", "the reason for the correction is required");
        }
        LifecycleEvent target = history.stream().filter(e -> e.id() == event.supersedes()).findFirst()
                .orElseThrow(() -> new InvalidInputException("supersedes",
                        "the event named is not in this person's history"));
        if (target.superseded()) {
            throw new InvalidInputException("supersedes", "event " + target.seq() + " (" + target.type()
                    + ") is already superseded");
        }
        if (target.type() == EventType.CORRECTION) {
            throw new InvalidInputException("supersedes", "a correction cannot be superseded; record a new one");
        }
        return target;
    }

    private static void requireEventFields(EventInput event) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (event.occurredOn() == null) {
            errors.add(new FieldError("occurredOn", "is required for a " + event.type() + " event"));
        }
        if (event.supersedes() != null) {
            errors.add(new FieldError("supersedes", "only a CORRECTION event supersedes another"));
        }
        if (event.type() == EventType.TRANSFERRED && event.place() == null) {
            errors.add(new FieldError("place", "a TRANSFERRED event needs the place the person was moved to"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The latest place an event moved the person to, leaving out one event (the superseded one). */
    private static String lastPlace(List<LifecycleEvent> history, long without) {
        String place = null;
        for (LifecycleEvent e : history) {
            if (e.id() != without && !e.superseded() && RecordAccess.movesPerson(e.type()) && e.place() != null) {
                place = e.place();
            }
        }
        return place;
    }

    private static LifecycleEvent superseded(LifecycleEvent e) {
        return new LifecycleEvent(e.id(), e.seq(), e.type(), e.occurredOn(), e.place(), e.note(), e.supersedes(),
                e.changes(), e.recordedAt(), true);
    }

    private static ConflictException staleVersion(Person current, int version) {
        return new ConflictException("stale-version", "person " + current.publicId() + " was changed since version "
                + version + " was read; it is now at version " + current.version()
                + ". Read it again and reapply the change.", Map.of("currentVersion", current.version()));
    }

    /** Old and new value of every fact (and source) that differs, keyed by JSON name. */
    private static Map<String, LifecycleEvent.Change> changes(PersonInput before, PersonInput after) {
        Map<String, LifecycleEvent.Change> changes = new LinkedHashMap<>();
        for (PersonField field : PersonField.values()) {
            Object from = before.get(field);
            Object to = after.get(field);
            if (!Objects.equals(from, to)) {
                changes.put(field.jsonName(), new LifecycleEvent.Change(asJson(from), asJson(to)));
            }
        }
        if (!before.sources().equals(after.sources())) {
            changes.put(PersonJson.SOURCES, new LifecycleEvent.Change(
                    PersonJson.writeFacts(before).get(PersonJson.SOURCES),
                    PersonJson.writeFacts(after).get(PersonJson.SOURCES)));
        }
        return changes;
    }

    private static Object asJson(Object value) {
        return value == null || value instanceof Boolean ? value : value.toString();
    }

    /** Resolves the party codes of a record, refusing unknown codes and intermediaries. */
    Map<String, Long> partyIds(PersonInput facts) {
        Map<String, Long> ids = new LinkedHashMap<>();
        List<FieldError> errors = new java.util.ArrayList<>();
        for (PersonField field : new PersonField[] {PersonField.HOLDING_PARTY, PersonField.POWER_OF_ORIGIN}) {
            String code = (String) facts.get(field);
            if (code == null) {
                continue;
            }
            Optional<Organisation> organisation = organisations.findByCode(code);
            if (organisation.isEmpty()) {
                errors.add(new FieldError(field.jsonName(), "'" + code + "' is not a known organisation"));
            } else if (organisation.get().kind() != OrganisationKind.PARTY) {
                errors.add(new FieldError(field.jsonName(), "'" + code + "' is an intermediary, not a party"));
            } else {
                ids.put(code, organisation.get().id());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return ids;
    }
}
