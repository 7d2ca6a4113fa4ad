package org.parley.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.parley.api.Caller;
import org.parley.api.InvalidInputException;
import org.parley.audit.AuditLog;
import org.parley.database.DeferredIndexes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's side of an import of persons and events from a file (see {@code interchange.ImportService}): rows
 * go through COPY into a staging table ({@link PersonImportStaging}), are checked and merged into the registry in
 * SQL, all inside the import's one transaction. Only a registrar of a party imports, and only persons that party
 * holds. New persons are registered as {@link RegistryService#create} registers one (CAPTURED on the capture date,
 * name keys, one audit entry each), changed ones corrected as a PATCH corrects one (the replaced state kept, a
 * CORRECTION event with old and new values, one audit entry each); rows that change nothing write nothing.
 */
@Service
public class PersonImport {

    /** The note of the CORRECTION events an import writes. */
    static final String CORRECTION_NOTE = "import";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final OrganisationRepository organisations;
    private final PersonRepository persons;
    private final EventRepository events;
    private final PersonStates states;
    private final AuditLog audit;
    private final RegistryService registry;
    private final PersonBulkLoader bulkLoader;

    PersonImport(DataSource dataSource, JdbcClient jdbc, OrganisationRepository organisations,
            PersonRepository persons, EventRepository events, PersonStates states,
            AuditLog audit, RegistryService registry, PersonBulkLoader bulkLoader) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.persons = persons;
        this.events = events;
        this.states = states;
        this.audit = audit;
        this.registry = registry;
        this.bulkLoader = bulkLoader;
    }

    /** The codes of the parties, the only organisations that hold persons or are their power of origin. */
    public Set<String> partyCodes() {
        return Set.copyOf(organisations.findAll().stream().filter(o -> o.kind() == OrganisationKind.PARTY)
                .map(Organisation::code).toList());
    }

    /** Only a registrar of the holding party imports its persons. */
    public void requireImporter(Caller caller, String holdingParty) {
        RecordAccess.requireRegistrarOfParty(caller);
        if (!caller.organisation().equals(holdingParty)) {
            throw new org.parley.api.ForbiddenException("registrars import persons held by their own organisation ("
                    + caller.organisation() + ")", RecordAccess.RECORD, null);
        }
    }

    /**
     * Opens the staging table of an import, in the caller's transaction (it goes when the transaction ends).
     *
     * @param fields the facts the file gives (its mapped columns, and a power of origin given for all rows): only
     *     these are compared and changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PersonImportStaging stage(Caller caller, String holdingParty, Set<PersonField> fields) {
        requireImporter(caller, holdingParty);
        Map<String, Long> partyIds = new LinkedHashMap<>();
        organisations.findAll().stream().filter(o -> o.kind() == OrganisationKind.PARTY)
                .forEach(o -> partyIds.put(o.code(), o.id()));
        if (!partyIds.containsKey(holdingParty)) {
            throw new InvalidInputException("holdingParty", "'" + holdingParty + "' is not a known party");
        }
        return new PersonImportStaging(this, caller, holdingParty, partyIds, fields);
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** Writes the audit entries of new persons (see {@link PersonBulkLoader#audit}). */
    void auditCreated(Caller caller, AuditLog.Bulk bulk, List<Long> ids) {
        bulkLoader.audit(caller, AuditActions.CREATE, bulk, ids);
    }

    /** See {@link PersonBulkLoader#deferIndexes}. */
    DeferredIndexes deferIndexes(long newPersons, java.util.function.Consumer<String> step) {
        return bulkLoader.deferIndexes(newPersons, step);
    }

    AuditLog.Bulk startAudit(long entries) {
        return audit.startBulk(entries);
    }

    /** Tells the registry's listeners of the persons an import registered or corrected ({@link PersonsAnnounced}). */
    void announce(Caller caller, List<Long> ids) {
        registry.announce(caller, ids);
    }

    /** Corrects one person with the facts of its row, as {@link RegistryService#update} would. */
    void correct(Caller caller, Person current, PersonInput facts, Map<String, Long> partyIds, long line) {
        registry.correct(caller, current, facts, partyIds, CORRECTION_NOTE + ", line " + line);
    }

    List<Person> lockPersons(List<Long> ids) {
        return persons.findForUpdate(ids);
    }

    /**
     * Appends the events of an import to the holding party's persons named by their prisoner numbers, in the order
     * given, each checked by the lifecycle rules as {@link RegistryService#addEvent} checks one. An event the person
     * already has (same type, date and place) is skipped, so importing the same events twice adds nothing.
     *
     * @return the rows refused, each with its reason; the others are stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventImportResult addEvents(Caller caller, String holdingParty, List<EventImportRow> rows) {
        requireImporter(caller, holdingParty);
        List<PersonImportRefusal> refused = new ArrayList<>();
        Map<String, List<EventImportRow>> byNumber = new LinkedHashMap<>();
        rows.forEach(row -> byNumber.computeIfAbsent(row.prisonerNumber(), k -> new ArrayList<>()).add(row));
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("select p.prisoner_number, p.id from person p join organisation o on o.id = p.holding_party_id "
                        + "where o.code = :party and p.prisoner_number = any(:numbers) order by p.id")
                .param("party", holdingParty).param("numbers", byNumber.keySet().toArray(String[]::new))
                .query((java.sql.ResultSet rs) -> {
                    ids.putIfAbsent(rs.getString(1), rs.getLong(2));
                });
        long added = 0;
        long unchanged = 0;
        for (Map.Entry<String, List<EventImportRow>> entry : byNumber.entrySet()) {
            Long id = ids.get(entry.getKey());
            if (id == null) {
                entry.getValue().forEach(row -> refused.add(new PersonImportRefusal(row.line(), "prisoner_number",
                        row.prisonerNumber(), "is not the prisoner number of a person " + holdingParty + " holds")));
                continue;
            }
            Person person = persons.findForUpdate(List.of(id)).get(0);
            List<LifecycleEvent> history = new ArrayList<>(events.history(id));
            Lifecycle.State state = Lifecycle.replay(history);
            for (EventImportRow row : entry.getValue()) {
                EventInput event = row.event();
                if (history.stream().anyMatch(e -> !e.superseded() && e.type() == event.type()
                        && java.util.Objects.equals(e.occurredOn(), event.occurredOn())
                        && java.util.Objects.equals(e.place(), event.place()))) {
                    unchanged++;
                    continue;
                }
                PersonImportRefusal problem = eventProblem(row);
                Lifecycle.State after = null;
                if (problem == null) {
                    try {
                        after = Lifecycle.apply(state, event.type(), event.occurredOn());
                    } catch (InvalidTransitionException e) {
                        problem = new PersonImportRefusal(row.line(), "type", event.type().name(), e.getMessage());
                    }
                }
                if (problem != null) {
                    refused.add(problem);
                    continue;
                }
                states.keepReplaced(person, history.get(history.size() - 1));
                LifecycleEvent appended = events.append(id, event, null);
                persons.updateLifecycle(id, after, RecordAccess.movesPerson(event.type()) ? event.place() : null);
                person = persons.find(id).orElseThrow();
                audit.append(caller, states.change(AuditActions.ADD_EVENT, person, appended));
                history.add(appended);
                state = after;
                added++;
            }
        }
        return new EventImportResult(added, unchanged, refused);
    }

    /** What an import of events did. */
    public record EventImportResult(long added, long unchanged, List<PersonImportRefusal> refused) {
    }

    private static PersonImportRefusal eventProblem(EventImportRow row) {
        EventInput event = row.event();
        if (event.type() == EventType.CORRECTION) {
            return new PersonImportRefusal(row.line(), "type", event.type().name(),
                    "is not imported as an event: a changed row of the person corrects it");
        }
        if (event.type() == EventType.VISITED) {
            return new PersonImportRefusal(row.line(), "type", event.type().name(),
                    "is recorded by the intermediary, not imported by the holding party");
        }
        if (event.occurredOn() == null) {
            return new PersonImportRefusal(row.line(), "occurred_on", null, "is required for a " + event.type()
                    + " event");
        }
        if (event.type() == EventType.TRANSFERRED && event.place() == null) {
            return new PersonImportRefusal(row.line(), "place", null,
                    "is required for a TRANSFERRED event: the place the person was moved to");
        }
        return null;
    }
}
