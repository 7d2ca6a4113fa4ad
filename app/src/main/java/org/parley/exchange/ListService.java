package org.parley.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.FieldError;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The parties' versioned lists (README, "Exchange rounds"): each submission is the whole new list, based on the
 * latest version (a stale base is a conflict, never a lost edit), with a reason for every entry it drops. A
 * request version is reconciled against the registry of the party asked in the same transaction; the version,
 * its entries, removals and matches are then never changed, and one audit entry records them all.
 */
@Service
public class ListService {

    public static final int MAX_ENTRIES = 50_000;
    public static final int MAX_REF = 100;
    public static final int MAX_NAME = 200;
    /** Service number, unit and rank, as the registry keeps them. */
    public static final int MAX_DETAIL = 500;
    public static final int MAX_NOTE = 1000;

    private final ExchangeService exchanges;
    private final ListRepository lists;
    private final MatchRepository matches;
    private final Reconciler reconciler;
    private final RegistryService registry;
    private final AuditLog audit;
    private final PublicIds publicIds;

    ListService(ExchangeService exchanges, ListRepository lists, MatchRepository matches, Reconciler reconciler,
            RegistryService registry, AuditLog audit, PublicIds publicIds) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.matches = matches;
        this.reconciler = reconciler;
        this.registry = registry;
        this.audit = audit;
        this.publicIds = publicIds;
    }

    /** A stored version with what it holds. */
    public record VersionContent(ListVersion version, List<ListEntry> entries, List<Removal> removals) {
    }

    /** What changed from one version to another. */
    public record Diff(List<ListEntry> added, List<Removed> removed, List<Changed> changed) {
    }

    /** An entry of the older version missing from the newer one, with the reason given when it was dropped. */
    public record Removed(ListEntry entry, RemovalReason reason, String note) {
    }

    /** An entry in both versions whose content differs: each field that changed, from and to. */
    public record Changed(String ref, Map<String, String[]> fields) {
    }

    @Transactional
    public ListVersion submit(Caller caller, String roundId, String party, ListKind kind, int basedOn,
            List<EntryInput> entries, List<Removal> removals) {
        return submit(caller, roundId, party, kind, basedOn, entries, removals, Instant.now());
    }

    /** Submits a version at a given time (now, but for the demo world, whose versions are weeks old). */
    @Transactional
    public ListVersion submit(Caller caller, String roundId, String party, ListKind kind, int basedOn,
            List<EntryInput> entries, List<Removal> removals, Instant at) {
        Round round = exchanges.roundForUpdate(caller, roundId);
        Organisation owner = partyOf(round, party, roundId);
        RoundAccess.requireNegotiatorOf(caller, party, roundId, "submit versions of its lists");
        ExchangeService.requireNegotiating(round, roundId);
        int latest = lists.latestNumber(round.id(), owner.id(), kind);
        if (basedOn != latest) {
            throw new ConflictException("stale-version", "the " + kind.code() + " list of " + party + " is at "
                    + "version " + latest + ", not " + basedOn + ": someone submitted meanwhile; review version "
                    + latest + " and submit again based on it", Map.of("latest", latest));
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new InvalidInputException("entries", "has " + entries.size() + " entries; a list holds at most "
                    + MAX_ENTRIES);
        }
        List<ListEntry> checked = checkEntries(caller, round, party, kind, entries);
        List<ListEntry> previous = latest == 0 ? List.of()
                : lists.entries(lists.version(round.id(), owner.id(), kind, latest).orElseThrow().id());
        checkRemovals(previous, checked, removals);
        long versionId = lists.insertVersion(round.id(), owner.id(), kind, latest + 1, caller.username(),
                ExchangeService.micros(at), checked, removals);
        List<Match> reconciliation = List.of();
        if (kind == ListKind.REQUEST) {
            reconciliation = reconciler.reconcile(round.other(party), checked);
            matches.insert(versionId, reconciliation);
        }
        ListVersion stored = lists.version(round.id(), owner.id(), kind, latest + 1).orElseThrow();
        audit.append(caller, ListStates.change(stored, checked, sorted(removals), reconciliation));
        return stored;
    }

    private static List<Removal> sorted(List<Removal> removals) {
        return removals.stream().sorted(Comparator.comparing(Removal::ref)).toList();
    }

    /** The organisation of a party of the round; 404 for any other code. */
    Organisation partyOf(Round round, String party, String roundId) {
        if (party == null || !round.isParty(party)) {
            throw NotFoundException.absent("party of exchange " + roundId, party);
        }
        return registry.organisation(party).orElseThrow();
    }

    private List<ListEntry> checkEntries(Caller caller, Round round, String party, ListKind kind,
            List<EntryInput> entries) {
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, Long> personIds = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            EntryInput e = entries.get(i);
            if (e.personId() != null) {
                try {
                    personIds.put(i, publicIds.parse(PublicIds.Kind.PERSON, e.personId()));
                } catch (NotFoundException notOne) {
                    errors.add(noSuchPerson(i));
                }
            }
        }
        Map<Long, Person> visible = registry.visible(caller, Set.copyOf(personIds.values())).stream()
                .collect(Collectors.toMap(Person::id, p -> p));
        String holder = kind == ListKind.REQUEST ? round.other(party) : party;
        Map<String, Integer> refs = new HashMap<>();
        List<ListEntry> checked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            EntryInput e = entries.get(i);
            Long personId = personIds.get(i);
            Person person = personId == null ? null : visible.get(personId);
            if (personId != null && person == null) {
                errors.add(noSuchPerson(i));
            } else if (person != null && !holder.equals(person.get(PersonField.HOLDING_PARTY))) {
                errors.add(new FieldError(field(i, "personId"), kind == ListKind.REQUEST
                        ? "person " + e.personId() + " is not held by " + holder + ", the party asked"
                        : "person " + e.personId() + " is not held by " + party + ": a party offers persons it holds"));
            } else if (person != null && kind == ListKind.OFFER && !person.status().inCustody()) {
                errors.add(new FieldError(field(i, "personId"), "person " + e.personId() + " is " + person.status()
                        + ", not in custody: only persons in custody can be offered"));
            }
            if (kind == ListKind.OFFER && e.personId() == null) {
                errors.add(new FieldError(field(i, "personId"), "is required in an offer: a party offers persons "
                        + "of its own registry"));
            } else if (e.personId() == null && !hasName(e)) {
                errors.add(new FieldError(field(i, "surname"), "an entry needs a personId or a name"));
            }
            String ref = e.ref() != null ? e.ref() : e.personId() != null ? "person:" + e.personId() : null;
            if (ref == null) {
                errors.add(new FieldError(field(i, "ref"), "is required for an entry without personId"));
            } else {
                Integer first = refs.putIfAbsent(ref, i);
                if (first != null) {
                    errors.add(new FieldError(field(i, "ref"), "'" + ref + "' is already the ref of entries["
                            + first + "]: refs are unique in a list"));
                }
            }
            checked.add(ListEntry.hashed(ref, personId, e.surname(), e.givenName(), e.patronymic(), e.fullName(),
                    e.dateOfBirth() == null ? null : e.dateOfBirth().toString(), e.serviceNumber(), e.unit(),
                    e.rank(), e.note()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
    }

    private static FieldError noSuchPerson(int i) {
        return new FieldError(field(i, "personId"), "no person you may see has this id");
    }

    private static boolean hasName(EntryInput e) {
        return e.surname() != null || e.givenName() != null || e.fullName() != null;
    }

    static String field(int index, String member) {
        return "entries[" + index + "]." + member;
    }

    /** Every entry dropped needs a reason; a removal must name an entry dropped; OTHER needs a note. */
    private static void checkRemovals(List<ListEntry> previous, List<ListEntry> next, List<Removal> removals) {
        Set<String> kept = next.stream().map(ListEntry::ref).collect(Collectors.toSet());
        Set<String> dropped = previous.stream().map(ListEntry::ref).filter(ref -> !kept.contains(ref))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<FieldError> errors = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (int i = 0; i < removals.size(); i++) {
            Removal r = removals.get(i);
            if (!explained.add(r.ref())) {
                errors.add(new FieldError("removals[" + i + "].ref", "'" + r.ref() + "' is named twice"));
            } else if (!dropped.contains(r.ref())) {
                errors.add(new FieldError("removals[" + i + "].ref", kept.contains(r.ref())
                        ? "'" + r.ref() + "' is still on the list" : "'" + r.ref() + "' was not on the previous version"));
            }
            if (r.reason() == RemovalReason.OTHER && r.note() == null) {
                errors.add(new FieldError("removals[" + i + "].note", "is required when the reason is OTHER"));
            }
        }
        List<String> unexplained = dropped.stream().filter(ref -> !explained.contains(ref)).toList();
        if (!unexplained.isEmpty()) {
            errors.add(new FieldError("removals", "entries dropped without a reason: " + String.join(", ",
                    unexplained)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Every version of every list of a round, in the order they were submitted (for the round's timeline). */
    public List<ListVersion> versionsOfRound(Caller caller, String roundId) {
        return lists.versions(exchanges.round(caller, roundId).id());
    }

    /**
     * One version with a slice of its entries ({@code limit} from {@code offset}, in the list's order) and all its
     * removals: a page of a long list without reading the whole of it.
     */
    public VersionContent versionPage(Caller caller, String roundId, String party, ListKind kind, int number,
            int offset, int limit) {
        Round round = exchanges.round(caller, roundId);
        ListVersion version = stored(round, party, kind, number, roundId);
        return new VersionContent(version, lists.entries(version.id(), offset, limit), lists.removals(version.id()));
    }

    /** The versions of a list, oldest first. */
    public List<ListVersion> versions(Caller caller, String roundId, String party, ListKind kind) {
        Round round = exchanges.round(caller, roundId);
        return lists.versions(round.id(), partyOf(round, party, roundId).id(), kind);
    }

    public VersionContent version(Caller caller, String roundId, String party, ListKind kind, int number) {
        Round round = exchanges.round(caller, roundId);
        ListVersion version = stored(round, party, kind, number, roundId);
        return new VersionContent(version, lists.entries(version.id()), lists.removals(version.id()));
    }

    ListVersion stored(Round round, String party, ListKind kind, int number, String roundId) {
        return lists.version(round.id(), partyOf(round, party, roundId).id(), kind, number)
                .orElseThrow(() -> NotFoundException.absent("version of the " + kind.code() + " list of " + party,
                        number));
    }

    /** What changed from version {@code from} to {@code number} (any two versions of the list, either order). */
    public Diff diff(Caller caller, String roundId, String party, ListKind kind, int number, int from) {
        Round round = exchanges.round(caller, roundId);
        ListVersion older = stored(round, party, kind, from, roundId);
        ListVersion newer = stored(round, party, kind, number, roundId);
        return diff(lists.entries(older.id()), lists.entries(newer.id()), removalsBetween(round, party, kind, from,
                number));
    }

    /** The reasons given for drops in the versions after {@code from} up to {@code number}, the latest per ref. */
    private Map<String, Removal> removalsBetween(Round round, String party, ListKind kind, int from, int number) {
        Map<String, Removal> reasons = new HashMap<>();
        long partyId = registry.organisation(party).orElseThrow().id();
        for (int n = from + 1; n <= number; n++) {
            lists.version(round.id(), partyId, kind, n)
                    .ifPresent(v -> lists.removals(v.id()).forEach(r -> reasons.put(r.ref(), r)));
        }
        return reasons;
    }

    static Diff diff(List<ListEntry> older, List<ListEntry> newer, Map<String, Removal> reasons) {
        Map<String, ListEntry> before = new LinkedHashMap<>();
        older.forEach(e -> before.put(e.ref(), e));
        Set<String> now = newer.stream().map(ListEntry::ref).collect(Collectors.toSet());
        List<ListEntry> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (ListEntry e : newer) {
            ListEntry was = before.get(e.ref());
            if (was == null) {
                added.add(e);
            } else if (!Arrays.equals(was.contentHash(), e.contentHash())) {
                changed.add(new Changed(e.ref(), changedFields(was, e)));
            }
        }
        List<Removed> removed = before.values().stream().filter(e -> !now.contains(e.ref())).map(e -> {
            Removal why = reasons.get(e.ref());
            return new Removed(e, why == null ? null : why.reason(), why == null ? null : why.note());
        }).toList();
        return new Diff(added, removed, changed);
    }

    private static Map<String, String[]> changedFields(ListEntry was, ListEntry now) {
        Map<String, String[]> fields = new LinkedHashMap<>();
        ObjectNode a = ListStates.entryJson(was);
        ObjectNode b = ListStates.entryJson(now);
        for (String name : a.propertyNames()) {
            String from = a.get(name).isNull() ? null : a.get(name).asString();
            String to = b.get(name).isNull() ? null : b.get(name).asString();
            if (!Objects.equals(from, to)) {
                fields.put(name, new String[] {from, to});
            }
        }
        return fields;
    }
}
