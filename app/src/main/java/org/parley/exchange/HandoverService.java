package org.parley.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.CanonicalJson;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
import org.parley.wishes.DerivedWish;
import org.parley.wishes.WishService;
import org.parley.wishes.WishStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handover of an agreed round (README, "Exchange rounds"): the holding party's registrars and the intermediary
 * record, for each person of the agreement, whether they crossed, did not appear or declined (with a verified
 * statement not to return taken since the agreement); entries are corrected by later ones until completion. The
 * completion — by the intermediary's negotiator, or both parties' where there is no intermediary — needs an outcome
 * for everyone and, in one transaction, ends the transferred persons' custody with EXCHANGED and the declining
 * persons' with REMAINED, sets the round EXECUTED and stores its report.
 */
@Service
public class HandoverService {

    public static final int MAX_NOTE = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExchangeService exchanges;
    private final ExchangeListService exchangeLists;
    private final HandoverRepository handovers;
    private final RoundRepository rounds;
    private final RegistryService registry;
    private final WishService wishes;
    private final AuditLog audit;
    private final PublicIds publicIds;

    HandoverService(ExchangeService exchanges, ExchangeListService exchangeLists, HandoverRepository handovers,
            RoundRepository rounds, RegistryService registry, WishService wishes, AuditLog audit,
            PublicIds publicIds) {
        this.exchanges = exchanges;
        this.exchangeLists = exchangeLists;
        this.handovers = handovers;
        this.rounds = rounds;
        this.registry = registry;
        this.wishes = wishes;
        this.audit = audit;
        this.publicIds = publicIds;
    }

    public record EntryInput(String personId, HandoverOutcome outcome, String note) {
    }

    /** A person of the agreement with the latest outcome recorded (null: none yet). */
    public record Line(String side, ExchangeListDocument.Item item, HandoverEntry latest) {
    }

    /** The agreement's persons, side by side, as a checklist. */
    public record Checklist(Round round, String publicId, int agreedVersion, List<Line> lines) {

        public long missing() {
            return lines.stream().filter(l -> l.latest() == null).count();
        }
    }

    public Checklist checklist(Caller caller, String roundId) {
        Round round = exchanges.round(caller, roundId);
        return checklist(round, agreed(round, roundId));
    }

    private Checklist checklist(Round round, ExchangeListDocument agreement) {
        Map<Long, HandoverEntry> latest = handovers.latest(round.id()).stream()
                .collect(Collectors.toMap(HandoverEntry::personId, Function.identity()));
        List<Line> lines = new ArrayList<>();
        agreement.releases().forEach((side, items) -> items.forEach(i -> lines.add(new Line(side, i,
                latest.get(publicIds.parse(PublicIds.Kind.PERSON, i.personId()))))));
        return new Checklist(round, exchanges.publicId(round), agreement.version(), lines);
    }

    private ExchangeListDocument agreed(Round round, String roundId) {
        if (round.agreedVersion() == null) {
            throw new ConflictException("round-not-agreed", "round " + roundId + " has no agreement: the handover "
                    + "follows one", Map.of("state", round.state().name()));
        }
        return exchangeLists.document(round, round.agreedVersion());
    }

    @Transactional
    public List<HandoverEntry> record(Caller caller, String roundId, List<EntryInput> entries) {
        return record(caller, roundId, entries, Instant.now());
    }

    /** Records outcomes at a given time (now, but for the demo world). */
    @Transactional
    public List<HandoverEntry> record(Caller caller, String roundId, List<EntryInput> entries, Instant now) {
        Round round = exchanges.roundForUpdate(caller, roundId);
        boolean intermediary = caller.organisation() != null && caller.organisation().equals(round.intermediary())
                && (caller.has(Role.REGISTRAR) || caller.has(Role.NEGOTIATOR));
        boolean holder = round.isParty(caller.organisation()) && caller.has(Role.REGISTRAR);
        if (!intermediary && !holder) {
            throw new ForbiddenException("only the holding party's registrars and the intermediary record the "
                    + "handover", RoundAccess.RECORD, roundId);
        }
        if (round.state() != RoundState.AGREED) {
            throw new ConflictException("round-not-agreed", "round " + roundId + " is " + round.state()
                    + ": outcomes are recorded between the agreement and the completion of the handover",
                    Map.of("state", round.state().name()));
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException("entries", "is empty: record at least one outcome");
        }
        ExchangeListDocument agreement = exchangeLists.document(round, round.agreedVersion());
        Map<String, String> sideOf = new HashMap<>();
        agreement.releases().forEach((side, items) -> items.forEach(i -> sideOf.put(i.personId(), side)));
        List<FieldError> errors = new ArrayList<>();
        List<String> notTheirs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<HandoverEntry> toStore = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            EntryInput e = entries.get(i);
            String side = sideOf.get(e.personId());
            if (side == null) {
                errors.add(new FieldError("entries[" + i + "].personId", "person " + e.personId()
                        + " is not on the agreement (exchange-list version " + round.agreedVersion() + ")"));
            } else if (!seen.add(e.personId())) {
                errors.add(new FieldError("entries[" + i + "].personId", "names the same person twice"));
            } else if (!intermediary && !side.equals(caller.organisation())) {
                notTheirs.add(e.personId());
            } else {
                toStore.add(new HandoverEntry(0, round.id(), publicIds.parse(PublicIds.Kind.PERSON, e.personId()),
                        e.outcome(), e.note(), null, null));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!notTheirs.isEmpty()) {
            throw new ForbiddenException("a party's registrars record the handover of the persons it releases only, "
                    + "not of " + String.join(", ", notTheirs), RoundAccess.RECORD, roundId);
        }
        requireVerifiedDeclines(round, toStore, now);
        List<HandoverEntry> stored = handovers.insert(round.id(), toStore, caller.username(),
                ExchangeService.micros(now));
        audit.appendAll(caller, stored.stream().map(HandoverStates::change).toList());
        return stored;
    }

    /** DECLINED stands only on a verified statement not to return taken on or after the agreement. */
    private void requireVerifiedDeclines(Round round, List<HandoverEntry> entries, Instant now) {
        List<Long> declining = entries.stream().filter(e -> e.outcome() == HandoverOutcome.DECLINED)
                .map(HandoverEntry::personId).toList();
        if (declining.isEmpty()) {
            return;
        }
        List<Person> persons = registry.records(declining);
        Map<Long, DerivedWish> wishOf = wishes.wishes(persons);
        LocalDate agreedOn = LocalDate.ofInstant(round.agreedAt(), ZoneOffset.UTC);
        List<String> unverified = new ArrayList<>();
        for (Person p : persons) {
            DerivedWish wish = wishOf.get(p.id());
            if (wish.status() != WishStatus.VERIFIED_NOT_RETURNING || wish.verifiedOn().isBefore(agreedOn)) {
                unverified.add(p.publicId());
            }
        }
        if (!unverified.isEmpty()) {
            throw new ConflictException("decline-not-verified", "DECLINED needs a verified statement not to return "
                    + "taken on or after the agreement (" + agreedOn + "); none for " + String.join(", ", unverified)
                    + ": the intermediary interviews the person first", Map.of("persons", unverified));
        }
    }

    /** What a completion request did: completed the round, or recorded one party's request and waits for the other. */
    public record Completion(boolean executed, List<String> requestedBy) {
    }

    @Transactional
    public Completion complete(Caller caller, String roundId) {
        return complete(caller, roundId, Instant.now());
    }

    /** Completes at a given time (now, but for the demo world). */
    @Transactional
    public Completion complete(Caller caller, String roundId, Instant now) {
        Round round = exchanges.roundForUpdate(caller, roundId);
        boolean byIntermediary = round.intermediary() != null && round.intermediary().equals(caller.organisation());
        boolean byParty = round.intermediary() == null && round.isParty(caller.organisation());
        if (!caller.has(Role.NEGOTIATOR) || !(byIntermediary || byParty)) {
            throw new ForbiddenException(round.intermediary() == null
                    ? "in a round without intermediary, both parties' negotiators complete the handover"
                    : "the intermediary's negotiators complete the handover", RoundAccess.RECORD, roundId);
        }
        if (round.state() != RoundState.AGREED) {
            throw new ConflictException("round-not-agreed", "round " + roundId + " is " + round.state()
                    + ": only an agreed round's handover is completed", Map.of("state", round.state().name()));
        }
        Checklist checklist = checklist(round, exchangeLists.document(round, round.agreedVersion()));
        List<String> missing = checklist.lines().stream().filter(l -> l.latest() == null)
                .map(l -> l.item().personId()).toList();
        if (!missing.isEmpty()) {
            throw new ConflictException("handover-incomplete", missing.size() + " person(s) of the agreement have "
                    + "no outcome yet: " + checklist.lines().stream().filter(l -> l.latest() == null)
                    .map(l -> l.item().identity().name() + " (" + l.item().personId() + ")")
                    .collect(Collectors.joining(", ")), Map.of("persons", missing));
        }
        Instant at = ExchangeService.micros(now);
        if (byParty) {
            long own = registry.organisation(caller.organisation()).orElseThrow().id();
            if (handovers.requestCompletion(round.id(), own, caller.username(), at)) {
                audit.append(caller, CompletionRequestStates.change(round.id(), caller.organisation(),
                        caller.username(), at));
            }
            List<String> asked = handovers.completionRequests(round.id());
            if (!asked.containsAll(round.parties())) {
                return new Completion(false, asked);
            }
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        String note = "exchange round " + checklist.publicId() + " (" + round.title() + "), agreement version "
                + round.agreedVersion();
        Map<Long, EventInput> outcomes = new LinkedHashMap<>();
        for (Line line : checklist.lines()) {
            HandoverOutcome outcome = line.latest().outcome();
            if (outcome != HandoverOutcome.DID_NOT_APPEAR) {
                outcomes.put(line.latest().personId(), new EventInput(outcome == HandoverOutcome.TRANSFERRED
                        ? EventType.EXCHANGED : EventType.REMAINED, day, null, note, null));
            }
        }
        registry.appendOutcomes(caller, outcomes);
        rounds.execute(round.id(), at);
        Round executed = rounds.find(round.id()).orElseThrow();
        audit.append(caller, RoundStates.change(RoundStates.EXECUTE, executed));
        String report = CanonicalJson.write(report(executed, checklist));
        handovers.insertReport(round.id(), report, at);
        audit.append(caller, ReportStates.change(round.id(), report));
        return new Completion(true, handovers.completionRequests(round.id()));
    }

    /** Agreed against transferred by side, category, rank group and Art. 110 flag; who did not appear or declined. */
    private ObjectNode report(Round round, Checklist checklist) {
        Map<Long, Person> persons = registry.records(checklist.lines().stream().map(l -> l.latest().personId())
                .toList()).stream().collect(Collectors.toMap(Person::id, Function.identity()));
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("exchange", checklist.publicId());
        node.put("title", round.title());
        node.put("agreedVersion", round.agreedVersion());
        node.put("agreedAt", round.agreedAt().toString());
        node.put("executedAt", round.executedAt().toString());
        ObjectNode sides = node.putObject("sides");
        for (String side : round.parties()) {
            Map<String, int[]> byCategory = new TreeMap<>();
            Map<String, int[]> byRankGroup = new TreeMap<>();
            int[] total = new int[4];
            int[] art110 = new int[2];
            for (Line line : checklist.lines()) {
                if (!line.side().equals(side)) {
                    continue;
                }
                Person p = persons.get(line.latest().personId());
                HandoverOutcome outcome = line.latest().outcome();
                boolean transferred = outcome == HandoverOutcome.TRANSFERRED;
                total[0]++;
                total[1 + outcome.ordinal()]++;
                count(byCategory, key(p.get(PersonField.CATEGORY)), transferred);
                count(byRankGroup, key(p.get(PersonField.RANK_GROUP)), transferred);
                if (Boolean.TRUE.equals(p.get(PersonField.SERIOUSLY_ILL_OR_WOUNDED))) {
                    art110[0]++;
                    art110[1] += transferred ? 1 : 0;
                }
            }
            ObjectNode s = sides.putObject(side);
            s.put("agreed", total[0]).put("transferred", total[1]).put("didNotAppear", total[2])
                    .put("declined", total[3]);
            breakdown(s.putObject("byCategory"), byCategory);
            breakdown(s.putObject("byRankGroup"), byRankGroup);
            s.putObject("seriouslyIllOrWounded").put("agreed", art110[0]).put("transferred", art110[1]);
        }
        ArrayNode didNotAppear = node.putArray("didNotAppear");
        ArrayNode declined = node.putArray("declined");
        for (Line line : checklist.lines()) {
            HandoverOutcome outcome = line.latest().outcome();
            if (outcome != HandoverOutcome.TRANSFERRED) {
                (outcome == HandoverOutcome.DECLINED ? declined : didNotAppear).addObject()
                        .put("personId", line.item().personId()).put("side", line.side())
                        .put("name", line.item().identity().name()).put("latin", line.item().identity().latin())
                        .put("note", line.latest().note());
            }
        }
        return node;
    }

    /** A breakdown's key: the enum constant, or UNKNOWN where the fact is not recorded (as "left off" counts it). */
    private static String key(Object value) {
        return value == null ? "UNKNOWN" : value.toString();
    }

    private static void count(Map<String, int[]> counts, String key, boolean transferred) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += transferred ? 1 : 0;
    }

    private static void breakdown(ObjectNode node, Map<String, int[]> counts) {
        counts.forEach((key, c) -> node.putObject(key).put("agreed", c[0]).put("transferred", c[1]));
    }

    /** The round's report, once its handover is completed. */
    public ObjectNode report(Caller caller, String roundId) {
        Round round = exchanges.round(caller, roundId);
        String report = handovers.report(round.id()).orElseThrow(() -> NotFoundException.absent(
                "report of exchange " + roundId + " (made when its handover is completed)", roundId));
        return (ObjectNode) JSON.readTree(report);
    }

    /** The parties (codes) that asked to complete the handover of a round without intermediary, first first. */
    public List<String> completionRequests(Caller caller, String roundId) {
        return handovers.completionRequests(exchanges.round(caller, roundId).id());
    }

    /** Every entry of the round's handover, corrections included, oldest first. */
    public List<HandoverEntry> history(Caller caller, String roundId) {
        return handovers.all(exchanges.round(caller, roundId).id());
    }
}
