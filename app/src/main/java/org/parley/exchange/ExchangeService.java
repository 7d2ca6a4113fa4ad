package org.parley.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKind;
import org.parley.registry.Page;
import org.parley.registry.RegistryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchange rounds (README, "Exchange rounds"): opened by a party's negotiator with a counterparty and, usually,
 * an intermediary; {@code NEGOTIATING} until agreed or abandoned by either party's negotiator. Each change is an
 * audit entry in the same transaction.
 */
@Service
public class ExchangeService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_REASON = 1000;

    private final RoundRepository rounds;
    private final ListRepository lists;
    private final RegistryService registry;
    private final AuditLog audit;
    private final PublicIds publicIds;
    private final Duration stalledAfter;

    ExchangeService(RoundRepository rounds, ListRepository lists, RegistryService registry, AuditLog audit,
            PublicIds publicIds, @Value("${parley.exchange.stalled-after:14d}") Duration stalledAfter) {
        this.rounds = rounds;
        this.lists = lists;
        this.registry = registry;
        this.audit = audit;
        this.publicIds = publicIds;
        this.stalledAfter = stalledAfter;
    }

    /** A round with whose move it is, as answered to its participants. */
    public record RoundView(Round round, String publicId, WhoseMove move) {
    }

    @Transactional
    public RoundView open(Caller caller, String counterparty, String intermediary, String title) {
        return open(caller, counterparty, intermediary, title, Instant.now());
    }

    /** Opens a round at a given time (now, but for the demo world, whose rounds began weeks ago). */
    @Transactional
    public RoundView open(Caller caller, String counterparty, String intermediary, String title, Instant at) {
        if (!caller.isParty() || !caller.has(Role.NEGOTIATOR)) {
            throw new ForbiddenException("only negotiators of a party open exchange rounds", RoundAccess.RECORD,
                    null);
        }
        Organisation own = registry.organisation(caller.organisation()).orElseThrow();
        Organisation other = organisation(counterparty, "counterparty", OrganisationKind.PARTY);
        if (other.id() == own.id()) {
            throw new InvalidInputException("counterparty", "is your own organisation: a round is between two parties");
        }
        Long intermediaryId = intermediary == null ? null
                : organisation(intermediary, "intermediary", OrganisationKind.INTERMEDIARY).id();
        long id = rounds.insert(title, own.id(), other.id(), intermediaryId, caller.username(), micros(at));
        Round round = rounds.find(id).orElseThrow();
        audit.append(caller, RoundStates.change(RoundStates.OPEN, round));
        return view(round, at);
    }

    private Organisation organisation(String code, String field, OrganisationKind kind) {
        Organisation found = registry.organisation(code).orElseThrow(() -> new InvalidInputException(field,
                "'" + code + "' is not an organisation of this instance"));
        if (found.kind() != kind) {
            throw new InvalidInputException(field, "'" + code + "' is not " + (kind == OrganisationKind.PARTY
                    ? "a party" : "an intermediary"));
        }
        return found;
    }

    /** The rounds the caller's organisation takes part in, newest first. */
    public Page<RoundView> list(Caller caller, int page, int size) {
        RoundAccess.requireReader(caller);
        if (caller.organisation() == null) {
            return new Page<>(List.of(), 0, page, size);
        }
        List<Round> found = rounds.ofOrganisation(caller.organisation(), page, size);
        Map<Long, ListVersion> latest = lists.latestOfRounds(found.stream().map(Round::id).toList());
        Instant now = Instant.now();
        return new Page<>(found.stream().map(r -> new RoundView(r, publicIds.of(PublicIds.Kind.EXCHANGE, r.id()),
                WhoseMove.of(r, latest.get(r.id()), now, stalledAfter))).toList(),
                rounds.countOfOrganisation(caller.organisation()), page, size);
    }

    public RoundView get(Caller caller, String publicId) {
        return view(round(caller, publicId), Instant.now());
    }

    /** The round a participant names, or 404 — for a made-up id, a missing round and another's round alike. */
    Round round(Caller caller, String publicId) {
        RoundAccess.requireReader(caller);
        long id = roundId(publicId);
        Round round = rounds.find(id).orElseThrow(() -> RoundAccess.notFound(publicId));
        if (!RoundAccess.canSee(caller, round)) {
            throw RoundAccess.notFound(publicId);
        }
        return round;
    }

    /** The same, its row locked until the transaction ends, so that changes to one round take turns. */
    Round roundForUpdate(Caller caller, String publicId) {
        Round round = round(caller, publicId);
        return rounds.findForUpdate(round.id()).orElseThrow();
    }

    private long roundId(String publicId) {
        try {
            return publicIds.parse(PublicIds.Kind.EXCHANGE, publicId);
        } catch (NotFoundException e) {
            rounds.find(0);
            throw e;
        }
    }

    @Transactional
    public RoundView abandon(Caller caller, String publicId, String reason) {
        Round round = roundForUpdate(caller, publicId);
        if (!round.isParty(caller.organisation())) {
            throw new ForbiddenException("only the parties' negotiators abandon a round", RoundAccess.RECORD,
                    publicId);
        }
        RoundAccess.requireNegotiatorOf(caller, caller.organisation(), publicId, "abandon a round");
        requireOpen(round, publicId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the round is abandoned");
        }
        Instant now = Instant.now();
        rounds.abandon(round.id(), caller.username(), reason.strip(), micros(now));
        Round abandoned = rounds.find(round.id()).orElseThrow();
        audit.append(caller, RoundStates.change(RoundStates.ABANDON, abandoned));
        return view(abandoned, now);
    }

    static void requireNegotiating(Round round, String publicId) {
        if (round.state() != RoundState.NEGOTIATING) {
            throw new ConflictException("round-not-negotiating", "round " + publicId + " is " + round.state()
                    + ": its lists no longer change", Map.of("state", round.state().name()));
        }
    }

    String publicId(Round round) {
        return publicIds.of(PublicIds.Kind.EXCHANGE, round.id());
    }

    /**
     * Exchange-list versions, approvals and the handover go on until the handover is completed (an agreed round's
     * later version is an amendment); a round may be abandoned until then too.
     */
    static void requireOpen(Round round, String publicId) {
        if (round.state() != RoundState.NEGOTIATING && round.state() != RoundState.AGREED) {
            throw new ConflictException("round-closed", "round " + publicId + " is " + round.state()
                    + ": it no longer changes", Map.of("state", round.state().name()));
        }
    }

    RoundView view(Round round, Instant now) {
        return new RoundView(round, publicIds.of(PublicIds.Kind.EXCHANGE, round.id()),
                WhoseMove.of(round, lists.latestOfRound(round.id()).orElse(null), now, stalledAfter));
    }

    /** Times as PostgreSQL keeps them (microseconds), so that a state computed before storing equals the stored. */
    static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
