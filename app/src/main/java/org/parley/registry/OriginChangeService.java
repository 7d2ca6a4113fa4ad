package org.parley.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a notified person's power of origin (README, "Access control"). Once the holding party has notified a
 * person, the power of origin and the intermediary keep the record: the holding party cannot take it from them by
 * changing or clearing {@code powerOfOrigin}. It files a request with its reason; the intermediary's registrar
 * confirms it (the change is then a correction, and the former power of origin keeps reading the record) or
 * rejects it. Each step is an audit entry.
 */
@Service
public class OriginChangeService {

    static final int MAX_TEXT = 1000;

    private final RegistryService registry;
    private final OriginChangeRepository changes;
    private final AuditLog audit;
    private final PublicIds publicIds;

    OriginChangeService(RegistryService registry, OriginChangeRepository changes, AuditLog audit,
            PublicIds publicIds) {
        this.registry = registry;
        this.changes = changes;
        this.audit = audit;
        this.publicIds = publicIds;
    }

    /** The holding party's registrar asks for another power of origin ({@code to}; null for none). */
    @Transactional
    public OriginChange request(Caller caller, String personId, String to, String reason) {
        long id = registry.personId(personId);
        Person person = RecordAccess.readable(caller, registry.storedForUpdate(id));
        if (!caller.has(Role.REGISTRAR) || !RecordAccess.holds(caller, person)) {
            throw new ForbiddenException("only registrars of the holding party request a change of the power of "
                    + "origin", RecordAccess.RECORD, person.publicId());
        }
        String from = (String) person.get(PersonField.POWER_OF_ORIGIN);
        if (person.notifiedOn() == null || from == null) {
            throw new ConflictException("origin-change-not-needed", "person " + person.publicId() + " has not been "
                    + "notified to a power of origin: correct powerOfOrigin with PATCH", Map.of());
        }
        if (Objects.equals(from, to)) {
            throw new InvalidInputException("powerOfOrigin", "'" + to + "' is the power of origin already");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the power of origin is wrong");
        }
        if (changes.hasOpen(id)) {
            throw new ConflictException("origin-change-open", "a request to change the power of origin of person "
                    + person.publicId() + " waits for the intermediary's decision already", Map.of());
        }
        Map<String, Long> partyIds = registry.partyIds(new PersonInput(to == null ? Map.of()
                : Map.of(PersonField.POWER_OF_ORIGIN, to), Map.of()));
        if (to != null && to.equals(person.get(PersonField.HOLDING_PARTY))) {
            throw new InvalidInputException("powerOfOrigin", "'" + to + "' holds the person");
        }
        long changeId = changes.insert(id, registry.organisation(from).orElseThrow().id(),
                to == null ? null : partyIds.get(to), reason.strip(), caller.username());
        OriginChange filed = changes.find(changeId).orElseThrow();
        audit.append(caller, OriginChangeStates.change(OriginChangeStates.REQUEST, filed));
        return filed;
    }

    /** The intermediary's registrar confirms (the change is made) or rejects a request. */
    @Transactional
    public OriginChange decide(Caller caller, String personId, String changeId, OriginChange.Decision decision,
            String note) {
        long id = registry.personId(personId);
        Person person = RecordAccess.readable(caller, registry.storedForUpdate(id));
        if (!caller.intermediary() || !caller.has(Role.REGISTRAR)) {
            throw new ForbiddenException("only the intermediary's registrars decide on a change of the power of "
                    + "origin", RecordAccess.RECORD, person.publicId());
        }
        OriginChange change = ofPerson(id, changeId);
        if (!change.open()) {
            throw new ConflictException("origin-change-decided", "the request was " + change.decision()
                    + " already by " + change.decidedBy(), Map.of());
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (decision == OriginChange.Decision.CONFIRMED) {
            registry.changeOrigin(caller, id, change.to(), "power of origin changed from " + change.from() + " to "
                    + (change.to() == null ? "none" : change.to()) + ", as requested by " + change.requestedBy()
                    + " (" + change.reason() + ") and confirmed by the intermediary"
                    + (text == null ? "" : ": " + text));
        }
        changes.decide(change.id(), decision, caller.username(), text);
        OriginChange decided = changes.find(change.id()).orElseThrow();
        audit.append(caller, OriginChangeStates.change(OriginChangeStates.DECIDE, decided));
        if (decision == OriginChange.Decision.CONFIRMED) {
            registry.announce(caller, List.of(id)); // the new power of origin now reads the record
        }
        return decided;
    }

    /** The requests about one person: for its holding party and the intermediary. */
    public List<OriginChange> list(Caller caller, String personId) {
        long id = registry.personId(personId);
        Person person = registry.get(caller, id);
        if (!RecordAccess.holds(caller, person) && !caller.intermediary()) {
            throw new ForbiddenException("requests to change the power of origin are for the holding party and the "
                    + "intermediary", RecordAccess.RECORD, person.publicId());
        }
        return changes.ofPerson(id);
    }

    /** The public id of a request (see {@link PublicIds}). */
    public String publicId(OriginChange change) {
        return publicIds.of(PublicIds.Kind.ORIGIN_CHANGE, change.id());
    }

    private OriginChange ofPerson(long personId, String changeId) {
        long id = publicIds.parse(PublicIds.Kind.ORIGIN_CHANGE, changeId);
        return changes.find(id).filter(c -> c.personId() == personId)
                .orElseThrow(() -> NotFoundException.of(PublicIds.Kind.ORIGIN_CHANGE.recordType(), changeId));
    }
}
