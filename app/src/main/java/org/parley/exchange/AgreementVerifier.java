package org.parley.exchange;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditLog;
import org.parley.audit.Checkpoint;
import org.parley.audit.MerkleProofs;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an agreement document ({@code GET /api/v1/exchanges/{id}/agreement}, issue 12) without the server: that
 * its exchange list is the one every approval signed, that each signature holds with the instance's public key,
 * that both parties approved (and only for themselves), and that its signed checkpoint covers every approval's
 * audit entry. Given an {@link AuditLookup} (the audit log of the instance's database), it also checks that each
 * approval is the entry of the log it names, and that the checkpoint is of that log. Pure: no Spring, no database
 * of its own.
 *
 * <p>What cannot be checked offline is whether the persons and facts of the list are true: only that the list is,
 * byte for byte in canonical form, the one the negotiators approved.
 */
public final class AgreementVerifier {

    public static final String DOCUMENT = "parley-exchange-agreement";
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----\\s*([A-Za-z0-9+/=\\s]+?)-----END PUBLIC KEY-----");
    private static final HexFormat HEX = HexFormat.of();

    /**
     * The audit log an agreement's approvals and checkpoint are checked against: over the database when one is
     * given, in memory in tests.
     */
    public interface AuditLookup {

        /** The entry at this sequence number as the log holds it; empty when the log has none there. */
        Optional<AuditEntry> entry(long seq);

        /** The root hash of the log's first {@code treeSize} entries; empty when the log holds fewer. */
        Optional<byte[]> root(long treeSize);

        /**
         * The RFC 9162 inclusion proof of the entry at {@code seq} in the tree of {@code treeSize}; empty when the
         * log holds fewer entries.
         */
        Optional<List<byte[]>> inclusionProof(long seq, long treeSize);
    }

    /** Input that is no agreement document at all: not JSON, or not a JSON object. */
    public static final class UnreadableDocumentException extends RuntimeException {
        UnreadableDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The outcome: no problems, or each thing that does not hold, as a sentence a person can read. */
    public record Result(List<String> problems, String summary) {

        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private AgreementVerifier() {
    }

    /** Checks the document with its own public key, offline. */
    public static Result verify(String json) {
        return verify(json, null, null);
    }

    /**
     * Checks the document.
     *
     * @param givenKey the instance's public key as the user knows it, or null to use the document's own
     * @param lookup the audit log to find the approvals in, or null to check offline only
     * @throws UnreadableDocumentException when the text is not a JSON object
     */
    public static Result verify(String json, PublicKey givenKey, AuditLookup lookup) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new UnreadableDocumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (document == null || !document.isObject()) {
            throw new UnreadableDocumentException("not a JSON object", null);
        }
        return new Run(document, givenKey, lookup).verify();
    }

    /**
     * An Ed25519 public key written as PEM ({@code -----BEGIN PUBLIC KEY-----}) or as the Base64 of its X.509
     * SubjectPublicKeyInfo ({@code spki} of {@code GET /api/v1/audit/public-key}).
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static PublicKey publicKey(String pemOrBase64) {
        if (pemOrBase64 == null || pemOrBase64.isBlank()) {
            throw new IllegalArgumentException("no key given");
        }
        String text = pemOrBase64.strip();
        Matcher pem = PEM.matcher(text);
        String base64 = pem.find() ? pem.group(1) : text;
        if (!base64.matches("[A-Za-z0-9+/=\\s]+")) {
            throw new IllegalArgumentException("neither a PEM public key (-----BEGIN PUBLIC KEY-----) nor Base64");
        }
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 SubjectPublicKeyInfo): "
                    + e.getMessage(), e);
        }
    }

    /** The round as the document describes it; null for what it lacks. */
    private record Round(String id, String title, String firstParty, String secondParty, String intermediary,
            JsonNode names) {

        List<String> parties() {
            return Stream.of(firstParty, secondParty).filter(Objects::nonNull).toList();
        }
    }

    /** An approval as the document lists it; {@code approval} is null when a signed member is missing or unreadable. */
    private record Listed(String name, ApprovalSignature.Approval approval, String signature, Long auditSeq) {
    }

    /** One verification: the document, what was given, and the problems found so far. */
    private static final class Run {

        private final JsonNode document;
        private final PublicKey givenKey;
        private final AuditLookup lookup;
        private final List<String> problems = new ArrayList<>();

        Run(JsonNode document, PublicKey givenKey, AuditLookup lookup) {
            this.document = document;
            this.givenKey = givenKey;
            this.lookup = lookup;
        }

        Result verify() {
            JsonNode kind = document.get("document");
            if (kind == null || !kind.isString() || !kind.stringValue().equals(DOCUMENT)) {
                problems.add("this is not a " + DOCUMENT + " document (its \"document\" member is "
                        + shown(kind) + ")");
                return new Result(problems, null);
            }
            JsonNode format = document.get("formatVersion");
            if (format == null || !format.isIntegralNumber() || !format.canConvertToInt()
                    || format.intValue() != FORMAT_VERSION) {
                problems.add("the document is of format version " + shown(format) + "; this verifier reads format "
                        + "version " + FORMAT_VERSION + " only");
                return new Result(problems, null);
            }
            Round round = round();
            JsonNode list = document.get("exchangeList");
            String listHash = null;
            Integer listVersion = null;
            if (list == null || !list.isObject()) {
                problems.add("the document holds no exchange list (member \"exchangeList\")");
            } else {
                listHash = listHash(list);
                listVersion = integer(list.get("version"));
                if (listVersion == null) {
                    problems.add("the exchange list has no version number");
                }
                checkListRound(list, round);
            }
            String versionHash = text(document, "versionHash");
            if (versionHash == null) {
                problems.add("the document has no versionHash");
            }
            PublicKey key = key();
            String keyName = givenKey != null ? "the public key given" : "the document's public key";

            List<Listed> approvals = approvals();
            Set<String> signedHashes = new LinkedHashSet<>();
            for (Listed listed : approvals) {
                boolean signed = checkApproval(listed, round, listVersion, versionHash, key, keyName);
                if (listed.approval() != null && (signed || key == null)) {
                    signedHashes.add(listed.approval().versionHash());
                }
            }
            if (signedHashes.isEmpty() && versionHash != null) {
                signedHashes.add(versionHash);
            }
            checkListHash(list, listHash, versionHash, signedHashes, round);
            for (String party : round.parties()) {
                boolean approved = approvals.stream().anyMatch(a -> a.approval() != null
                        && a.approval().role().equals(ApprovalSignature.PARTY)
                        && a.approval().organisation().equals(party));
                if (!approved) {
                    problems.add("there is no PARTY approval of " + party + ": " + party + " has not approved this "
                            + "exchange list");
                }
            }
            Checkpoint checkpoint = checkpoint(key, keyName, approvals);
            if (lookup != null) {
                checkLog(approvals, checkpoint);
            }
            return new Result(problems, problems.isEmpty()
                    ? summary(round, list, listVersion, versionHash, approvals, keyName, checkpoint) : null);
        }

        private Round round() {
            JsonNode round = document.get("round");
            if (round == null || !round.isObject()) {
                problems.add("the document has no round");
                return new Round(null, null, null, null, null, null);
            }
            String id = required(round, "id", "the round");
            String first = required(round, "firstParty", "the round");
            String second = required(round, "secondParty", "the round");
            String intermediary = null;
            JsonNode node = round.get("intermediary");
            if (node != null && node.isString()) {
                intermediary = node.stringValue();
            } else if (node != null && !node.isNull()) {
                problems.add("the round's intermediary is " + shown(node) + ", neither an organisation code nor null");
            }
            if (first != null && first.equals(second)) {
                problems.add("the round's first and second party are both " + first);
            }
            return new Round(id, text(round, "title"), first, second, intermediary, round.get("parties"));
        }

        private String listHash(JsonNode list) {
            try {
                return ApprovalSignature.versionHash(list);
            } catch (IllegalArgumentException e) {
                problems.add("the exchange list cannot be written in canonical form, so it cannot be the one "
                        + "signed: " + e.getMessage());
                return null;
            }
        }

        /** The list is of this round, and its releases are between the round's two parties. */
        private void checkListRound(JsonNode list, Round round) {
            String exchange = text(list, "exchange");
            if (round.id() != null && !round.id().equals(exchange)) {
                problems.add("the exchange list is of round " + shown(list.get("exchange")) + ", not of the "
                        + "document's round " + round.id());
            }
            JsonNode releases = list.get("releases");
            if (releases == null || !releases.isObject()) {
                problems.add("the exchange list has no releases");
                return;
            }
            Set<String> sides = new TreeSet<>(releases.propertyNames());
            Set<String> parties = new TreeSet<>(round.parties());
            if (round.parties().size() == 2 && !sides.equals(parties)) {
                problems.add("the exchange list's releases are those of " + String.join(" and ", sides)
                        + ", not of the round's parties " + String.join(" and ", parties));
            }
        }

        private PublicKey key() {
            String pem = text(document, "publicKey");
            PublicKey own = null;
            if (pem == null) {
                problems.add("the document has no publicKey");
            } else {
                try {
                    own = publicKey(pem);
                } catch (IllegalArgumentException e) {
                    problems.add("the document's public key cannot be read: " + e.getMessage());
                }
            }
            if (givenKey != null) {
                if (own != null && !Arrays.equals(own.getEncoded(), givenKey.getEncoded())) {
                    problems.add("the document's public key is not the key given");
                }
                return givenKey;
            }
            return own;
        }

        private List<Listed> approvals() {
            JsonNode array = document.get("approvals");
            List<Listed> listed = new ArrayList<>();
            if (array == null || !array.isArray()) {
                problems.add("the document has no approvals");
                return listed;
            }
            if (array.isEmpty()) {
                problems.add("the document's list of approvals is empty");
            }
            for (int i = 0; i < array.size(); i++) {
                listed.add(approval(i, array.get(i)));
            }
            return listed;
        }

        private Listed approval(int index, JsonNode node) {
            String fallback = "approval " + (index + 1);
            if (node == null || !node.isObject()) {
                problems.add(fallback + " is not an object");
                return new Listed(fallback, null, null, null);
            }
            String approvedBy = text(node, "approvedBy");
            String organisation = text(node, "organisation");
            String name = approvedBy != null && organisation != null
                    ? "the approval by " + approvedBy + " of " + organisation : fallback;
            List<String> missing = new ArrayList<>();
            for (String member : List.of("exchange", "versionHash", "organisation", "role", "approvedBy", "approvedAt",
                    "signature")) {
                if (text(node, member) == null) {
                    missing.add(member);
                }
            }
            Integer version = integer(node.get("version"));
            if (version == null) {
                missing.add("version");
            }
            Long seq = node.has("auditSeq") && node.get("auditSeq").isIntegralNumber()
                    && node.get("auditSeq").canConvertToLong() && node.get("auditSeq").longValue() >= 0
                    ? node.get("auditSeq").longValue() : null;
            if (seq == null) {
                missing.add("auditSeq");
            }
            if (!missing.isEmpty()) {
                problems.add(capitalised(name) + " lacks " + String.join(", ", missing)
                        + " (missing, or not of the right type)");
            }
            ApprovalSignature.Approval approval = null;
            if (missing.stream().allMatch(m -> m.equals("signature") || m.equals("auditSeq"))) {
                String at = text(node, "approvedAt");
                try {
                    Instant approvedAt = Instant.parse(at);
                    approval = new ApprovalSignature.Approval(text(node, "exchange"), version,
                            text(node, "versionHash"), organisation, text(node, "role"), approvedBy, approvedAt);
                    if (!approvedAt.equals(approval.approvedAt()) || !approvedAt.toString().equals(at)) {
                        problems.add(capitalised(name) + " was approved at " + at + ", which is not an instant as "
                                + "Parley writes it (ISO-8601 UTC to the microsecond): it cannot be what was signed");
                    }
                } catch (DateTimeParseException e) {
                    problems.add(capitalised(name) + " has an approvedAt that is not an instant: " + at);
                }
            }
            return new Listed(name, approval, text(node, "signature"), seq);
        }

        /** Checks one approval against the document; answers whether its signature holds. */
        private boolean checkApproval(Listed listed, Round round, Integer listVersion, String versionHash,
                PublicKey key, String keyName) {
            ApprovalSignature.Approval a = listed.approval();
            if (a == null) {
                return false;
            }
            String name = capitalised(listed.name());
            if (round.id() != null && !a.exchange().equals(round.id())) {
                problems.add(name + " is of round " + a.exchange() + ", not of the document's round " + round.id());
            }
            if (listVersion != null && a.version() != listVersion) {
                problems.add(name + " approves version " + a.version() + " of the exchange list, not the document's "
                        + "version " + listVersion);
            }
            if (versionHash != null && !a.versionHash().equals(versionHash)) {
                problems.add(name + " signed the exchange list hash " + a.versionHash() + ", not the document's "
                        + "versionHash " + versionHash);
            }
            switch (a.role()) {
                case ApprovalSignature.PARTY -> {
                    if (!round.parties().isEmpty() && !round.parties().contains(a.organisation())) {
                        problems.add(name + " is a PARTY approval, but " + a.organisation() + " is not a party of "
                                + "the round (" + String.join(", ", round.parties()) + ")");
                    }
                }
                case ApprovalSignature.WITNESS -> {
                    if (!a.organisation().equals(round.intermediary())) {
                        problems.add(name + " is a WITNESS approval, but " + a.organisation() + " is not the "
                                + "round's intermediary" + (round.intermediary() == null
                                ? " (the round has none)" : " (" + round.intermediary() + ")"));
                    }
                }
                default -> problems.add(name + " has the role " + a.role() + ", neither PARTY nor WITNESS");
            }
            if (!a.approvedBy().endsWith("@" + a.organisation())) {
                problems.add(name + ": " + a.approvedBy() + " approved for " + a.organisation() + ", which is not "
                        + "their organisation (a user name@CODE belongs to CODE): an organisation approving for "
                        + "another");
            }
            if (key == null || listed.signature() == null) {
                return false;
            }
            boolean holds = ApprovalSignature.verify(a, listed.signature(), key);
            if (!holds) {
                problems.add("the signature of " + listed.name() + " does not hold with " + keyName
                        + " (signature replaced or altered, or the approval changed after it was signed)");
            }
            return holds;
        }

        /** The list is the one the approvals signed; if not, says as precisely as the document allows what changed. */
        private void checkListHash(JsonNode list, String listHash, String versionHash, Set<String> signedHashes,
                Round round) {
            if (listHash == null) {
                return;
            }
            List<String> other = signedHashes.stream().filter(h -> !h.equals(listHash)).toList();
            if (!other.isEmpty()) {
                problems.add("the exchange list is not the one signed: its hash is " + listHash + ", the approvals "
                        + "signed " + String.join(" and ", other) + " (a person added, removed, or a name or fact "
                        + "changed)");
                counts(list, round);
            }
            if (versionHash != null && !versionHash.equals(listHash) && !other.contains(versionHash)) {
                problems.add("the document's versionHash " + versionHash + " is not the hash of its exchange list ("
                        + listHash + ")");
            }
        }

        /** Each side's releases against the list's own counts: a person added or removed without them. */
        private void counts(JsonNode list, Round round) {
            JsonNode releases = list.get("releases");
            JsonNode counts = list.get("counts");
            if (releases == null || !releases.isObject() || counts == null || !counts.isObject()) {
                return;
            }
            Map<String, JsonNode> sides = new TreeMap<>();
            round.parties().forEach(p -> sides.put(p, releases.get(p)));
            releases.properties().forEach(e -> sides.putIfAbsent(e.getKey(), e.getValue()));
            sides.forEach((side, items) -> {
                JsonNode count = counts.get(side);
                Integer released = count == null ? null : integer(count.get("released"));
                if (items == null || !items.isArray() || released == null || released == items.size()) {
                    return;
                }
                int difference = items.size() - released;
                int n = Math.abs(difference);
                problems.add((n == 1 ? "a person was " : n + " persons were ")
                        + (difference > 0 ? "added to " : "removed from ") + side + "'s releases: they hold "
                        + items.size() + ", the list's counts say " + released + " (or the counts were changed)");
            });
        }

        /** The checkpoint parses, holds with the key and covers every approval's audit entry. */
        private Checkpoint checkpoint(PublicKey key, String keyName, List<Listed> approvals) {
            String note = text(document, "checkpoint");
            if (note == null) {
                problems.add("the document has no checkpoint");
                return null;
            }
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.parse(note);
            } catch (IllegalArgumentException e) {
                problems.add("the checkpoint cannot be read: " + e.getMessage());
                return null;
            }
            boolean holds = key != null && checkpoint.verify(key);
            if (key != null && !holds) {
                problems.add("the checkpoint's signature does not hold with " + keyName + " (checkpoint altered or "
                        + "signed with another key)");
            }
            for (Listed listed : approvals) {
                if (listed.auditSeq() != null && listed.auditSeq() >= checkpoint.treeSize()) {
                    problems.add("the checkpoint (tree size " + checkpoint.treeSize() + ") does not cover the audit "
                            + "entry of " + listed.name() + " (seq " + listed.auditSeq() + ")");
                }
            }
            return holds ? checkpoint : null;
        }

        /** Each approval is the log's entry at its seq, in the tree the checkpoint signed, whose root is the log's. */
        private void checkLog(List<Listed> approvals, Checkpoint checkpoint) {
            boolean treeMatches = false;
            if (checkpoint != null) {
                Optional<byte[]> root = lookup.root(checkpoint.treeSize());
                if (root.isEmpty()) {
                    problems.add("the audit log holds fewer than the checkpoint's " + checkpoint.treeSize()
                            + " entries: the checkpoint is not of this log");
                } else if (!MessageDigest.isEqual(root.get(), checkpoint.rootHash())) {
                    problems.add("the checkpoint's root hash is not the audit log's root at tree size "
                            + checkpoint.treeSize() + ": the checkpoint is not of this log, or the log was changed");
                } else {
                    treeMatches = true;
                }
            }
            for (Listed listed : approvals) {
                if (listed.approval() == null || listed.signature() == null || listed.auditSeq() == null) {
                    continue;
                }
                long seq = listed.auditSeq();
                Optional<AuditEntry> found = lookup.entry(seq);
                if (found.isEmpty()) {
                    problems.add("the audit log has no entry " + seq + ", the entry of " + listed.name());
                    continue;
                }
                AuditEntry entry = found.get();
                if (!ApprovalSignature.RECORD_TYPE.equals(entry.recordType())) {
                    problems.add("the audit log's entry " + seq + " is of record type " + entry.recordType()
                            + ", not " + ApprovalSignature.RECORD_TYPE + ": it is not " + listed.name());
                    continue;
                }
                byte[] expected = AuditLog.stateHash(listed.approval().auditState(listed.signature()));
                if (!MessageDigest.isEqual(expected, entry.stateHash())) {
                    problems.add("the audit log's entry " + seq + " does not hold " + listed.name() + " as the "
                            + "document shows it: its state hash is " + HEX.formatHex(entry.stateHash())
                            + ", the document's approval and signature give " + HEX.formatHex(expected));
                }
                if (treeMatches && seq < checkpoint.treeSize()) {
                    Optional<List<byte[]>> proof = lookup.inclusionProof(seq, checkpoint.treeSize());
                    if (proof.isEmpty() || !MerkleProofs.verifyInclusion(seq, checkpoint.treeSize(),
                            entry.leafHash(), proof.get(), checkpoint.rootHash())) {
                        problems.add("the audit log's entry " + seq + " (" + listed.name() + ") is not the one the "
                                + "checkpoint's tree holds: the entry was changed after it was appended");
                    }
                }
            }
        }

        private String summary(Round round, JsonNode list, Integer listVersion, String versionHash,
                List<Listed> approvals, String keyName, Checkpoint checkpoint) {
            StringBuilder s = new StringBuilder("Agreement verified: round ").append(round.id());
            if (round.title() != null) {
                s.append(" \"").append(round.title()).append('"');
            }
            s.append(" between ").append(party(round, round.firstParty())).append(" and ")
                    .append(party(round, round.secondParty()));
            if (round.intermediary() != null) {
                s.append(", through ").append(round.intermediary());
            }
            String at = text(document.get("round"), "agreedAt");
            if (at != null) {
                s.append(", agreed at ").append(at);
            }
            JsonNode releases = list.get("releases");
            s.append("; exchange list version ").append(listVersion).append(" (SHA-256 ").append(versionHash)
                    .append("), releasing ").append(round.parties().stream()
                            .map(p -> releases.get(p).size() + " persons held by " + p)
                            .collect(Collectors.joining(" and ")));
            s.append("; approved by ").append(approvals.stream().map(a -> a.approval().approvedBy() + " of "
                    + a.approval().organisation() + " (" + a.approval().role() + ", " + a.approval().approvedAt()
                    + ", audit entry " + a.auditSeq() + ")").collect(Collectors.joining(", ")));
            s.append("; every signature holds with ").append(keyName);
            s.append("; the checkpoint of ").append(checkpoint.treeSize()).append(" entries signed at ")
                    .append(checkpoint.signedAt()).append(" holds and covers every approval");
            if (lookup != null) {
                s.append("; each approval is its entry of the audit log, in the tree the checkpoint signed, whose "
                        + "root is the log's");
            } else {
                s.append(" (the audit log itself was not consulted)");
            }
            return s.append('.').toString();
        }

        private static String party(Round round, String code) {
            String name = text(round.names(), code);
            return name == null ? code : code + " (" + name + ")";
        }

        private String required(JsonNode node, String member, String what) {
            String value = text(node, member);
            if (value == null) {
                problems.add(what + " has no " + member);
            }
            return value;
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static Integer integer(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    }

    private static String shown(JsonNode node) {
        return node == null || node.isMissingNode() ? "missing" : node.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
