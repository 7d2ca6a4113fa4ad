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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.parley.names.Language;
import org.parley.names.Transliteration;
import org.parley.registry.Organisation;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
import org.parley.wishes.DerivedWish;
import org.parley.wishes.WishService;
import org.parley.wishes.WishStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A round's exchange list (README, "Exchange rounds"): versions built by a proposal from the reconciled lists, or
 * edited by a party's negotiator, each immutable, based on the latest (a stale base is a conflict), every person
 * taken off with a reason. All three participants read every version in full: it is the document both parties sign.
 */
@Service
public class ExchangeListService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExchangeService exchanges;
    private final ExchangeListRepository versions;
    private final ListRepository lists;
    private final MatchRepository matches;
    private final RegistryService registry;
    private final WishService wishes;
    private final AuditLog audit;
    private final PublicIds publicIds;

    ExchangeListService(ExchangeService exchanges, ExchangeListRepository versions, ListRepository lists,
            MatchRepository matches, RegistryService registry, WishService wishes, AuditLog audit,
            PublicIds publicIds) {
        this.exchanges = exchanges;
        this.versions = versions;
        this.lists = lists;
        this.matches = matches;
        this.registry = registry;
        this.wishes = wishes;
        this.audit = audit;
        this.publicIds = publicIds;
    }

    /** A person a hand-edited version releases: {@code source} null keeps the previous version's. */
    public record ItemInput(String personId, String ref, ReleaseSource source) {
    }

    public record RemovalInput(String personId, RemovalReason reason, String note) {
    }

    /** Builds the next version from the latest reconciled lists (see {@link Proposal}). */
    @Transactional
    public ExchangeListDocument propose(Caller caller, String roundId, Proposal.Balance balance, Integer count) {
        return propose(caller, roundId, balance, count, Instant.now());
    }

    /** The same at a given time (the demo world's rounds are weeks old). */
    @Transactional
    public ExchangeListDocument propose(Caller caller, String roundId, Proposal.Balance balance, Integer count,
            Instant at) {
        Round round = exchanges.roundForUpdate(caller, roundId);
        if (!round.takesPart(caller.organisation()) || !caller.has(Role.NEGOTIATOR)) {
            throw new ForbiddenException("only the negotiators of the round's parties and intermediary propose",
                    RoundAccess.RECORD, roundId);
        }
        ExchangeService.requireOpen(round, roundId);
        if (balance == Proposal.Balance.FIXED && (count == null || count < 0)) {
            throw new InvalidInputException("count", "is required for a FIXED balance: how many persons each way");
        }
        if (balance != Proposal.Balance.FIXED && count != null) {
            throw new InvalidInputException("count", "is only given for a FIXED balance");
        }
        Gathered gathered = gather(round);
        Proposal.Result result = Proposal.build(round.parties(), gathered.candidates(), gathered.unresolved(),
                balance, count, LocalDate.ofInstant(at, ZoneOffset.UTC));
        Map<Long, Person> persons = gathered.persons();
        Map<String, Language> languages = originLanguages();
        Map<String, List<ExchangeListDocument.Item>> releases = new LinkedHashMap<>();
        result.releases().forEach((side, items) -> releases.put(side, items.stream().map(i ->
                new ExchangeListDocument.Item(personPublicId(i.candidate().personId()), i.candidate().ref(),
                        i.candidate().source(), i.priority(), i.reason(), i.countedInBalance(),
                        identity(persons.get(i.candidate().personId()), languages))).toList()));
        List<ExchangeListDocument.Left> excluded = result.excluded().stream().map(e -> new ExchangeListDocument.Left(
                e.personId() == null ? null : personPublicId(e.personId()), e.ref(), e.side(), e.code().name(),
                e.reason())).toList();
        Map<String, ExchangeListDocument.Counts> counts = new LinkedHashMap<>();
        result.counts().forEach((side, c) -> counts.put(side, new ExchangeListDocument.Counts(c.released(),
                c.countedInBalance(), c.outsideBalance(), c.excluded(), c.shortBy())));
        int latest = versions.latestNumber(round.id());
        ExchangeListDocument document = new ExchangeListDocument(exchanges.publicId(round), latest + 1,
                latest == 0 ? null : latest, caller.username(), ExchangeService.micros(at), balance, count, releases,
                excluded, List.of(), counts);
        store(caller, round, document, ExchangeListStates.PROPOSE);
        return document;
    }

    private record Gathered(List<Proposal.Candidate> candidates, List<Proposal.Unresolved> unresolved,
            Map<Long, Person> persons) {
    }

    /** Each party's candidates: what the other party's latest request found in its registry, and its own offer. */
    private Gathered gather(Round round) {
        record Named(long personId, String ref, ReleaseSource source, String side) {
        }
        List<Named> named = new ArrayList<>();
        List<Proposal.Unresolved> unresolved = new ArrayList<>();
        for (String side : round.parties()) {
            Set<Long> taken = new HashSet<>();
            Organisation requester = registry.organisation(round.other(side)).orElseThrow();
            int request = lists.latestNumber(round.id(), requester.id(), ListKind.REQUEST);
            if (request > 0) {
                ListVersion version = lists.version(round.id(), requester.id(), ListKind.REQUEST, request).orElseThrow();
                Map<String, Match> byRef = matches.ofVersionUnordered(version.id()).stream()
                        .collect(Collectors.toMap(Match::ref, Function.identity()));
                Map<String, Decision> decisions = matches.decisionsFor(version.id()).stream()
                        .collect(Collectors.toMap(Decision::ref, Function.identity()));
                for (ListEntry entry : lists.entries(version.id())) {
                    ReconciliationService.Item item = ReconciliationService.item(entry, byRef.get(entry.ref()),
                            decisions.get(entry.ref()));
                    if (item.confirmation() == Confirmation.REJECTED) {
                        unresolved.add(new Proposal.Unresolved(entry.ref(), side, Proposal.Exclusion.REJECTED,
                                "match rejected by " + side, null));
                    } else if (item.outcome() == MatchOutcome.NOT_FOUND) {
                        unresolved.add(new Proposal.Unresolved(entry.ref(), side, Proposal.Exclusion.NOT_FOUND,
                                "not found in the registry of " + side, null));
                    } else if (item.outcome() == MatchOutcome.AMBIGUOUS) {
                        unresolved.add(new Proposal.Unresolved(entry.ref(), side, Proposal.Exclusion.UNCONFIRMED,
                                "ambiguous match, not confirmed by " + side, null));
                    } else if (taken.add(item.personId())) {
                        named.add(new Named(item.personId(), entry.ref(), ReleaseSource.REQUEST, side));
                    }
                }
            }
            Organisation holder = registry.organisation(side).orElseThrow();
            int offer = lists.latestNumber(round.id(), holder.id(), ListKind.OFFER);
            if (offer > 0) {
                ListVersion version = lists.version(round.id(), holder.id(), ListKind.OFFER, offer).orElseThrow();
                for (ListEntry entry : lists.entries(version.id())) {
                    if (taken.add(entry.personId())) {
                        named.add(new Named(entry.personId(), entry.ref(), ReleaseSource.OFFER, side));
                    }
                }
            }
        }
        Map<Long, Person> persons = registry.records(named.stream().map(Named::personId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Long, DerivedWish> wishOf = wishes.wishes(List.copyOf(persons.values()));
        List<Proposal.Candidate> candidates = new ArrayList<>(named.size());
        for (Named n : named) {
            Person p = persons.get(n.personId());
            DerivedWish wish = wishOf.get(n.personId());
            candidates.add(new Proposal.Candidate(n.personId(), n.ref(), n.source(), n.side(),
                    p.text(PersonField.HOLDING_PARTY), p.status(),
                    Boolean.TRUE.equals(p.get(PersonField.SERIOUSLY_ILL_OR_WOUNDED)),
                    (LocalDate) p.get(PersonField.CAPTURE_DATE), wish == null ? WishStatus.UNKNOWN : wish.status(),
                    wish == null ? null : wish.verifiedOn()));
        }
        return new Gathered(candidates, unresolved, persons);
    }

    /**
     * A person's identity as the exchange list freezes it: the name as written and in official Latin letters, under
     * the standard of the language the names are written in where the letters do not tell (the record's
     * {@code nameLanguage}, else the power of origin's language), as the pages spell registry names.
     */
    static ExchangeListDocument.Identity identity(Person p, Map<String, Language> originLanguages) {
        String name = p.fullName();
        String origin = p.text(PersonField.POWER_OF_ORIGIN);
        Language written = language(p.text(PersonField.NAME_LANGUAGE));
        return new ExchangeListDocument.Identity(name, Transliteration.official(name, written != null ? written
                : origin == null ? null : originLanguages.get(origin)), p.text(PersonField.DATE_OF_BIRTH),
                p.text(PersonField.RANK), p.text(PersonField.SERVICE_NUMBER), p.text(PersonField.PRISONER_NUMBER));
    }

    /** The language of a BCP 47 tag (uk, ru-RU), if it is one the names module reads; null otherwise. */
    private static Language language(String tag) {
        if (tag != null) {
            String primary = tag.split("-", 2)[0];
            for (Language language : Language.values()) {
                if (language.tag().equalsIgnoreCase(primary)) {
                    return language;
                }
            }
        }
        return null;
    }

    /** The language of each organisation's records, by code: where a name's letters do not tell its language. */
    private Map<String, Language> originLanguages() {
        Map<String, Language> languages = new HashMap<>();
        for (Organisation o : registry.organisations()) {
            for (Language language : Language.values()) {
                if (language.tag().equals(o.language())) {
                    languages.put(o.code(), language);
                }
            }
        }
        return languages;
    }

    /**
     * A version edited by a party's negotiator: the persons each side releases (those kept from the latest version
     * keep what it said of them), and a reason for each one taken off.
     */
    @Transactional
    public ExchangeListDocument submit(Caller caller, String roundId, int basedOn,
            Map<String, List<ItemInput>> releases, List<RemovalInput> removals) {
        Round round = exchanges.roundForUpdate(caller, roundId);
        if (!round.isParty(caller.organisation()) || !caller.has(Role.NEGOTIATOR)) {
            throw new ForbiddenException("only the negotiators of the round's parties edit its exchange list",
                    RoundAccess.RECORD, roundId);
        }
        ExchangeService.requireOpen(round, roundId);
        int latest = versions.latestNumber(round.id());
        if (basedOn != latest) {
            throw new ConflictException("stale-version", "the exchange list is at version " + latest + ", not "
                    + basedOn + ": someone submitted meanwhile; review version " + latest
                    + " and submit again based on it", Map.of("latest", latest));
        }
        ExchangeListDocument previous = latest == 0 ? null : document(round, latest);
        List<FieldError> errors = new ArrayList<>();
        for (String side : releases.keySet()) {
            if (!round.isParty(side)) {
                errors.add(new FieldError("releases." + side, "is not a party of this round"));
            }
        }
        Map<String, ExchangeListDocument.Item> before = new HashMap<>();
        if (previous != null) {
            previous.releases().forEach((side, items) -> items.forEach(i -> before.put(side + " " + i.personId(), i)));
        }
        Map<String, Long> newIds = new HashMap<>();
        for (String side : round.parties()) {
            List<ItemInput> items = releases.getOrDefault(side, List.of());
            for (int i = 0; i < items.size(); i++) {
                ItemInput item = items.get(i);
                if (!before.containsKey(side + " " + item.personId())) {
                    try {
                        newIds.put(item.personId(), publicIds.parse(PublicIds.Kind.PERSON, item.personId()));
                    } catch (NotFoundException e) {
                        errors.add(new FieldError(field(side, i), "no person you may see has this id"));
                    }
                }
            }
        }
        Map<Long, Person> added = registry.visible(caller, newIds.values()).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Long, Person> addedRecords = registry.records(added.keySet()).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Set<String> seen = new HashSet<>();
        Map<String, Language> languages = originLanguages();
        Map<String, List<ExchangeListDocument.Item>> sides = new LinkedHashMap<>();
        for (String side : round.parties()) {
            List<ExchangeListDocument.Item> kept = new ArrayList<>();
            List<ItemInput> items = releases.getOrDefault(side, List.of());
            for (int i = 0; i < items.size(); i++) {
                ItemInput in = items.get(i);
                if (!seen.add(in.personId())) {
                    errors.add(new FieldError(field(side, i), "person " + in.personId()
                            + " is already on the exchange list"));
                    continue;
                }
                ExchangeListDocument.Item old = before.get(side + " " + in.personId());
                if (old != null) {
                    kept.add(new ExchangeListDocument.Item(old.personId(), in.ref() != null ? in.ref() : old.ref(),
                            in.source() != null ? in.source() : old.source(), old.priority(), old.reason(),
                            old.countedInBalance(), old.identity()));
                    continue;
                }
                Long id = newIds.get(in.personId());
                Person person = id == null ? null : addedRecords.get(id);
                if (id != null && person == null) {
                    errors.add(new FieldError(field(side, i), "no person you may see has this id"));
                } else if (person != null && !side.equals(person.text(PersonField.HOLDING_PARTY))) {
                    errors.add(new FieldError(field(side, i), "person " + in.personId() + " is not held by " + side));
                } else if (person != null && !person.status().inCustody()) {
                    errors.add(new FieldError(field(side, i), "person " + in.personId() + " is " + person.status()
                            + ", not in custody"));
                } else if (person != null) {
                    boolean art110 = Boolean.TRUE.equals(person.get(PersonField.SERIOUSLY_ILL_OR_WOUNDED));
                    kept.add(new ExchangeListDocument.Item(in.personId(), in.ref() != null ? in.ref()
                            : "person:" + in.personId(), in.source() != null ? in.source()
                            : side.equals(caller.organisation()) ? ReleaseSource.OFFER : ReleaseSource.REQUEST,
                            null, art110 ? "Art. 110: seriously ill or wounded — outside the balance"
                            : "added by " + caller.username(), !art110, identity(person, languages)));
                }
            }
            sides.put(side, kept);
        }
        Map<String, RemovalInput> removalOf = new HashMap<>();
        for (int i = 0; i < removals.size(); i++) {
            RemovalInput r = removals.get(i);
            if (removalOf.putIfAbsent(r.personId(), r) != null) {
                errors.add(new FieldError("removals[" + i + "].personId", "names the same person twice"));
            }
            if (r.reason() == RemovalReason.OTHER && (r.note() == null || r.note().isBlank())) {
                errors.add(new FieldError("removals[" + i + "].note", "is required when the reason is OTHER"));
            }
        }
        List<ExchangeListDocument.Dropped> dropped = new ArrayList<>();
        List<ExchangeListDocument.Left> excluded = new ArrayList<>();
        if (previous != null) {
            previous.excluded().stream().filter(l -> l.personId() == null || !seen.contains(l.personId()))
                    .forEach(excluded::add);
            previous.releases().forEach((side, items) -> {
                for (ExchangeListDocument.Item i : items) {
                    if (seen.contains(i.personId())) {
                        continue;
                    }
                    RemovalInput r = removalOf.remove(i.personId());
                    if (r == null) {
                        errors.add(new FieldError("removals", "person " + i.personId() + " (" + i.identity().name()
                                + ") of " + side + "'s releases is left out without a reason: add a removal"));
                    } else {
                        dropped.add(new ExchangeListDocument.Dropped(i.personId(), side, r.reason(), r.note()));
                        excluded.add(new ExchangeListDocument.Left(i.personId(), i.ref(), side, "REMOVED",
                                "removed by " + caller.username() + ": " + r.reason()
                                        + (r.note() == null ? "" : " — " + r.note())));
                    }
                }
            });
        }
        removalOf.keySet().forEach(id -> errors.add(new FieldError("removals", "person " + id
                + " is not released by version " + latest + ": nothing to remove")));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, ExchangeListDocument.Counts> counts = new LinkedHashMap<>();
        sides.forEach((side, items) -> {
            int counted = (int) items.stream().filter(ExchangeListDocument.Item::countedInBalance).count();
            counts.put(side, new ExchangeListDocument.Counts(items.size(), counted, items.size() - counted,
                    (int) excluded.stream().filter(l -> l.side().equals(side)).count(), 0));
        });
        ExchangeListDocument document = new ExchangeListDocument(exchanges.publicId(round), latest + 1,
                latest == 0 ? null : latest, caller.username(), ExchangeService.micros(Instant.now()), null, null,
                sides, excluded, dropped, counts);
        store(caller, round, document, ExchangeListStates.SUBMIT);
        return document;
    }

    private static String field(String side, int i) {
        return "releases." + side + "[" + i + "].personId";
    }

    private void store(Caller caller, Round round, ExchangeListDocument document, String action) {
        Map<String, Long> sideIds = new HashMap<>();
        round.parties().forEach(p -> sideIds.put(p, registry.organisation(p).orElseThrow().id()));
        List<ExchangeListRepository.ReleasedPerson> items = new ArrayList<>();
        document.releases().forEach((side, list) -> {
            for (int i = 0; i < list.size(); i++) {
                ExchangeListDocument.Item item = list.get(i);
                items.add(new ExchangeListRepository.ReleasedPerson(sideIds.get(side),
                        publicIds.parse(PublicIds.Kind.PERSON, item.personId()), i, item.countedInBalance()));
            }
        });
        String canonical = document.canonical();
        long id = versions.insert(round.id(), document.version(), document.createdBy(), document.createdAt(),
                canonical, ExchangeListDocument.hash(canonical), items);
        ExchangeListVersion stored = versions.version(round.id(), document.version()).orElseThrow();
        audit.append(caller, ExchangeListStates.change(action, stored, versions.items(id)));
    }

    public List<ExchangeListVersion> versions(Caller caller, String roundId) {
        return versions.headers(exchanges.round(caller, roundId).id());
    }

    public ExchangeListDocument version(Caller caller, String roundId, int number) {
        return document(exchanges.round(caller, roundId), number);
    }

    ExchangeListVersion stored(Round round, int number) {
        return versions.version(round.id(), number).orElseThrow(() -> NotFoundException.absent(
                "version of the exchange list of " + exchanges.publicId(round), number));
    }

    ExchangeListDocument document(Round round, int number) {
        return ExchangeListDocument.fromJson(JSON.readTree(stored(round, number).document()));
    }

    /** Who is added, taken off, or changed (priority, counting, reason) from one version to another, by side. */
    public record Diff(List<Change> added, List<Change> removed, List<Change> changed) {
    }

    /** A person's line of a diff: the item before and after (null where absent), and why it was taken off. */
    public record Change(String side, ExchangeListDocument.Item before, ExchangeListDocument.Item after,
            String reason) {
    }

    public Diff diff(Caller caller, String roundId, int number, int from) {
        Round round = exchanges.round(caller, roundId);
        ExchangeListDocument older = document(round, from);
        ExchangeListDocument newer = document(round, number);
        Map<String, ExchangeListDocument.Item> was = new LinkedHashMap<>();
        Map<String, String> sideOf = new HashMap<>();
        older.releases().forEach((side, items) -> items.forEach(i -> {
            was.put(i.personId(), i);
            sideOf.put(i.personId(), side);
        }));
        Map<String, String> whyOut = new HashMap<>();
        newer.excluded().forEach(l -> {
            if (l.personId() != null) {
                whyOut.put(l.personId(), l.reason());
            }
        });
        List<Change> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        Set<String> present = new HashSet<>();
        newer.releases().forEach((side, items) -> items.forEach(i -> {
            present.add(i.personId());
            ExchangeListDocument.Item old = was.get(i.personId());
            if (old == null || !side.equals(sideOf.get(i.personId()))) {
                added.add(new Change(side, null, i, null));
            } else if (!java.util.Objects.equals(old.priority(), i.priority())
                    || old.countedInBalance() != i.countedInBalance() || !old.reason().equals(i.reason())) {
                changed.add(new Change(side, old, i, null));
            }
        }));
        List<Change> removed = new ArrayList<>();
        was.forEach((id, i) -> {
            if (!present.contains(id)) {
                removed.add(new Change(sideOf.get(id), i, null, whyOut.getOrDefault(id, "no reason recorded")));
            }
        });
        return new Diff(added, removed, changed);
    }

    private String personPublicId(long id) {
        return publicIds.of(PublicIds.Kind.PERSON, id);
    }
}
