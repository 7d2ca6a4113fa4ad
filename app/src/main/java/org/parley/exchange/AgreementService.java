package org.parley.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.ForbiddenException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditTree;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.RegistryService;
import org.parley.wishes.WishService;
import org.parley.wishes.WishStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Approvals and the agreement (README, "Exchange rounds"): a party's negotiator approves the latest exchange-list
 * version for its own organisation — the SHA-256 of the version's canonical JSON, the user and the time, signed
 * with the instance's Ed25519 key and kept in the audit log. When both parties approved the same version the
 * round is AGREED and that version is the agreement; a later version approved by both amends it. The
 * intermediary's negotiator may add a witness approval.
 */
@Service
public class AgreementService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExchangeService exchanges;
    private final ExchangeListService exchangeLists;
    private final ExchangeListRepository versions;
    private final ApprovalRepository approvals;
    private final RoundRepository rounds;
    private final RegistryService registry;
    private final WishService wishes;
    private final AuditLog audit;
    private final AuditTree tree;
    private final SigningKey key;
    private final PublicIds publicIds;

    AgreementService(ExchangeService exchanges, ExchangeListService exchangeLists, ExchangeListRepository versions,
            ApprovalRepository approvals, RoundRepository rounds, RegistryService registry, WishService wishes,
            AuditLog audit, AuditTree tree, SigningKey key, PublicIds publicIds) {
        this.exchanges = exchanges;
        this.exchangeLists = exchangeLists;
        this.versions = versions;
        this.approvals = approvals;
        this.rounds = rounds;
        this.registry = registry;
        this.wishes = wishes;
        this.audit = audit;
        this.tree = tree;
        this.key = key;
        this.publicIds = publicIds;
    }

    /** Why a person of a version may not be released now. */
    public enum ObstacleCode { NOT_HELD, NOT_IN_CUSTODY, VERIFIED_NOT_RETURNING }

    /**
     * A person the version releases who may not be released now, and why: in words, and as a code with the status
     * where it is about custody.
     */
    public record Obstacle(String personId, String name, String side, ObstacleCode code, String status,
            String problem) {
    }

    @Transactional
    public Approval approve(Caller caller, String roundId, int number, String organisation) {
        return approve(caller, roundId, number, organisation, Instant.now());
    }

    /** Approves at a given time (now, but for the demo world). */
    @Transactional
    public Approval approve(Caller caller, String roundId, int number, String organisation, Instant now) {
        Round round = exchanges.roundForUpdate(caller, roundId);
        String own = caller.organisation();
        if (organisation != null && !organisation.equals(own)) {
            throw new ForbiddenException("a negotiator approves for its own organisation only, never for "
                    + organisation, RoundAccess.RECORD, roundId);
        }
        if (!caller.has(Role.NEGOTIATOR) || !round.takesPart(own)) {
            throw new ForbiddenException("only the negotiators of the round's parties approve its exchange list, and "
                    + "the intermediary's as witness", RoundAccess.RECORD, roundId);
        }
        ExchangeService.requireOpen(round, roundId);
        int latest = versions.latestNumber(round.id());
        ExchangeListVersion version = exchangeLists.stored(round, number);
        if (number != latest) {
            throw new ConflictException("not-latest-version", "version " + number + " is not the latest version of "
                    + "the exchange list (" + latest + "): review version " + latest + " and approve it",
                    Map.of("latest", latest));
        }
        List<Approval> existing = approvals.ofRound(round.id());
        if (existing.stream().anyMatch(a -> a.versionId() == version.id() && a.organisation().equals(own))) {
            throw new ConflictException("already-approved", own + " has already approved version " + number,
                    Map.of("version", number));
        }
        List<Obstacle> obstacles = obstacles(round, version);
        if (!obstacles.isEmpty()) {
            throw new ConflictException("release-not-possible", obstacles.size() + " person(s) of version " + number
                    + " cannot be released: " + obstacles.stream().map(o -> o.name() + " (" + o.personId() + "): "
                    + o.problem()).collect(Collectors.joining("; ")), Map.of("persons", obstacles.stream()
                    .map(o -> Map.of("personId", o.personId(), "name", o.name(), "side", o.side(), "code",
                            o.code().name(), "status", o.status(), "problem", o.problem())).toList()));
        }
        String role = round.isParty(own) ? ApprovalSignature.PARTY : ApprovalSignature.WITNESS;
        Instant at = ExchangeService.micros(now);
        ApprovalSignature.Approval signed = new ApprovalSignature.Approval(exchanges.publicId(round), number,
                HexFormat.of().formatHex(version.hash()), own, role, caller.username(), at);
        String signature = ApprovalSignature.sign(signed, key);
        long id = approvals.nextId();
        AuditEntry entry = audit.append(caller, ApprovalStates.change(id, signed.auditState(signature)));
        Approval approval = new Approval(id, round.id(), version.id(), number, own, role, version.hash(),
                caller.username(), at, java.util.Base64.getDecoder().decode(signature), entry.seq());
        approvals.insert(approval, registry.organisation(own).orElseThrow().id());
        if (role.equals(ApprovalSignature.PARTY) && existing.stream().anyMatch(a -> a.versionId() == version.id()
                && a.role().equals(ApprovalSignature.PARTY) && !a.organisation().equals(own))) {
            rounds.agree(round.id(), number, at);
            audit.append(caller, RoundStates.change(RoundStates.AGREE, rounds.find(round.id()).orElseThrow()));
        }
        return approval;
    }

    /** The persons a version releases who are not in custody of their side now, or verified not to return. */
    List<Obstacle> obstacles(Round round, ExchangeListVersion version) {
        ExchangeListDocument document = ExchangeListDocument.fromJson(JSON.readTree(version.document()));
        Map<Long, String> sideOf = new LinkedHashMap<>();
        Map<Long, ExchangeListDocument.Item> itemOf = new LinkedHashMap<>();
        document.releases().forEach((side, items) -> items.forEach(i -> {
            long id = publicIds.parse(PublicIds.Kind.PERSON, i.personId());
            sideOf.put(id, side);
            itemOf.put(id, i);
        }));
        Map<Long, Person> persons = registry.records(sideOf.keySet()).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Long, WishStatus> wish = wishes.statuses(sideOf.keySet());
        List<Obstacle> obstacles = new ArrayList<>();
        sideOf.forEach((id, side) -> {
            Person p = persons.get(id);
            ObstacleCode code = !side.equals(p.text(PersonField.HOLDING_PARTY)) ? ObstacleCode.NOT_HELD
                    : !p.status().inCustody() ? ObstacleCode.NOT_IN_CUSTODY
                    : wish.get(id) == WishStatus.VERIFIED_NOT_RETURNING ? ObstacleCode.VERIFIED_NOT_RETURNING : null;
            if (code != null) {
                String problem = switch (code) {
                    case NOT_HELD -> "not held by " + side;
                    case NOT_IN_CUSTODY -> "not in custody (" + p.status() + ")";
                    case VERIFIED_NOT_RETURNING -> "verified wish not to return";
                };
                obstacles.add(new Obstacle(itemOf.get(id).personId(), itemOf.get(id).identity().name(), side, code,
                        p.status().name(), problem));
            }
        });
        return obstacles;
    }

    /** Every approval of the round, oldest first. */
    public List<Approval> approvals(Caller caller, String roundId) {
        return approvals.ofRound(exchanges.round(caller, roundId).id());
    }

    /**
     * The agreement document (see README, "Exchange rounds"): the agreed version and everything needed to check it
     * offline. 409 while the round has no agreement.
     */
    public ObjectNode agreement(Caller caller, String roundId) {
        Round round = exchanges.round(caller, roundId);
        if (round.agreedVersion() == null) {
            throw new ConflictException("not-agreed", "round " + roundId + " has no agreement yet: both parties "
                    + "approve the same exchange-list version", Map.of("state", round.state().name()));
        }
        ExchangeListVersion version = exchangeLists.stored(round, round.agreedVersion());
        List<Approval> of = approvals.ofRound(round.id()).stream().filter(a -> a.versionId() == version.id())
                .toList();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("document", "parley-exchange-agreement");
        node.put("formatVersion", 1);
        ObjectNode roundNode = node.putObject("round");
        roundNode.put("id", exchanges.publicId(round));
        roundNode.put("title", round.title());
        roundNode.put("firstParty", round.firstParty());
        roundNode.put("secondParty", round.secondParty());
        roundNode.put("intermediary", round.intermediary());
        ObjectNode parties = roundNode.putObject("parties");
        for (String party : round.parties()) {
            parties.put(party, registry.organisation(party).orElseThrow().name());
        }
        roundNode.put("agreedAt", round.agreedAt().toString());
        node.set("exchangeList", JSON.readTree(version.document()));
        node.put("versionHash", HexFormat.of().formatHex(version.hash()));
        ArrayNode approvalArray = node.putArray("approvals");
        long lastSeq = 0;
        for (Approval a : of) {
            ObjectNode approval = a.signed(exchanges.publicId(round)).payload();
            approval.put("signature", a.signatureBase64());
            approval.put("auditSeq", a.auditSeq());
            approvalArray.add(approval);
            lastSeq = Math.max(lastSeq, a.auditSeq());
        }
        node.put("publicKey", SigningKey.publicKeyPem(key.publicKey()));
        Checkpoint checkpoint = tree.covering(lastSeq);
        node.put("checkpoint", checkpoint.note(key.publicKey()));
        return node;
    }

    /** The organisations whose approval of the latest version is still missing (parties only). */
    public Set<String> awaiting(Round round, List<Approval> all) {
        int latest = versions.latestNumber(round.id());
        Set<String> approved = all.stream().filter(a -> a.versionNumber() == latest).map(Approval::organisation)
                .collect(Collectors.toSet());
        return round.parties().stream().filter(p -> !approved.contains(p))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
