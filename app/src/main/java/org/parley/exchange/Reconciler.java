package org.parley.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.parley.names.BirthDate;
import org.parley.names.Explanation;
import org.parley.names.Linkage;
import org.parley.names.PersonRecord;
import org.parley.names.PreparedPerson;
import org.parley.registry.RegistryService;
import org.parley.registry.Status;
import org.parley.wishes.WishService;
import org.parley.wishes.WishStatus;
import org.springframework.stereotype.Component;

/**
 * Matches a request version's entries against the registry of the party asked — every person it holds or held,
 * whatever their status — with the {@code names} library's linkage (blocking, Fellegi–Sunter scores, one-to-one
 * assignment). The blocking uses the keys the registry stores with each person ({@link HeldCandidates}), so that only
 * the persons sharing a key with an entry are read and prepared, not the holder's whole registry. A clear best match
 * is FOUND, candidates about as good as each other (or only weakly fitting) are AMBIGUOUS, nothing above the review
 * threshold is NOT_FOUND. An entry naming a registry person is that person.
 * A person found who is no longer held, or whose verified wish is not to return (the rule of {@code wishes}), is
 * NOT_ELIGIBLE with the reason.
 */
@Component
class Reconciler {

    private final RegistryService registry;
    private final WishService wishes;

    Reconciler(RegistryService registry, WishService wishes) {
        this.registry = registry;
        this.wishes = wishes;
    }

    List<Match> reconcile(String holder, List<ListEntry> entries) {
        List<Integer> textual = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).personId() == null) {
                textual.add(i);
            }
        }
        List<PreparedPerson> requested = textual.parallelStream().map(i -> PreparedPerson.of(record(entries.get(i))))
                .toList();
        HeldCandidates held = HeldCandidates.of(registry, holder, requested);
        List<PreparedPerson> registered = held.persons().parallelStream().map(p -> PreparedPerson.of(p.record()))
                .toList();
        List<Linkage.Link> links = new Linkage(Linkage.Thresholds.DEFAULT).run(requested, registered, held,
                done -> { }).links();
        Map<Integer, List<Linkage.Link>> byRequested = new HashMap<>();
        for (Linkage.Link link : links) {
            byRequested.computeIfAbsent(link.left(), k -> new ArrayList<>()).add(link);
        }
        Match[] matches = new Match[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            ListEntry entry = entries.get(i);
            if (entry.personId() != null) {
                matches[i] = named(entry);
            }
        }
        byRequested.forEach((left, found) -> matches[textual.get(left)] = fromLinks(entries.get(textual.get(left)),
                found, requested, registered, left));
        Map<Long, Status> statuses = new HashMap<>();
        held.persons().forEach(p -> statuses.put(p.id(), p.status()));
        registry.records(entries.stream().map(ListEntry::personId).filter(Objects::nonNull).toList())
                .forEach(p -> statuses.put(p.id(), p.status()));
        return eligibility(List.of(matches), statuses);
    }

    private static Match named(ListEntry entry) {
        return new Match(entry.ref(), MatchOutcome.FOUND, entry.personId(), 1.0, "named by its registry id", List.of(),
                null);
    }

    private static Match fromLinks(ListEntry entry, List<Linkage.Link> found, List<PreparedPerson> requested,
            List<PreparedPerson> registered, int left) {
        Linkage.Link best = found.get(0);
        if (best.decision() == Linkage.Decision.NONE) {
            return new Match(entry.ref(), MatchOutcome.NOT_FOUND, null, null,
                    "no registered person fits above the review threshold", List.of(), null);
        }
        if (best.decision() == Linkage.Decision.MATCH) {
            PreparedPerson person = registered.get(best.right());
            return new Match(entry.ref(), MatchOutcome.FOUND, Long.parseLong(person.record().id()),
                    best.score().probability(), explain(requested.get(left), person, best), List.of(), null);
        }
        List<Match.Candidate> candidates = found.stream().map(l -> {
            PreparedPerson person = registered.get(l.right());
            return new Match.Candidate(Long.parseLong(person.record().id()), l.score().probability(),
                    explain(requested.get(left), person, l));
        }).toList();
        return new Match(entry.ref(), MatchOutcome.AMBIGUOUS, null, null, candidates.size() == 1
                ? "one registered person fits, but not clearly enough to be taken without a person's look"
                : candidates.size() + " registered persons fit about as well", candidates, null);
    }

    private static String explain(PreparedPerson requested, PreparedPerson registered, Linkage.Link link) {
        return String.format(Locale.ROOT, "%.3f: %s", link.score().probability(),
                Explanation.of(requested, registered, link.score()));
    }

    /** Persons found who are out of the holder's hands, or have verified they do not want to return. */
    private List<Match> eligibility(List<Match> matches, Map<Long, Status> held) {
        List<Long> found = matches.stream().filter(m -> m.outcome() == MatchOutcome.FOUND).map(Match::personId)
                .toList();
        Map<Long, WishStatus> wishStatuses = wishes.statuses(found);
        return matches.stream().map(m -> {
            if (m.outcome() != MatchOutcome.FOUND) {
                return m;
            }
            Status status = held.get(m.personId());
            IneligibleReason reason = status == null ? null : IneligibleReason.of(status);
            if (reason == null && wishStatuses.get(m.personId()) == WishStatus.VERIFIED_NOT_RETURNING) {
                reason = IneligibleReason.VERIFIED_NOT_RETURNING;
            }
            return reason == null ? m : new Match(m.ref(), MatchOutcome.NOT_ELIGIBLE, m.personId(), m.score(),
                    m.explanation(), m.candidates(), reason);
        }).toList();
    }

    private static PersonRecord record(ListEntry e) {
        return new PersonRecord(e.ref(), e.surname(), e.givenName(), e.patronymic(), e.fullName(),
                e.dateOfBirth() == null ? null : BirthDate.parse(e.dateOfBirth()), e.serviceNumber(), e.unit(),
                e.rank());
    }
}
