package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.parley.api.CanonicalJson;
import org.parley.audit.SigningKey;
import org.parley.registry.OrganisationKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signing scheme of bundles against the standards: RFC 8032 §7.1's Ed25519 vectors verified through
 * {@link BundleDocument#verify}, the check an import makes, with keys read as a registered key is
 * ({@link OrganisationKeys#parse}); RFC 8785's examples of strings and member order through the canonical form that is
 * hashed and signed; and the schema file the import reads is the one documented.
 */
class BundleSignatureTest {

    /** RFC 8032 §7.1, TEST 1, 2 and 3: public key, message, signature. */
    static final String[][] RFC_8032 = {
        {"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
        {"3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
        {"fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
    };
    static final String SPKI_PREFIX = "302a300506032b6570032100";
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void rfc8032VectorsVerifyThroughTheImportsCheck() throws Exception {
        for (String[] vector : RFC_8032) {
            byte[] spki = HEX.parseHex(SPKI_PREFIX + vector[0]);
            PublicKey pem = OrganisationKeys.parse(SigningKey.publicKeyPem(
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki))));
            byte[] message = HEX.parseHex(vector[1]);
            String signature = Base64.getEncoder().encodeToString(HEX.parseHex(vector[2]));
            assertThat(BundleDocument.verify(pem, message, signature)).as("vector %s", vector[0]).isTrue();

            byte[] altered = HEX.parseHex(vector[2]);
            altered[7] ^= 1;
            assertThat(BundleDocument.verify(pem, message, Base64.getEncoder().encodeToString(altered))).isFalse();
            byte[] otherMessage = HEX.parseHex(vector[1] + "00");
            assertThat(BundleDocument.verify(pem, otherMessage, signature)).isFalse();
            assertThat(BundleDocument.verify(pem, message, "not base64!")).isFalse();
        }
    }

    @Test
    void rfc8785StringsAndLiteralsAreWrittenAsTheStandardsExamples() {
        // RFC 8785 §3.2.2.2, the string example (escapes of the euro sign, controls, a quote, backslashes, a slash)
        JsonNode strings = JSON.readTree("{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"}");
        assertThat(CanonicalJson.write(strings)).isEqualTo("{\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        // §3.2.2.1: the literals
        assertThat(CanonicalJson.write(JSON.readTree("{\"literals\": [null, true, false]}")))
                .isEqualTo("{\"literals\":[null,true,false]}");
    }

    @Test
    void rfc8785MembersAreSortedByUtf16CodeUnitsAsTheStandardsExample() {
        // RFC 8785 §3.2.3
        JsonNode input = JSON.readTree("{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", "
                + "\"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\", "
                + "\"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\", "
                + "\"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}");
        assertThat(CanonicalJson.write(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
                + "\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void aSignedBodyVerifiesAndAnyChangeOrOtherKeyDoesNot() {
        SigningKey key = SigningKey.generate();
        ObjectNode body = JSON.createObjectNode().put("sender", "party-a").put("surname", "Ґалаґан");
        BundleDocument.sign(body, key);
        byte[] signed = BundleDocument.signedBytes(body);
        assertThat(new String(signed, StandardCharsets.UTF_8)).isEqualTo("{\"sender\":\"party-a\",\"surname\":\"Ґалаґан\"}");
        assertThat(body.get("hash").stringValue()).isEqualTo(BundleDocument.hash(signed));
        assertThat(BundleDocument.verify(key.publicKey(), signed, body.get("signature").stringValue())).isTrue();
        assertThat(BundleDocument.verify(SigningKey.generate().publicKey(), signed,
                body.get("signature").stringValue())).isFalse();
        body.put("surname", "Галаган");
        assertThat(BundleDocument.verify(key.publicKey(), BundleDocument.signedBytes(body),
                body.get("signature").stringValue())).isFalse();
    }

    @Test
    void theSchemaTheImportReadsIsTheDocumentedOne() throws Exception {
        Path documented = Path.of("..", "docs", "interchange", "bundle.schema.json");
        try (var in = BundleSchema.class.getResourceAsStream(BundleSchema.RESOURCE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(documented));
        }
    }
}
