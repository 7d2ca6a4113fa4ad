package org.parley.interchange;

import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.api.CanonicalJson;
import org.parley.api.Caller;
import org.parley.api.ConflictException;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditTree;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import org.parley.registry.EventType;
import org.parley.registry.NotificationFeed;
import org.parley.registry.NotificationMerge;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKeys;
import org.parley.registry.OrganisationKind;
import org.parley.registry.RegistryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Notification bundles (GC III Art. 122 to 123, docs/interchange/bundles.md): a party's instance exports what it
 * notified since the last bundle for a receiver, signed with the instance's key; the receiving instance checks the
 * bundle against the sender's registered key and the chain of bundles before it, and merges it — all or nothing.
 */
@Service
public class BundleService {

    /** Who the command line acts as: the operator of the instance, outside every organisation. */
    public static final Caller OPERATOR = new Caller(0, "operator", null, false, Set.of());
    static final String RECORD_TYPE = "notification-bundle";
    static final String EXPORT = "BUNDLE_EXPORT";
    static final String IMPORT = "BUNDLE_IMPORT";

    private final RegistryService registry;
    private final NotificationFeed feed;
    private final NotificationMerge merge;
    private final OrganisationKeys keys;
    private final BundleRepository bundles;
    private final BundleSchema schema;
    private final SigningKey signingKey;
    private final AuditTree tree;
    private final AuditLog audit;

    BundleService(RegistryService registry, NotificationFeed feed, NotificationMerge merge, OrganisationKeys keys,
            BundleRepository bundles, BundleSchema schema, SigningKey signingKey, AuditTree tree, AuditLog audit) {
        this.registry = registry;
        this.feed = feed;
        this.merge = merge;
        this.keys = keys;
        this.bundles = bundles;
        this.schema = schema;
        this.signingKey = signingKey;
        this.tree = tree;
        this.audit = audit;
    }

    /** A registrar of a party exports its own party's notifications. */
    @Transactional
    public ObjectNode exportFor(Caller caller, String to) {
        if (!caller.isParty() || !caller.has(Role.REGISTRAR)) {
            throw new ForbiddenException("only registrars of a party export its notification bundles", RECORD_TYPE,
                    null);
        }
        return export(caller, caller.organisation(), to);
    }

    /**
     * The next bundle from {@code from} (a party of this instance) to {@code to}: the persons it holds and notified
     * that {@code to} may read and that changed since the last bundle, with their events since; signed, chained to
     * the last one, recorded and audited. The command line calls it as {@link #OPERATOR}.
     */
    @Transactional
    public ObjectNode export(Caller by, String from, String to) {
        requireCode("from", from);
        requireCode("to", to);
        bundles.lockChain("out", from, to);
        Map<Long, NotificationFeed.Sent> sent = bundles.sentPersons(from, to);
        List<NotificationFeed.NotifiedRecord> records = feed.changedSince(from, to, sent);
        Optional<BundleRepository.Link> last = bundles.lastSent(from, to);
        Checkpoint checkpoint = tree.sign();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("format", BundleDocument.FORMAT);
        body.put("formatVersion", BundleDocument.FORMAT_VERSION);
        body.put("sender", from);
        body.put("receiver", to);
        int sequence = last.map(BundleRepository.Link::sequence).orElse(0) + 1;
        body.put("sequence", sequence);
        if (last.isPresent()) {
            body.put("previousHash", last.get().hash());
        } else {
            body.putNull("previousHash");
        }
        body.put("createdAt", now.toString());
        BundleDocument.checkpoint(body.putObject("checkpoint"), checkpoint);
        ArrayNode persons = body.putArray("persons");
        int events = 0;
        for (NotificationFeed.NotifiedRecord record : records) {
            ObjectNode person = persons.addObject();
            person.put("id", record.publicId());
            person.put("version", record.version());
            person.set("facts", record.facts());
            ArrayNode list = person.putArray("events");
            for (NotificationFeed.NotifiedEvent event : record.events()) {
                ObjectNode e = list.addObject().put("seq", event.seq()).put("type", event.type().name());
                if (event.occurredOn() != null) {
                    e.put("occurredOn", event.occurredOn().toString());
                }
                if (event.place() != null) {
                    e.put("place", event.place());
                }
                if (event.note() != null) {
                    e.put("note", event.note());
                }
                events++;
            }
        }
        BundleDocument.sign(body, signingKey);
        String hash = body.get(BundleDocument.HASH).stringValue();
        bundles.insertSent(from, to, sequence, hash, now, by.username(), records.size(), events,
                checkpoint.treeSize(), records);
        audit.append(by, new AuditLog.Change(EXPORT, RECORD_TYPE, from + ">" + to + "#" + sequence, sequence,
                state(from, to, sequence, hash, records.size(), events)));
        return body;
    }

    /**
     * Checks a bundle received for {@code receiver} and merges it, as {@code by}: the API and the page as the
     * receiving organisation's registrar, the command line as {@link #OPERATOR}. Nothing is stored unless all of it
     * is accepted.
     *
     * @throws InvalidInputException when the document is malformed, for another receiver, from an unknown sender or
     *         one without a registered key, altered or not signed by the sender, or its data cannot be merged
     * @throws ConflictException {@code bundle-replayed}, {@code bundle-out-of-order} or {@code invalid-transition}
     */
    @Transactional
    public BundleReceipt importBundle(Caller by, String receiver, JsonNode document) {
        schema.require(document);
        String sender = document.get("sender").stringValue();
        String addressedTo = document.get("receiver").stringValue();
        if (!addressedTo.equals(receiver)) {
            throw new InvalidInputException("receiver", "the bundle is for '" + addressedTo + "', not for '" + receiver
                    + "'");
        }
        Organisation from = registry.organisation(sender).orElseThrow(() -> new InvalidInputException("sender",
                "unknown sender '" + sender + "': no such organisation is registered here"));
        if (from.kind() != OrganisationKind.PARTY) {
            throw new InvalidInputException("sender", "'" + sender + "' is not a party: only a party notifies");
        }
        PublicKey key = keys.of(sender).orElseThrow(() -> new InvalidInputException("sender", "no public key is "
                + "registered for '" + sender + "' (organisation set-key " + sender + " --public-key FILE)"));
        byte[] signed = BundleDocument.signedBytes(document);
        String hash = BundleDocument.hash(signed);
        if (!hash.equals(document.get(BundleDocument.HASH).stringValue())) {
            throw new InvalidInputException("hash", "the body was altered: its SHA-256 is " + hash
                    + ", the bundle says " + document.get(BundleDocument.HASH).stringValue());
        }
        if (!BundleDocument.verify(key, signed, document.get(BundleDocument.SIGNATURE).stringValue())) {
            throw new InvalidInputException("signature", "the signature is not " + sender + "'s: it does not "
                    + "verify with the public key registered for '" + sender + "' (forged, or signed with another key)");
        }
        Checkpoint checkpoint = BundleDocument.checkpoint(document.get("checkpoint"));
        Instant createdAt = BundleDocument.instant(document, "createdAt");
        if (!checkpoint.verify(key)) {
            throw new InvalidInputException("checkpoint", "the audit checkpoint is not signed with " + sender
                    + "'s key");
        }
        int sequence = document.get("sequence").intValue();
        bundles.lockChain("in", sender, receiver);
        requireNext(sender, receiver, sequence, document.get("previousHash"), hash);
        List<NotificationMerge.Incoming> incoming = incoming(document.get("persons"));
        NotificationMerge.Result merged = merge.merge(by, sender, incoming, "notification bundle " + sequence
                + " from " + sender);
        int events = incoming.stream().mapToInt(p -> p.events().size()).sum();
        BundleReceipt receipt = new BundleReceipt(sender, receiver, sequence, hash, createdAt,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                by.username(), incoming.size(), merged.created(), merged.updated(), events, checkpoint.treeSize());
        bundles.insertReceived(receipt);
        audit.append(by, new AuditLog.Change(IMPORT, RECORD_TYPE, sender + ">" + receiver + "#" + sequence, sequence,
                state(sender, receiver, sequence, hash, incoming.size(), events)));
        return receipt;
    }

    /** The bundles the caller's organisation received, for its readers (never another organisation's). */
    public List<BundleReceipt> received(Caller caller) {
        if (!caller.readsRecords()) {
            throw new ForbiddenException("your roles do not include reading what your organisation received",
                    RECORD_TYPE, null);
        }
        return bundles.receivedBy(caller.organisation());
    }

    /** Imports for the caller's own organisation, by its registrars only. */
    @Transactional
    public BundleReceipt importFor(Caller caller, JsonNode document) {
        if (caller.organisation() == null || !caller.has(Role.REGISTRAR)) {
            throw new ForbiddenException("only registrars of the receiving organisation import bundles", RECORD_TYPE,
                    null);
        }
        return importBundle(caller, caller.organisation(), document);
    }

    private void requireNext(String sender, String receiver, int sequence, JsonNode previousHash, String hash) {
        Optional<BundleRepository.Link> last = bundles.lastReceived(sender, receiver);
        int expected = last.map(BundleRepository.Link::sequence).orElse(0) + 1;
        if (sequence < expected) {
            Optional<BundleReceipt> earlier = bundles.received(sender, receiver, sequence);
            throw new ConflictException("bundle-replayed", "bundle " + sequence + " from " + sender + " to "
                    + receiver + " was already received" + earlier.map(r -> " on " + r.receivedAt()
                    + (r.hash().equals(hash) ? " (this very bundle)" : " (another bundle with that number)"))
                    .orElse("") + ": a replay, nothing was stored", Map.of("sequence", sequence,
                    "expected", expected));
        }
        if (sequence > expected) {
            throw new ConflictException("bundle-out-of-order", "bundle " + sequence + " from " + sender
                    + " comes before bundle " + expected + (sequence > expected + 1 ? " to " + (sequence - 1) : "")
                    + ", which " + (sequence > expected + 1 ? "were" : "was") + " not received: import "
                    + expected + " first", Map.of("sequence", sequence, "expected", expected));
        }
        String expectedPrevious = last.map(BundleRepository.Link::hash).orElse(null);
        String claimed = previousHash == null || previousHash.isNull() ? null : previousHash.stringValue();
        if (!java.util.Objects.equals(expectedPrevious, claimed)) {
            throw new ConflictException("bundle-out-of-order", "bundle " + sequence + " from " + sender
                    + " does not follow the last bundle received: its previousHash is " + claimed + ", the hash of "
                    + (expectedPrevious == null ? "none (it is the first)" : "bundle " + (expected - 1) + " is "
                    + expectedPrevious), Map.of("sequence", sequence, "expected", expected));
        }
    }

    private static List<NotificationMerge.Incoming> incoming(JsonNode persons) {
        List<NotificationMerge.Incoming> incoming = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < persons.size(); i++) {
            JsonNode person = persons.get(i);
            if (!ids.add(person.get("id").stringValue())) {
                throw new InvalidInputException("persons[" + i + "].id", "record " + person.get("id").stringValue()
                        + " comes twice in the bundle");
            }
            List<NotificationFeed.NotifiedEvent> events = new ArrayList<>();
            for (JsonNode e : person.get("events")) {
                LocalDate on = null;
                try {
                    if (e.has("occurredOn")) {
                        on = LocalDate.parse(e.get("occurredOn").stringValue());
                    }
                } catch (java.time.format.DateTimeParseException bad) {
                    throw new InvalidInputException("persons[" + i + "].events.occurredOn", "'"
                            + e.get("occurredOn").stringValue() + "' is not a date");
                }
                events.add(new NotificationFeed.NotifiedEvent(e.get("seq").intValue(),
                        EventType.valueOf(e.get("type").stringValue()), on, text(e, "place"), text(e, "note")));
            }
            incoming.add(new NotificationMerge.Incoming(person.get("id").stringValue(), person.get("facts"), events));
        }
        return incoming;
    }

    private static String text(JsonNode node, String member) {
        return node.has(member) ? node.get(member).stringValue() : null;
    }

    private static void requireCode(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "is required: an organisation's code");
        }
    }

    private static String state(String sender, String receiver, int sequence, String hash, int persons, int events) {
        return CanonicalJson.write(JsonNodeFactory.instance.objectNode().put("sender", sender)
                .put("receiver", receiver).put("sequence", sequence).put("hash", hash).put("persons", persons)
                .put("events", events));
    }
}
