package org.parley.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.audit.AuditLog;
import org.parley.registry.Organisation;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reconciliation of request versions as each participant may read it, and the holder's decisions
 * (README, "Exchange rounds"). The holder and the intermediary read everything. The requesting party reads an
 * entry's outcome and person only once the holder has confirmed or rejected it, only persons it may see under the
 * registry's rules, and never the candidates: they are records of other persons.
 */
@Service
public class ReconciliationService {

    private final ExchangeService exchanges;
    private final ListService lists;
    private final ListRepository listRepository;
    private final MatchRepository matches;
    private final RegistryService registry;
    private final AuditLog audit;
    private final PublicIds publicIds;

    ReconciliationService(ExchangeService exchanges, ListService lists, ListRepository listRepository,
            MatchRepository matches, RegistryService registry, AuditLog audit, PublicIds publicIds) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.listRepository = listRepository;
        this.matches = matches;
        this.registry = registry;
        this.audit = audit;
        this.publicIds = publicIds;
    }

    /**
     * One requested entry as the caller may read it. For the requesting party before the holder's decision,
     * outcome, person, score, explanation and reason are null.
     */
    public record Item(ListEntry entry, MatchOutcome outcome, Long personId, Double score, String explanation,
            List<Match.Candidate> candidates, IneligibleReason reason, Confirmation confirmation) {
    }

    /** The items of a version and their counts by outcome (PENDING: outcomes the caller may not read yet). */
    public record View(ListVersion version, boolean full, List<Item> items, Map<String, Long> counts) {
    }

    public enum Verdict { CONFIRM, REJECT }

    /** How many decisions the holder made on one party's request lists in a round, and when the latest. */
    public record DecisionSummary(long decisions, Instant latest) {
    }

    /**
     * The decisions made on each party's request lists of a round (by requesting party's code), for its timeline.
     * Every participant may read the counts: the requesting party reads each decided outcome anyway.
     */
    public Map<String, DecisionSummary> decisionSummary(Caller caller, String roundId) {
        return matches.decisionSummary(exchanges.round(caller, roundId).id());
    }

    public View view(Caller caller, String roundId, String party, int number) {
        Round round = exchanges.round(caller, roundId);
        ListVersion version = lists.stored(round, party, ListKind.REQUEST, number, roundId);
        boolean full = caller.intermediary() || round.other(party).equals(caller.organisation());
        List<ListEntry> entries = listRepository.entries(version.id());
        Map<String, Match> byRef = matches.ofVersionUnordered(version.id()).stream()
                .collect(Collectors.toMap(Match::ref, Function.identity()));
        Map<String, Decision> decisions = matches.decisionsFor(version.id()).stream()
                .collect(Collectors.toMap(Decision::ref, Function.identity()));
        List<Item> items = new ArrayList<>(entries.size());
        for (ListEntry entry : entries) {
            items.add(item(entry, byRef.get(entry.ref()), decisions.get(entry.ref())));
        }
        if (!full) {
            items = forRequester(caller, items);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (MatchOutcome outcome : MatchOutcome.values()) {
            counts.put(outcome.name(), 0L);
        }
        if (!full) {
            counts.put(Confirmation.PENDING.name(), 0L);
        }
        items.forEach(i -> counts.merge(i.outcome() == null ? Confirmation.PENDING.name() : i.outcome().name(), 1L,
                Long::sum));
        return new View(version, full, items, counts);
    }

    /** The match with the holder's decision applied: a person picked or confirmed for an entry is found. */
    static Item item(ListEntry entry, Match match, Decision decision) {
        Confirmation confirmation = decision == null ? Confirmation.PENDING : decision.decision();
        MatchOutcome outcome = match.outcome();
        Long personId = match.personId();
        if (decision != null && decision.decision() == Confirmation.CONFIRMED && decision.personId() != null
                && !decision.personId().equals(match.personId())) {
            outcome = MatchOutcome.FOUND;
            personId = decision.personId();
        }
        return new Item(entry, outcome, personId, match.score(), match.explanation(), match.candidates(),
                outcome == MatchOutcome.NOT_ELIGIBLE ? match.reason() : null, confirmation);
    }

    private List<Item> forRequester(Caller caller, List<Item> items) {
        Set<Long> decided = items.stream().filter(i -> i.confirmation() == Confirmation.CONFIRMED
                && i.personId() != null).map(Item::personId).collect(Collectors.toSet());
        Set<Long> visible = new HashSet<>();
        registry.visible(caller, decided).forEach(p -> visible.add(p.id()));
        return items.stream().map(i -> switch (i.confirmation()) {
            case PENDING -> new Item(i.entry(), null, null, null, null, List.of(), null, Confirmation.PENDING);
            case REJECTED -> new Item(i.entry(), i.outcome(), null, null, null, List.of(), null,
                    Confirmation.REJECTED);
            case CONFIRMED -> new Item(i.entry(), i.outcome(), visible.contains(i.personId()) ? i.personId() : null,
                    null, null, List.of(), i.reason(), Confirmation.CONFIRMED);
        }).toList();
    }

    /**
     * The holder's negotiator confirms an entry's match, picks a person for it ({@code personId}, a person the
     * holder holds), or rejects the match. Decided on the list's latest version; the decision holds in later
     * versions for as long as the entry is unchanged.
     */
    @Transactional
    public Item decide(Caller caller, String roundId, String party, int number, String ref, Verdict verdict,
            String personId) {
        return decide(caller, roundId, party, number, ref, verdict, personId, Instant.now());
    }

    /** Decides at a given time (now, but for the demo world, whose decisions are weeks old). */
    @Transactional
    public Item decide(Caller caller, String roundId, String party, int number, String ref, Verdict verdict,
            String personId, Instant at) {
        Round round = exchanges.roundForUpdate(caller, roundId);
        Organisation requester = lists.partyOf(round, party, roundId);
        String holder = round.other(party);
        RoundAccess.requireNegotiatorOf(caller, holder, roundId, "confirm or reject the matches of lists asking it");
        ExchangeService.requireNegotiating(round, roundId);
        ListVersion version = lists.stored(round, party, ListKind.REQUEST, number, roundId);
        int latest = listRepository.latestNumber(round.id(), requester.id(), ListKind.REQUEST);
        if (number != latest) {
            throw new ConflictException("stale-version", "version " + number + " is not the latest of the request "
                    + "list of " + party + " (" + latest + "): decide on the latest", Map.of("latest", latest));
        }
        ListEntry entry = listRepository.entry(version.id(), ref)
                .orElseThrow(() -> NotFoundException.absent("entry of version " + number, ref));
        Match match = matches.ofEntry(version.id(), ref).orElseThrow();
        Long person = verdict == Verdict.CONFIRM ? confirmedPerson(caller, holder, match, personId) : rejected(personId);
        long id = matches.insertDecision(round.id(), requester.id(), ref, entry.contentHash(), version.id(),
                verdict == Verdict.CONFIRM ? Confirmation.CONFIRMED : Confirmation.REJECTED, person,
                caller.username(), ExchangeService.micros(at));
        Decision decision = matches.decision(id);
        audit.append(caller, DecisionStates.change(decision));
        return item(entry, match, decision);
    }

    private Long confirmedPerson(Caller caller, String holder, Match match, String personId) {
        if (personId == null) {
            if (match.outcome() == MatchOutcome.AMBIGUOUS) {
                throw new InvalidInputException("personId", "is required to confirm an ambiguous entry: pick one "
                        + "of its candidates");
            }
            return match.personId();
        }
        long id;
        try {
            id = publicIds.parse(PublicIds.Kind.PERSON, personId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("personId", "no person you may see has this id");
        }
        List<Person> found = registry.visible(caller, List.of(id));
        if (found.isEmpty()) {
            throw new InvalidInputException("personId", "no person you may see has this id");
        }
        if (!holder.equals(found.get(0).get(PersonField.HOLDING_PARTY))) {
            throw new InvalidInputException("personId", "person " + personId + " is not held by " + holder);
        }
        return id;
    }

    private static Long rejected(String personId) {
        if (personId != null) {
            throw new InvalidInputException("personId", "is only given with CONFIRM (to pick a person)");
        }
        return null;
    }
}
