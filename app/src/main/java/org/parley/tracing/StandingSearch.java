package org.parley.tracing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.audit.AuditLog;
import org.parley.names.PreparedPerson;
import org.parley.registry.MatchablePerson;
import org.parley.registry.PersonMatching;
import org.parley.registry.PersonsAnnounced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standing search: while a tracing request is open, a person registered, imported, received, notified or
 * corrected later who matches it (at or above the review threshold) becomes its candidate at once, in the
 * transaction that made the person visible to the recording organisation, unseen until the recorder reads the
 * request. Set-based: the new persons' keys are joined to the open requests' keys ({@code tracing_key}) in one
 * query, and only the pairs that share a key, and whose person the recording organisation may see, are scored.
 */
@Component
class StandingSearch {

    /** Persons handled at once (an import announces all of its new persons together). */
    static final int CHUNK = 5_000;
    /**
     * Above this many announced persons per open request, each request is searched again instead of every new
     * person's keys being joined to the requests' keys: a request's search reads a few blocks of bounded size, while
     * each new person is read and keyed, and a common surname pairs it with every request for that surname.
     */
    static final int PERSONS_PER_REQUEST = 10;

    private final TracingRepository requests;
    private final TracingSearch search;
    private final PersonMatching matching;
    private final TracingStates states;
    private final AuditLog audit;

    StandingSearch(TracingRepository requests, TracingSearch search, PersonMatching matching, TracingStates states,
            AuditLog audit) {
        this.requests = requests;
        this.search = search;
        this.matching = matching;
        this.states = states;
        this.audit = audit;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void personsAnnounced(PersonsAnnounced announced) {
        if (!requests.anyOpen()) {
            return;
        }
        List<Long> ids = announced.personIds();
        // a few persons (a registration) never read the open requests: with one open, they are not more per request
        if (ids.size() > PERSONS_PER_REQUEST) {
            List<Long> open = requests.openIds();
            if (ids.size() > PERSONS_PER_REQUEST * open.size()) {
                searchAgain(open, ids);
                return;
            }
        }
        for (int from = 0; from < ids.size(); from += CHUNK) {
            match(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
    }

    /**
     * Many persons against few requests (a first load of a registry): each open request is searched again as when it
     * was recorded ({@link TracingSearch#search}: through its rarer keys, in bounded work), and of the persons found,
     * those just announced are its new candidates. The keys of a million persons are thus never computed or joined.
     */
    private void searchAgain(List<Long> open, List<Long> ids) {
        long[] announced = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        for (TracingRequest request : requests.find(open).values()) {
            if (request.state() != TracingState.OPEN) {
                continue;
            }
            List<TracingSearch.Found> found = search.search(request.organisation(), request.input(), Integer.MAX_VALUE)
                    .stream().filter(f -> Arrays.binarySearch(announced, f.personId()) >= 0).toList();
            if (requests.addCandidates(request.id(), found, FoundBy.STANDING_SEARCH) > 0) {
                audit.append(actor(request), states.change(TracingStates.ADD_CANDIDATES, request.id()));
            }
        }
    }

    private void match(List<Long> ids) {
        Map<Long, MatchablePerson> persons = new HashMap<>();
        List<Long> keyPersons = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (MatchablePerson person : matching.records(ids)) {
            persons.put(person.id(), person);
            for (String key : TracingSearch.personKeys(person.record())) {
                keyPersons.add(person.id());
                keys.add(key);
            }
        }
        List<TracingRepository.Pair> pairs = requests.sharingKeys(keyPersons.stream().mapToLong(Long::longValue)
                .toArray(), keys.toArray(String[]::new));
        if (pairs.isEmpty()) {
            return;
        }
        Map<Long, List<Long>> byRequest = new LinkedHashMap<>();
        pairs.forEach(p -> byRequest.computeIfAbsent(p.requestId(), k -> new ArrayList<>()).add(p.personId()));
        Map<Long, TracingRequest> open = requests.find(byRequest.keySet());
        Map<String, Set<Long>> visible = new HashMap<>();
        for (Map.Entry<Long, List<Long>> entry : byRequest.entrySet()) {
            TracingRequest request = open.get(entry.getKey());
            if (request == null || request.state() != TracingState.OPEN) {
                continue;
            }
            Set<Long> seenBy = visible.computeIfAbsent(request.organisation(), org -> visibleTo(org, pairs));
            List<MatchablePerson> candidates = entry.getValue().stream().filter(seenBy::contains)
                    .map(persons::get).toList();
            PreparedPerson sought = PreparedPerson.of(request.input().record("request"));
            List<TracingSearch.Found> found = search.score(sought, candidates);
            if (requests.addCandidates(request.id(), found, FoundBy.STANDING_SEARCH) > 0) {
                audit.append(actor(request), states.change(TracingStates.ADD_CANDIDATES, request.id()));
            }
        }
    }

    /** Those of the paired persons the organisation may see, by the registry's visibility rule. */
    private Set<Long> visibleTo(String organisation, List<TracingRepository.Pair> pairs) {
        Set<Long> ids = new HashSet<>();
        pairs.forEach(p -> ids.add(p.personId()));
        Set<Long> visible = new HashSet<>();
        matching.visibleTo(organisation, ids).forEach(p -> visible.add(p.id()));
        return visible;
    }

    /**
     * The standing search acts for the recording organisation: its entries are that organisation's, so that the
     * party whose change triggered it (a detaining power registering a person) does not learn of the request from
     * its own audit log.
     */
    private static Caller actor(TracingRequest request) {
        return new Caller(0, "standing-search", request.organisation(), request.byIntermediary(), Set.of());
    }
}
