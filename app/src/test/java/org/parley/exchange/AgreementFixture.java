package org.parley.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditLog;
import org.parley.audit.Checkpoint;
import org.parley.audit.MerkleHash;
import org.parley.audit.MerkleTree;
import org.parley.audit.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid agreement document built by hand as the contract (/tmp/spec/agreement.md, issue 12) describes it: an
 * exchange list of two persons each way with Cyrillic names, approved by both parties' negotiators and witnessed by
 * the intermediary, each approval signed with the instance's key and appended to an audit log kept in memory,
 * whose signed checkpoint covers them. Tests tamper with {@link #document} and check what the verifier says.
 */
public final class AgreementFixture {

    public static final String ROUND = "3f1c2a9e-8b7d-4e21-9c55-0a6b1d2e3f40";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final SigningKey key;
    public final ObjectNode document;
    public final MemoryLog log;
    public final String versionHash;

    public AgreementFixture() {
        this(SigningKey.generate());
    }

    public AgreementFixture(SigningKey key) {
        this.key = key;
        this.log = new MemoryLog();
        ObjectNode list = exchangeList();
        this.versionHash = ApprovalSignature.versionHash(list);
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("document", "parley-exchange-agreement");
        doc.put("formatVersion", 1);
        ObjectNode round = doc.putObject("round");
        round.put("id", ROUND);
        round.put("title", "Обмін полоненими: перший етап");
        round.put("firstParty", "party-a");
        round.put("secondParty", "party-b");
        round.put("intermediary", "intermediary");
        round.putObject("parties").put("party-a", "Party A").put("party-b", "Party B");
        round.put("agreedAt", "2026-11-27T10:15:30.250001Z");
        doc.set("exchangeList", list);
        doc.put("versionHash", versionHash);
        ArrayNode approvals = doc.putArray("approvals");
        log.filler(3);
        approvals.add(approve("party-a", "PARTY", "negotiator@party-a", "2026-11-27T09:00:00.000123Z"));
        log.filler(1);
        approvals.add(approve("party-b", "PARTY", "negotiator@party-b", "2026-11-27T09:30:12.5Z"));
        log.filler(2);
        approvals.add(approve("intermediary", "WITNESS", "interviewer@intermediary", "2026-11-27T10:15:30.250001Z"));
        log.filler(1);
        doc.put("publicKey", SigningKey.publicKeyPem(key.publicKey()));
        doc.put("checkpoint", log.checkpoint(log.size(), key).note(key.publicKey()));
        this.document = doc;
    }

    /** Seq of the approvals' entries: 3, 5 and 8 of a log of 10. */
    private ObjectNode approve(String organisation, String role, String user, String at) {
        ApprovalSignature.Approval approval = new ApprovalSignature.Approval(ROUND, 3, versionHash, organisation, role,
                user, Instant.parse(at));
        String signature = ApprovalSignature.sign(approval, key);
        long seq = log.append(user, organisation, "APPROVE_EXCHANGE_LIST", ApprovalSignature.RECORD_TYPE,
                approval.auditState(signature));
        ObjectNode node = approval.payload();
        node.put("signature", signature);
        node.put("auditSeq", seq);
        return node;
    }

    static ObjectNode exchangeList() {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("exchange", ROUND);
        list.put("version", 3);
        list.put("basedOn", 2);
        list.put("createdBy", "negotiator@party-b");
        list.put("createdAt", "2026-11-26T16:02:11.042Z");
        list.putObject("proposal").put("balance", "N_FOR_N").put("count", 2);
        ObjectNode releases = list.putObject("releases");
        ArrayNode a = releases.putArray("party-a");
        item(a, "0b9f5c1e-2a44-4c3b-9e0d-7f51a8c2d901", "B-2024-0117", "REQUEST", 1, "Art. 110: seriously wounded",
                true, "Коваленко Олександр Сергійович", "Kovalenko Oleksandr Serhiiovych", "1991-04-12", "сержант",
                "АБ-123456", "PA-0042");
        item(a, "5d0e8a72-9c13-4f7a-b2e6-13c4d5e6f708", "B-2024-0210", "OFFER", null, "offered",
                true, "Ткаченко Ірина Василівна", "Tkachenko Iryna Vasylivna", "1987-11", null, null, "PA-0107");
        ArrayNode b = releases.putArray("party-b");
        item(b, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "A-17/2025", "REQUEST", 2, "requested by the family",
                true, "Смирнов Алексей Петрович", "Smirnov Aleksei Petrovich", "1979", "рядовой", "ВС-778899",
                null);
        item(b, "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "A-22/2025", "OFFER", null, "Art. 109: interned civilian",
                false, "Кузнецова Мария Ёлкина", "Kuznetsova Mariya Yolkina", null, null, null, "PB-0311");
        ArrayNode excluded = list.putArray("excluded");
        excluded.addObject().putNull("personId").put("ref", "B-2024-0300").put("side", "party-a")
                .put("reason", "not found in the registry").put("code", "NOT_FOUND");
        list.putArray("removals");
        ObjectNode counts = list.putObject("counts");
        counts.putObject("party-a").put("released", 2).put("countedInBalance", 2).put("outsideBalance", 0)
                .put("excluded", 1).put("shortBy", 0);
        counts.putObject("party-b").put("released", 2).put("countedInBalance", 1).put("outsideBalance", 1)
                .put("excluded", 0).put("shortBy", 0);
        return list;
    }

    static void item(ArrayNode side, String personId, String ref, String source, Integer priority, String reason,
            boolean counted, String name, String latin, String dateOfBirth, String rank, String serviceNumber,
            String prisonerNumber) {
        side.addObject().put("personId", personId).put("ref", ref).put("source", source).put("priority", priority)
                .put("reason", reason).put("countedInBalance", counted).put("name", name).put("latin", latin)
                .put("dateOfBirth", dateOfBirth).put("rank", rank).put("serviceNumber", serviceNumber)
                .put("prisonerNumber", prisonerNumber);
    }

    public String json() {
        return JSON.writeValueAsString(document);
    }

    public ObjectNode list() {
        return (ObjectNode) document.get("exchangeList");
    }

    public ObjectNode approval(int index) {
        return (ObjectNode) document.get("approvals").get(index);
    }

    /** Signs an approval as it now stands in the document with this key, and writes the signature into it. */
    public static void resign(ObjectNode approval, SigningKey key) {
        approval.put("signature", ApprovalSignature.sign(approvalOf(approval), key));
    }

    public static ApprovalSignature.Approval approvalOf(JsonNode node) {
        return new ApprovalSignature.Approval(node.get("exchange").stringValue(), node.get("version").intValue(),
                node.get("versionHash").stringValue(), node.get("organisation").stringValue(),
                node.get("role").stringValue(), node.get("approvedBy").stringValue(),
                Instant.parse(node.get("approvedAt").stringValue()));
    }

    /** A checkpoint note of this size and root, signed with this key. */
    public static String checkpointNote(long size, byte[] root, Instant at, SigningKey key) {
        Checkpoint unsigned = new Checkpoint(size, root, at, new byte[0]);
        return new Checkpoint(size, root, at, key.sign(unsigned.body().getBytes(StandardCharsets.UTF_8))).note(key.publicKey());
    }

    /**
     * An audit log in memory: entries, and the Merkle tree of their leaf hashes as appended. An entry can be
     * replaced afterwards ({@link #replace}) without its leaf changing in the tree, as a row altered in the database.
     */
    public static final class MemoryLog implements AgreementVerifier.AuditLookup {

        final List<AuditEntry> entries = new ArrayList<>();
        final List<byte[]> leaves = new ArrayList<>();
        private final MerkleTree tree = new MerkleTree(this::node);

        long append(String actor, String organisation, String action, String recordType, String state) {
            long seq = entries.size();
            AuditEntry entry = new AuditEntry(seq, Instant.parse("2026-11-27T09:00:00Z").plusSeconds(seq), actor,
                    organisation, action, recordType, Long.toString(100 + seq), null, AuditLog.stateHash(state));
            entries.add(entry);
            leaves.add(entry.leafHash());
            return seq;
        }

        void filler(int count) {
            for (int i = 0; i < count; i++) {
                append("registrar@party-a", "party-a", "UPDATE", "person", "{\"n\":" + entries.size() + "}");
            }
        }

        public long size() {
            return entries.size();
        }

        public Checkpoint checkpoint(long size, SigningKey key) {
            return Checkpoint.parse(checkpointNote(size, tree.root(size), Instant.parse("2026-11-27T10:16:00.5Z"),
                    key));
        }

        public void replace(long seq, AuditEntry entry) {
            entries.set((int) seq, entry);
        }

        public AuditEntry get(long seq) {
            return entries.get((int) seq);
        }

        private byte[] node(int level, long index) {
            return level == 0 ? leaves.get((int) index)
                    : MerkleHash.node(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
        }

        @Override
        public Optional<AuditEntry> entry(long seq) {
            return seq >= 0 && seq < entries.size() ? Optional.of(entries.get((int) seq)) : Optional.empty();
        }

        @Override
        public Optional<byte[]> root(long treeSize) {
            return treeSize <= entries.size() ? Optional.of(tree.root(treeSize)) : Optional.empty();
        }

        @Override
        public Optional<List<byte[]>> inclusionProof(long seq, long treeSize) {
            return treeSize <= entries.size() ? Optional.of(tree.inclusionProof(seq, treeSize)) : Optional.empty();
        }
    }
}
