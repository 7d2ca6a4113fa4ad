package org.parley.reports;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.api.CanonicalJson;
import org.parley.audit.Checkpoint;
import org.parley.audit.MerkleProofs;
import org.parley.audit.SigningKey;
import org.parley.exchange.AgreementVerifier;
import org.parley.registry.PersonFigures;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a frozen report ({@code GET /api/v1/reports/{id}}) without the server: its Ed25519 signature over its
 * canonical JSON, each figure's definition against Parley's, each value against the count of its records (each
 * listed once, with a status of custody where the figure counts custody), and its checkpoint: signed with the key,
 * at or after the report's moment, and — by the consistency proof the document carries — an extension of the tree
 * the figures were computed on. Given a {@link Lookup} (the instance's database), it also checks that the log's
 * roots are those, and that each record counted existed at that moment with the status stated. Each problem names
 * what it is about. Pure: no Spring, no database of its own.
 */
public final class ReportVerifier {

    public static final String DOCUMENT = "parley-figures-report";
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final HexFormat HEX = HexFormat.of();

    /** The instance's database, as far as a report's check needs it. */
    public interface Lookup {

        /** The root hash of the log's first {@code treeSize} entries; empty when it holds fewer. */
        Optional<byte[]> root(long treeSize);

        /**
         * The status each of these persons (public ids) had after the log's first {@code treeSize} entries; a
         * person without an entry among them (or an id that names nobody) is left out.
         */
        Map<String, String> statusesAt(Collection<String> ids, long treeSize);
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

    private ReportVerifier() {
    }

    /** Whether the text is a JSON object that says it is a report (what to verify it as). */
    public static boolean isReport(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() && DOCUMENT.equals(node.path("document").asString(null));
        } catch (JacksonException e) {
            return false;
        }
    }

    /**
     * Checks the document.
     *
     * @param givenKey the instance's public key as the user knows it, or null to use the document's own
     * @param lookup the database, or null to check offline only
     * @throws tools.jackson.core.JacksonException when the text is not JSON: call {@link #isReport} first
     */
    public static Result verify(String json, PublicKey givenKey, Lookup lookup) {
        JsonNode document = JSON.readTree(json);
        List<String> problems = new ArrayList<>();
        if (document.path("formatVersion").asInt(0) != FORMAT_VERSION) {
            problems.add("the report is of format version " + document.path("formatVersion") + ", not "
                    + FORMAT_VERSION);
            return new Result(problems, "");
        }
        PublicKey key = givenKey;
        try {
            PublicKey own = AgreementVerifier.publicKey(document.path("publicKey").asString(""));
            if (key == null) {
                key = own;
            } else if (!own.equals(key)) {
                problems.add("the document's public key is not the key given");
            }
        } catch (IllegalArgumentException e) {
            if (key == null) {
                problems.add("the document's public key cannot be read: " + e.getMessage());
                return new Result(problems, "");
            }
        }
        signature(document, key, problems);
        figures(document, problems);
        long size = document.path("asOf").path("treeSize").asLong(-1);
        byte[] root = hex(document.path("asOf").path("rootHash").asString(""));
        Checkpoint checkpoint = checkpoint(document, key, size, root, problems);
        if (lookup != null && checkpoint != null) {
            database(document, lookup, size, root, checkpoint, problems);
        }
        long records = 0;
        for (JsonNode f : document.path("figures")) {
            records += f.path("records").size();
        }
        String summary = "Report " + document.path("id").asString("") + " (\"" + document.path("title").asString("")
                + "\") of " + document.path("organisation").asString("") + " by " + document.path("author").asString("")
                + " at " + document.path("createdAt").asString("") + ": " + document.path("figures").size()
                + " figures, " + records + " records, audit log size " + size
                + (checkpoint == null ? "" : ", checkpoint of size " + checkpoint.treeSize()) + "; "
                + (lookup == null ? "checked offline (give --data-dir to check it against the log)"
                : "checked against the log");
        return new Result(problems, summary);
    }

    private static void signature(JsonNode document, PublicKey key, List<String> problems) {
        ObjectNode unsigned = ((ObjectNode) document).deepCopy();
        unsigned.remove("signature");
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(document.path("signature").asString(""));
        } catch (IllegalArgumentException e) {
            problems.add("the signature is not Base64");
            return;
        }
        byte[] message = CanonicalJson.write(unsigned).getBytes(StandardCharsets.UTF_8);
        if (!SigningKey.verify(key, message, signature)) {
            problems.add("the signature does not hold: the report was changed after it was signed (or was signed "
                    + "with another key)");
        }
    }

    private static void figures(JsonNode document, List<String> problems) {
        if (!document.path("figures").isArray() || document.path("figures").isEmpty()) {
            problems.add("the report holds no figures");
            return;
        }
        for (JsonNode f : document.path("figures")) {
            String id = f.path("id").asString("");
            Optional<FigureCatalog.Entry> known = FigureCatalog.any(id);
            if (known.isEmpty()) {
                problems.add("figure '" + id + "' is not one of Parley's figures");
                continue;
            }
            if (!known.get().definition().equals(f.path("definition").asString(""))) {
                problems.add("figure " + id + ": its definition is not Parley's definition of " + id);
            }
            JsonNode records = f.path("records");
            long value = f.path("value").asLong(-1);
            if (value != records.size()) {
                problems.add("figure " + id + ": the value is " + f.path("value") + " but " + records.size()
                        + " records are listed");
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode r : records) {
                String record = r.path("id").asString("");
                if (!seen.add(record)) {
                    problems.add("figure " + id + ": record " + record + " is listed twice");
                }
                String status = r.path("status").asString("");
                if (FigureCatalog.custody(id) && !PersonFigures.IN_CUSTODY.contains(status)) {
                    problems.add("figure " + id + ": record " + record + " is stated as " + status
                            + ", which is not in custody");
                }
            }
        }
    }

    private static Checkpoint checkpoint(JsonNode document, PublicKey key, long size, byte[] root,
            List<String> problems) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(document.path("checkpoint").asString(""));
        } catch (IllegalArgumentException e) {
            problems.add("the checkpoint cannot be read: " + e.getMessage());
            return null;
        }
        if (!checkpoint.verify(key)) {
            problems.add("the checkpoint's signature does not hold with the instance's public key");
        }
        if (size < 1 || checkpoint.treeSize() < size) {
            problems.add("the checkpoint (tree size " + checkpoint.treeSize() + ") does not cover the report's "
                    + "moment (asOf.treeSize " + size + ")");
            return checkpoint;
        }
        List<byte[]> proof = new ArrayList<>();
        document.path("consistency").forEach(h -> proof.add(hex(h.asString(""))));
        boolean consistent = checkpoint.treeSize() == size ? java.util.Arrays.equals(root, checkpoint.rootHash())
                : MerkleProofs.verifyConsistency(size, checkpoint.treeSize(), root, checkpoint.rootHash(), proof);
        if (!consistent) {
            problems.add("asOf.rootHash is not the root of the log the checkpoint signed at tree size " + size
                    + " (the consistency proof does not hold)");
        }
        return checkpoint;
    }

    private static void database(JsonNode document, Lookup lookup, long size, byte[] root, Checkpoint checkpoint,
            List<String> problems) {
        Optional<byte[]> signedRoot = lookup.root(checkpoint.treeSize());
        if (signedRoot.isEmpty() || !java.util.Arrays.equals(signedRoot.get(), checkpoint.rootHash())) {
            problems.add("the checkpoint of tree size " + checkpoint.treeSize() + " is not of this audit log");
        }
        Optional<byte[]> momentRoot = lookup.root(size);
        if (momentRoot.isEmpty() || !java.util.Arrays.equals(momentRoot.get(), root)) {
            problems.add("asOf.rootHash is not this log's root at tree size " + size);
        }
        for (JsonNode f : document.path("figures")) {
            Map<String, String> stated = new LinkedHashMap<>();
            f.path("records").forEach(r -> stated.put(r.path("id").asString(""), r.path("status").asString("")));
            Map<String, String> actual = lookup.statusesAt(stated.keySet(), size);
            int reported = 0;
            for (Map.Entry<String, String> r : stated.entrySet()) {
                String was = actual.get(r.getKey());
                String problem = was == null ? "did not exist at tree size " + size
                        : was.equals(r.getValue()) ? null
                        : "was " + was + " at tree size " + size + ", not " + r.getValue() + " as stated";
                if (problem != null && reported++ < 20) {
                    problems.add("figure " + f.path("id").asString("") + ": record " + r.getKey() + " " + problem);
                }
            }
            if (reported > 20) {
                problems.add("figure " + f.path("id").asString("") + ": " + (reported - 20) + " more records do not "
                        + "hold");
            }
        }
    }

    private static byte[] hex(String text) {
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
