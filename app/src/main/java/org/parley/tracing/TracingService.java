package org.parley.tracing;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.audit.AuditLog;
import org.parley.names.PreparedPerson;
import org.parley.registry.Page;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracing requests: recorded with a search of the registry, decided on, answered and closed by the recording
 * organisation, read by it and the intermediary (see {@link TracingAccess}); every change is an audit entry.
 */
@Service
public class TracingService {

    public static final int MAX_NAME = 200;
    public static final int MAX_LINE = 500;
    public static final int MAX_TEXT = 10_000;

    /** A candidate as the reader may see the person; {@code fresh} when found by the standing search and unseen. */
    public record ShownCandidate(String personId, Person person, double score, String explanation,
            CandidateDecision decision, boolean standing, boolean fresh) {

        /** The language of the person's names as registered (uk, ru), for their Latin spelling. */
        public String nameLanguage() {
            return person.text(PersonField.NAME_LANGUAGE);
        }
    }

    /** A request as its reader sees it. */
    public record Shown(String id, TracingRequest request, List<ShownCandidate> candidates, boolean keeper) {
    }

    /** A request in a list, with counts of the candidates the reader may see. */
    public record Summary(String id, TracingRequest request, int candidates, int newMatches, int confirmed) {
    }

    private final TracingRepository requests;
    private final TracingSearch search;
    private final TracingStates states;
    private final RegistryService registry;
    private final AuditLog audit;
    private final PublicIds publicIds;

    TracingService(TracingRepository requests, TracingSearch search, TracingStates states, RegistryService registry,
            AuditLog audit, PublicIds publicIds) {
        this.requests = requests;
        this.search = search;
        this.states = states;
        this.registry = registry;
        this.audit = audit;
        this.publicIds = publicIds;
    }

    /** Records a request, searches what the caller's organisation may see, and keeps its keys for the standing search. */
    @Transactional
    public Shown record(Caller caller, TracingInput input) {
        TracingAccess.requireRecorder(caller);
        long id = requests.insert(caller, input);
        requests.addCandidates(id, search.search(caller.organisation(), input), FoundBy.SEARCH);
        requests.storeKeys(id, TracingSearch.requestKeys(PreparedPerson.of(input.record("request"))));
        audit.append(caller, states.change(TracingStates.RECORD, id));
        return show(caller, requests.find(id).orElseThrow());
    }

    /** The request as the caller may read it; its recorder's reading marks its new matches seen. */
    @Transactional
    public Shown read(Caller caller, String publicId) {
        TracingRequest request = readable(caller, publicId);
        Shown shown = show(caller, request);
        if (TracingAccess.recorded(caller, request)) {
            requests.markSeen(request.id());
        }
        return shown;
    }

    /**
     * The requests the caller may read: open (or the given states), those with new matches first; page
     * {@code page} (from 0) of them, with how many there are in all.
     */
    @Transactional(readOnly = true)
    public Page<Summary> list(Caller caller, Set<TracingState> states, boolean newMatchesOnly, int page, int size) {
        TracingAccess.requireReader(caller);
        Map<String, Object> params = new HashMap<>();
        String visible = registry.visibleCondition(caller, params);
        TracingRepository.Listing listing = requests.list(caller.organisation(), caller.intermediary(),
                states.isEmpty() ? EnumSet.allOf(TracingState.class) : states, newMatchesOnly, visible, params,
                page * size, size);
        return new Page<>(listing.items().stream()
                .map(l -> new Summary(publicIds.of(PublicIds.Kind.TRACING_REQUEST, l.request().id()), l.request(),
                        l.candidates(), l.unseen(), l.confirmed())).toList(), listing.total(), page, size);
    }

    @Transactional
    public Shown decide(Caller caller, String publicId, String personPublicId, CandidateDecision decision) {
        TracingRequest request = keptForUpdate(caller, publicId);
        requireNotClosed(request, publicId);
        long personId = registry.personId(personPublicId);
        boolean shownToCaller = !registry.visible(caller, List.of(personId)).isEmpty();
        if (!shownToCaller || !requests.decide(request.id(), personId, decision)) {
            throw NotFoundException.of("tracing-candidate", personPublicId);
        }
        audit.append(caller, states.change(TracingStates.DECIDE, request.id()));
        return show(caller, requests.find(request.id()).orElseThrow());
    }

    @Transactional
    public Shown answer(Caller caller, String publicId, String text) {
        TracingRequest request = keptForUpdate(caller, publicId);
        if (request.state() != TracingState.OPEN) {
            throw new ConflictException("invalid-transition", "tracing request " + publicId + " is "
                    + request.state() + ": only an open request is answered", Map.of("state", request.state().name()));
        }
        requests.answer(request.id(), text);
        audit.append(caller, states.change(TracingStates.ANSWER, request.id()));
        return show(caller, requests.find(request.id()).orElseThrow());
    }

    @Transactional
    public Shown close(Caller caller, String publicId) {
        TracingRequest request = keptForUpdate(caller, publicId);
        requireNotClosed(request, publicId);
        requests.close(request.id());
        audit.append(caller, states.change(TracingStates.CLOSE, request.id()));
        return show(caller, requests.find(request.id()).orElseThrow());
    }

    private static void requireNotClosed(TracingRequest request, String publicId) {
        if (request.state() == TracingState.CLOSED) {
            throw new ConflictException("invalid-transition", "tracing request " + publicId
                    + " is closed: nothing more is recorded on it", Map.of("state", request.state().name()));
        }
    }

    private TracingRequest readable(Caller caller, String publicId) {
        TracingAccess.requireReader(caller);
        long id = publicIds.parse(PublicIds.Kind.TRACING_REQUEST, publicId);
        TracingRequest request = requests.find(id).orElseThrow(() -> NotFoundException.of(TracingAccess.RECORD,
                publicId));
        return TracingAccess.readable(caller, request, publicId);
    }

    private TracingRequest keptForUpdate(Caller caller, String publicId) {
        TracingAccess.requireReader(caller);
        long id = publicIds.parse(PublicIds.Kind.TRACING_REQUEST, publicId);
        TracingRequest request = requests.findForUpdate(id).orElseThrow(() -> NotFoundException.of(
                TracingAccess.RECORD, publicId));
        TracingAccess.requireKeeper(caller, request, publicId);
        return request;
    }

    /** The request with the candidates the caller may see, as the caller may read each person. */
    private Shown show(Caller caller, TracingRequest request) {
        List<TracingCandidate> candidates = requests.candidates(request.id());
        Map<Long, Person> visible = new HashMap<>();
        registry.visible(caller, candidates.stream().map(TracingCandidate::personId).toList())
                .forEach(p -> visible.put(p.id(), p));
        List<ShownCandidate> shown = candidates.stream().filter(c -> visible.containsKey(c.personId()))
                .map(c -> new ShownCandidate(visible.get(c.personId()).publicId(), visible.get(c.personId()),
                        c.score(), c.explanation(), c.decision(), c.foundBy() == FoundBy.STANDING_SEARCH, !c.seen()))
                .toList();
        return new Shown(publicIds.of(PublicIds.Kind.TRACING_REQUEST, request.id()), request, shown,
                TracingAccess.keeps(caller, request));
    }
}
