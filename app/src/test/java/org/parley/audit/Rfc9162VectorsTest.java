package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link MerkleHash}, {@link MerkleTree} and {@link MerkleProofs} against published known answers of RFC 6962 /
 * RFC 9162 (test resources {@code standards/}, see the README there): the hashes, roots, inclusion paths and
 * consistency proofs of the eight-leaf reference tree of Certificate Transparency, and the proof probes of
 * transparency-dev/merkle, each of which a verifier must accept or refuse.
 */
class Rfc9162VectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode TREE = read("/standards/rfc9162/reference-tree.json");
    /**
     * Probes that transparency-dev accepts and Parley refuses: equal tree sizes with equal "roots" that are not
     * SHA-256 hashes (12 bytes of text). Go compares the bytes; Parley takes only 32-byte hashes as roots.
     */
    private static final java.util.Set<String> STRICTER = java.util.Set.of(
            "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json");

    @Test
    void leafAndNodeHashesAndTheEmptyTree() {
        assertThat(HEX.formatHex(MerkleHash.empty())).isEqualTo(TREE.get("emptyTreeHash").stringValue());
        for (JsonNode vector : TREE.get("hasher")) {
            byte[] hash = vector.has("leaf") ? MerkleHash.leaf(hex(vector, "leaf"))
                    : MerkleHash.node(hex(vector, "left"), hex(vector, "right"));
            assertThat(HEX.formatHex(hash)).as(vector.get("desc").stringValue())
                    .isEqualTo(vector.get("hash").stringValue());
        }
    }

    @Test
    void rootsOfTheReferenceTreeAtEverySize() {
        MemoryNodeStore store = referenceTree();
        MerkleTree tree = new MerkleTree(store);
        assertThat(HEX.formatHex(tree.root(0))).isEqualTo(TREE.get("emptyTreeHash").stringValue());
        JsonNode roots = TREE.get("roots");
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of %d leaves", size)
                    .isEqualTo(roots.get(size - 1).stringValue());
            TreeFrontier frontier = new TreeFrontier();
            for (int i = 0; i < size; i++) {
                frontier.append(store.node(0, i), (level, index, hash) -> { });
            }
            assertThat(HEX.formatHex(frontier.root())).as("frontier root of %d leaves", size)
                    .isEqualTo(roots.get(size - 1).stringValue());
        }
    }

    @Test
    void inclusionPathsOfTheReferenceTree() {
        MemoryNodeStore store = referenceTree();
        MerkleTree tree = new MerkleTree(store);
        int checked = 0;
        for (JsonNode vector : TREE.get("paths")) {
            int leaf = vector.get("leaf").intValue() - 1; // the source numbers leaves from 1
            int size = vector.get("snapshot").intValue();
            if (leaf < 0 || size == 0) {
                continue; // "no leaf": Parley refuses to make such a proof at all
            }
            List<String> published = hexList(vector.get("path"));
            assertThat(tree.inclusionProof(leaf, size).stream().map(HEX::formatHex).toList())
                    .as("path of leaf %d in %d", leaf, size).isEqualTo(published);
            byte[] root = HEX.parseHex(TREE.get("roots").get(size - 1).stringValue());
            assertThat(MerkleProofs.verifyInclusion(leaf, size, store.node(0, leaf), bytes(published), root)).isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void consistencyProofsOfTheReferenceTree() {
        MerkleTree tree = new MerkleTree(referenceTree());
        for (JsonNode vector : TREE.get("proofs")) {
            int first = vector.get("snapshot1").intValue();
            int second = vector.get("snapshot2").intValue();
            List<String> published = hexList(vector.get("proof"));
            assertThat(tree.consistencyProof(first, second).stream().map(HEX::formatHex).toList())
                    .as("proof from %d to %d", first, second).isEqualTo(published);
            byte[] firstRoot = HEX.parseHex(TREE.get("roots").get(first - 1).stringValue());
            byte[] secondRoot = HEX.parseHex(TREE.get("roots").get(second - 1).stringValue());
            assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, bytes(published)))
                    .isTrue();
        }
    }

    @TestFactory
    Stream<DynamicTest> transparencyDevInclusionProbes() {
        return probes("inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode probe = JSON.readTree(Files.readString(file));
            if (!fitsLong(probe, "leafIdx", "treeSize")) {
                return;
            }
            boolean verified = MerkleProofs.verifyInclusion(probe.get("leafIdx").longValue(),
                    probe.get("treeSize").longValue(), base64(probe.get("leafHash")), base64List(probe.get("proof")),
                    base64(probe.get("root")));
            assertThat(verified).as(probe.get("desc").stringValue()).isEqualTo(!probe.get("wantErr").booleanValue());
        }));
    }

    @TestFactory
    Stream<DynamicTest> transparencyDevConsistencyProbes() {
        return probes("consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode probe = JSON.readTree(Files.readString(file));
            if (!fitsLong(probe, "size1", "size2")) {
                return;
            }
            boolean verified = MerkleProofs.verifyConsistency(probe.get("size1").longValue(),
                    probe.get("size2").longValue(), base64(probe.get("root1")), base64(probe.get("root2")),
                    base64List(probe.get("proof")));
            boolean accepted = !probe.get("wantErr").booleanValue() && !STRICTER.contains(name(file));
            assertThat(verified).as(probe.get("desc").stringValue()).isEqualTo(accepted);
        }));
    }

    /** The happy-path probes are proofs of the reference tree: Parley makes the same ones. */
    @Test
    void theHappyPathProbesAreTheProofsParleyMakes() {
        MerkleTree tree = new MerkleTree(referenceTree());
        int compared = 0;
        for (Path file : probes("inclusion").filter(f -> name(f).endsWith("/happy-path.json")).toList()) {
            JsonNode probe = JSON.readTree(read(file));
            long leaf = probe.get("leafIdx").longValue();
            long size = probe.get("treeSize").longValue();
            assertThat(tree.inclusionProof(leaf, size)).as(name(file)).usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(base64List(probe.get("proof")));
            assertThat(tree.root(size)).isEqualTo(base64(probe.get("root")));
            compared++;
        }
        for (Path file : probes("consistency").filter(f -> name(f).endsWith("/happy-path.json")).toList()) {
            JsonNode probe = JSON.readTree(read(file));
            long first = probe.get("size1").longValue();
            long second = probe.get("size2").longValue();
            assertThat(tree.consistencyProof(first, second)).as(name(file))
                    .usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(base64List(probe.get("proof")));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(9);
    }

    /**
     * Whether the probe's numbers fit Parley's sizes (Java long). Some probes wrap a Go uint64 around (0 - 1 is
     * 2^64 - 1); Parley cannot even be given such a number, so they must be probes that a verifier refuses.
     */
    private static boolean fitsLong(JsonNode probe, String... members) {
        for (String member : members) {
            if (!probe.get(member).canConvertToLong()) {
                assertThat(probe.get("wantErr").booleanValue()).as(probe.get("desc").stringValue()).isTrue();
                return false;
            }
        }
        return true;
    }

    private static MemoryNodeStore referenceTree() {
        MemoryNodeStore store = new MemoryNodeStore();
        for (JsonNode input : TREE.get("inputs")) {
            store.append(MerkleHash.leaf(HEX.parseHex(input.stringValue())));
        }
        return store;
    }

    private static Stream<Path> probes(String kind) {
        try {
            Path root = Path.of(Rfc9162VectorsTest.class.getResource("/standards/rfc9162/transparency-dev/" + kind)
                    .toURI());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            assertThat(files).hasSizeGreaterThan(80);
            return files.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Path file) {
        Path parent = file.getParent();
        return parent.getParent().getFileName() + "/" + parent.getFileName() + "/" + file.getFileName();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Rfc9162VectorsTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hex(JsonNode vector, String member) {
        return HEX.parseHex(vector.get(member).stringValue());
    }

    private static List<String> hexList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.stringValue()));
        return list;
    }

    private static List<byte[]> bytes(List<String> hex) {
        return hex.stream().map(HEX::parseHex).toList();
    }

    /** A probe's hash: Base64, or null (Go's nil slice) as no bytes. */
    private static byte[] base64(JsonNode node) {
        return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.stringValue());
    }

    private static List<byte[]> base64List(JsonNode array) {
        List<byte[]> list = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(item -> list.add(base64(item)));
        }
        return list;
    }
}
