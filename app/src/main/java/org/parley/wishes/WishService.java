package org.parley.wishes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.parley.registry.Page;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
import org.parley.registry.Status;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repatriation wishes (README, "Repatriation wishes" and "Access control"): who may record which statements,
 * who may read them, the derived status, the intermediary's interview queue, and the rule exchanges obey.
 * <ul>
 * <li>The detaining power's registrars record what they heard (interrogation) or were given (written
 * declaration); the intermediary's interviewers record private interviews, the only verified statements, and
 * written declarations. The power of origin records none.</li>
 * <li>The text and details of a statement are read by the intermediary, and by the detaining power for the
 * statements it took itself. The power of origin reads only the derived status.</li>
 * </ul>
 */
@Service
public class WishService {

    static final String RECORD = "statement";
    /** The problem type of a statement for a person no longer held. */
    public static final String NOT_IN_CUSTODY = "not-in-custody";
    private static final String PERSON = "person";
    public static final int MAX_TEXT = 4000;
    public static final int MAX_PLACE = 500;
    public static final int MAX_LANGUAGE = 35;

    private final StatementRepository statements;
    private final RegistryService registry;
    private final AuditLog audit;
    private final ObjectProvider<QueuePriority> priorities;

    WishService(StatementRepository statements, RegistryService registry, AuditLog audit,
            ObjectProvider<QueuePriority> priorities) {
        this.statements = statements;
        this.registry = registry;
        this.audit = audit;
        this.priorities = priorities;
    }

    /** Records a statement; 404 if the caller may not see the person, 403 if their role may not record it. */
    @Transactional
    public Statement record(Caller caller, long personId, StatementInput input) {
        Person person = registry.getLocked(caller, personId);
        checkMayRecord(caller, person, input.method());
        requireInCustody(person);
        check(person, input, caller);
        boolean verified = caller.intermediary() && input.method() == StatementMethod.PRIVATE_INTERVIEW;
        long id = statements.insert(personId, input, caller, verified);
        statements.lockStatus(personId);
        statements.storeWish(personId, WishDerivation.derive(statements.ofPerson(personId)));
        Statement recorded = statements.find(id);
        audit.append(caller, new AuditLog.Change(StatementStates.ACTION, StatementStates.RECORD_TYPE,
                String.valueOf(id), StatementStates.VERSION, StatementStates.canonical(recorded)));
        return recorded;
    }

    /**
     * A statement about going home is taken while the detaining power holds the person ({@link Status#inCustody}):
     * once released, exchanged, repatriated, escaped or dead there is nobody to ask, and a statement recorded then
     * would stand as if the person had been heard in custody. 409 naming the status otherwise.
     */
    private static void requireInCustody(Person person) {
        if (!recordsNow(person)) {
            throw new ConflictException(NOT_IN_CUSTODY, "person " + person.publicId() + " is " + person.status()
                    + ", not in custody: a statement is recorded only while a person is held",
                    Map.of(PERSON, person.publicId(), "status", person.status().name()));
        }
    }

    /**
     * The methods of statement the caller's role may record for this person (none for the power of origin), whether
     * or not the person is still in custody ({@link #recordsNow}).
     */
    public List<StatementMethod> methodsFor(Caller caller, Person person) {
        List<StatementMethod> allowed = new ArrayList<>();
        for (StatementMethod method : StatementMethod.values()) {
            try {
                checkMayRecord(caller, person, method);
                allowed.add(method);
            } catch (ForbiddenException e) {
                // not this one
            }
        }
        return allowed;
    }

    /** Whether statements are recorded for this person now: only while the person is held. */
    public static boolean recordsNow(Person person) {
        return person.status().inCustody();
    }

    /** Whether the caller reads statements of this person at all (the power of origin does not). */
    public boolean readsStatements(Caller caller, Person person) {
        return caller.intermediary() || holds(caller, person);
    }

    /** The statements whose details the caller may read; the power of origin reads none (403). */
    public List<Statement> statements(Caller caller, long personId) {
        return statements(caller, registry.get(caller, personId));
    }

    /** The same, for a person the registry has already given the caller. */
    public List<Statement> statements(Caller caller, Person person) {
        if (!readsStatements(caller, person)) {
            throw new ForbiddenException("the power of origin receives the wish status only, not the statements",
                    PERSON, person.publicId());
        }
        return statements.readable(person.id(), caller);
    }

    /** The derived wish of a person the caller may see. */
    public DerivedWish wish(Caller caller, long personId) {
        registry.get(caller, personId);
        return stored(personId);
    }

    /**
     * A person's derived wish as stored with the latest statement ({@link #record}): what deriving it from all the
     * person's statements gives, read as one row.
     */
    private DerivedWish stored(long personId) {
        return statements.storedWishes(List.of(personId)).getOrDefault(personId, DerivedWish.UNKNOWN);
    }

    /** The derived wishes of persons the caller has already been allowed to see (the registry's list). */
    public Map<Long, DerivedWish> wishes(List<Person> visible) {
        Map<Long, DerivedWish> stored = statements.storedWishes(visible.stream().map(Person::id).toList());
        Map<Long, DerivedWish> wishes = new HashMap<>();
        visible.forEach(person -> wishes.put(person.id(), stored.getOrDefault(person.id(), DerivedWish.UNKNOWN)));
        return wishes;
    }

    /**
     * The wish status of each of these persons, UNKNOWN for those without statements: for exchanges, which check
     * whole lists at once and show the statuses under their own visibility rules.
     */
    public Map<Long, WishStatus> statuses(Collection<Long> personIds) {
        Map<Long, WishStatus> statuses = new HashMap<>();
        statements.storedWishes(personIds).forEach((person, wish) -> statuses.put(person, wish.status()));
        personIds.forEach(id -> statuses.putIfAbsent(id, WishStatus.UNKNOWN));
        return statuses;
    }

    /**
     * A person waiting for an interview, with why; {@code priority} the reasons to interview them first (none for
     * most), given by other features ({@link QueuePriority}).
     */
    public record QueueEntry(Person person, DerivedWish wish, List<QueuePriority.Reason> priority) {

        /** Whether the person comes before those waiting without a reason to hurry. */
        public boolean urgent() {
            return !priority.isEmpty();
        }
    }

    /**
     * The intermediary's interview queue: persons with an unverified claim, or a verified wish contradicted by a
     * later claim, that the intermediary can see. Those another feature names as urgent ({@link QueuePriority}:
     * persons on the lists of an open exchange round) come first; within each group the oldest claim first.
     */
    public Page<QueueEntry> queue(Caller caller, int page, int size) {
        requireIntermediary(caller);
        List<Person> visible = registry.visible(caller, statements.personsToInterview());
        Map<Long, DerivedWish> derived = wishes(visible);
        // nobody to interview once the person has left custody: a statement could not be recorded any more
        List<Person> waitingPersons = visible.stream()
                .filter(p -> derived.get(p.id()).needsInterview() && recordsNow(p)).toList();
        Map<Long, List<QueuePriority.Reason>> urgent = urgent(caller,
                waitingPersons.stream().map(Person::id).toList());
        List<QueueEntry> waiting = waitingPersons.stream()
                .map(p -> new QueueEntry(p, derived.get(p.id()), urgent.getOrDefault(p.id(), List.of())))
                .sorted(Comparator.comparing((QueueEntry e) -> !e.urgent())
                        .thenComparing(e -> e.wish().oldestClaimOn())
                        .thenComparing(e -> e.person().id()))
                .toList();
        int from = Math.min(waiting.size(), page * size);
        return new Page<>(waiting.subList(from, Math.min(waiting.size(), from + size)), waiting.size(), page, size);
    }

    /** What every source of priority says of these persons, one call (one query) per source, reasons merged. */
    private Map<Long, List<QueuePriority.Reason>> urgent(Caller caller, List<Long> personIds) {
        Map<Long, List<QueuePriority.Reason>> urgent = new HashMap<>();
        if (personIds.isEmpty()) {
            return urgent;
        }
        priorities.orderedStream().forEach(source -> source.urgent(caller, personIds).forEach((person, reasons) -> {
            if (!reasons.isEmpty()) {
                urgent.computeIfAbsent(person, k -> new ArrayList<>()).addAll(reasons);
            }
        }));
        return urgent;
    }

    /**
     * How many persons the intermediary interviewed in private in each of the latest {@code weeks} weeks, this week
     * included, the latest first; a week without interviews counts 0.
     */
    public List<WeekCount> interviewsPerWeek(Caller caller, int weeks) {
        requireIntermediary(caller);
        LocalDate thisWeek = LocalDate.now().with(DayOfWeek.MONDAY);
        return statements.interviewsPerWeek(thisWeek.minusWeeks(weeks - 1L), thisWeek);
    }

    /**
     * The rule exchanges obey: a verified wish not to return keeps a person off the "to be transferred" side of an
     * agreed list; an unverified claim does not, but is flagged.
     */
    public Transferability transferability(long personId) {
        DerivedWish wish = stored(personId);
        return switch (wish.status()) {
            case VERIFIED_NOT_RETURNING -> new Transferability(false, wish.contradicted(),
                    "declines repatriation — verified by the intermediary on " + wish.verifiedOn());
            case UNVERIFIED_CLAIM -> new Transferability(true, true,
                    "unverified claim since " + wish.oldestClaimOn() + ": the intermediary should interview first");
            case VERIFIED_RETURN -> new Transferability(true, wish.contradicted(),
                    "wishes to return — verified by the intermediary on " + wish.verifiedOn());
            case UNKNOWN -> new Transferability(true, false, "no statement on record");
        };
    }

    /** A refusal names the person the statement was for, as the caller knows it. */
    private static void checkMayRecord(Caller caller, Person person, StatementMethod method) {
        if (caller.intermediary()) {
            if (!caller.has(Role.INTERVIEWER)) {
                throw new ForbiddenException("only the intermediary's interviewers record statements", PERSON,
                        person.publicId());
            }
            if (method == StatementMethod.INTERROGATION) {
                throw new ForbiddenException("the intermediary does not interrogate: record a PRIVATE_INTERVIEW or a "
                        + "WRITTEN_DECLARATION", PERSON, person.publicId());
            }
            return;
        }
        if (!holds(caller, person)) {
            throw new ForbiddenException("only the detaining power and the intermediary record statements", PERSON,
                    person.publicId());
        }
        if (!caller.has(Role.REGISTRAR)) {
            throw new ForbiddenException("only registrars of the detaining power record statements", PERSON,
                    person.publicId());
        }
        if (method == StatementMethod.PRIVATE_INTERVIEW) {
            throw new ForbiddenException("private interviews are the intermediary's; the detaining power records "
                    + "INTERROGATION or WRITTEN_DECLARATION", PERSON, person.publicId());
        }
    }

    private void check(Person person, StatementInput input, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (input.takenOn().isAfter(LocalDate.now())) {
            errors.add(new FieldError("takenOn", input.takenOn() + " is in the future"));
        }
        Object captured = person.get(PersonField.CAPTURE_DATE);
        if (captured instanceof LocalDate capture && input.takenOn().isBefore(capture)) {
            errors.add(new FieldError("takenOn", input.takenOn() + " is before the capture on "
                    + capture));
        }
        tooLong(errors, "text", input.text(), MAX_TEXT);
        tooLong(errors, "place", input.place(), MAX_PLACE);
        tooLong(errors, "language", input.language(), MAX_LANGUAGE);
        if (input.replaces() != null) {
            if (!statements.replaceable(input.replaces(), person.id(), caller.organisation())) {
                errors.add(new FieldError("replaces", "the statement named is not one your organisation took for "
                        + "this person"));
            } else if (statements.replaced(input.replaces())) {
                errors.add(new FieldError("replaces", "the statement named was already replaced"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void tooLong(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
    }

    private static boolean holds(Caller caller, Person person) {
        return caller.organisation() != null && caller.organisation().equals(person.get(PersonField.HOLDING_PARTY));
    }

    private static void requireIntermediary(Caller caller) {
        if (!caller.intermediary() || !caller.readsRecords()) {
            throw new ForbiddenException("the interview queue is the intermediary's", RECORD, null);
        }
    }
}
