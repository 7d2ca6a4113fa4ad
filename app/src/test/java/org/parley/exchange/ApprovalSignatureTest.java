package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.parley.audit.SigningKey;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The approval payload, its canonical form and its Ed25519 signature (issue 12). The expected texts, hashes and
 * signatures were computed independently (Python's hashlib and the cryptography package, i.e. OpenSSL), not by this
 * code; the Ed25519 vectors are those of RFC 8032 §7.1.
 */
class ApprovalSignatureTest {

    static final String EXCHANGE = "3f1c2a9e-8b7d-4e21-9c55-0a6b1d2e3f40";
    /** SHA-256 of {@link #LIST_CANONICAL}. */
    static final String LIST_HASH = "a3eb653b4e19a8928266c41d30c70f4ef8853443c6bdc0e74bc191532130ff4e";
    static final String LIST_CANONICAL = "{\"basedOn\":2,\"counts\":{\"party-a\":{\"countedInBalance\":1,"
            + "\"excluded\":0,\"outsideBalance\":0,\"released\":1,\"shortBy\":0}},\"exchange\":\"" + EXCHANGE + "\","
            + "\"proposal\":null,\"releases\":{\"party-a\":[{\"dateOfBirth\":\"1984-03\",\"latin\":\"Shevchenko Taras "
            + "Hryhorovych\",\"name\":\"Шевченко Тарас Григорович\",\"reason\":\"Art. 110 — seriously ill\\n"
            + "(\\\"hospital\\\")\"}]},\"version\":3}";

    /** RFC 8032 §7.1, TEST 1 and TEST 2: secret key (seed), public key, message, signature. */
    static final String[][] RFC_8032 = {
        {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
        {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    };
    /** DER prefixes of an Ed25519 key as PKCS#8 (before the 32-byte seed) and as X.509 SPKI (before the public key). */
    static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    static final String SPKI_PREFIX = "302a300506032b6570032100";

    private static final HexFormat HEX = HexFormat.of();

    static ApprovalSignature.Approval sample() {
        return new ApprovalSignature.Approval(EXCHANGE, 3, LIST_HASH, "party-a", "PARTY", "negotiator@party-a",
                Instant.parse("2026-11-25T06:40:00.123456789Z"));
    }

    @Test
    void aSignatureVerifiesWithItsKeyOnlyAndOnlyForWhatWasSigned() {
        SigningKey key = SigningKey.generate();
        ApprovalSignature.Approval approval = sample();
        String signature = ApprovalSignature.sign(approval, key);

        assertThat(Base64.getDecoder().decode(signature)).hasSize(64);
        assertThat(ApprovalSignature.verify(approval, signature, key.publicKey())).isTrue();
        assertThat(ApprovalSignature.verify(approval, signature, SigningKey.generate().publicKey())).isFalse();
        assertThat(ApprovalSignature.verify(new ApprovalSignature.Approval(EXCHANGE, 3, LIST_HASH, "party-b", "PARTY",
                "negotiator@party-a", approval.approvedAt()), signature, key.publicKey())).isFalse();
        assertThat(ApprovalSignature.verify(new ApprovalSignature.Approval(EXCHANGE, 4, LIST_HASH, "party-a", "PARTY",
                "negotiator@party-a", approval.approvedAt()), signature, key.publicKey())).isFalse();
        assertThat(ApprovalSignature.verify(approval, "not base64!", key.publicKey())).isFalse();
        assertThat(ApprovalSignature.verify(approval, null, key.publicKey())).isFalse();
    }

    @Test
    void aChangedByteOfTheSignatureOrOfTheSignedBytesFails() {
        SigningKey key = SigningKey.generate();
        ApprovalSignature.Approval approval = sample();
        byte[] signature = Base64.getDecoder().decode(ApprovalSignature.sign(approval, key));
        for (int i : new int[] {0, 31, 32, 63}) {
            byte[] changed = signature.clone();
            changed[i] ^= 0x01;
            assertThat(ApprovalSignature.verify(approval, Base64.getEncoder().encodeToString(changed),
                    key.publicKey())).as("byte %d", i).isFalse();
        }
        byte[] message = approval.signedBytes();
        assertThat(SigningKey.verify(key.publicKey(), message, signature)).isTrue();
        message[message.length - 2] ^= 0x01;
        assertThat(SigningKey.verify(key.publicKey(), message, signature)).isFalse();
    }

    @Test
    void thePayloadIsTheRfc8785TextOfTheSpecToTheMicrosecond() {
        ApprovalSignature.Approval approval = sample();
        String payload = "{\"approvedAt\":\"2026-11-25T06:40:00.123456Z\",\"approvedBy\":\"negotiator@party-a\","
                + "\"exchange\":\"" + EXCHANGE + "\",\"organisation\":\"party-a\",\"role\":\"PARTY\",\"version\":3,"
                + "\"versionHash\":\"" + LIST_HASH + "\"}";
        assertThat(CanonicalJson.write(approval.payload())).isEqualTo(payload);
        assertThat(approval.signedBytes()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(approval.approvedAt()).isEqualTo(Instant.parse("2026-11-25T06:40:00.123456Z"));

        String signature = "rgn0KHWicnY4Vfwxls8xEu0AhYT6dQdEXRO49V1vpEF3UPo/SmdsBexEkltov2sHIoXdCWw7mjmEP4l0l7loBw==";
        String state = "{\"approvedAt\":\"2026-11-25T06:40:00.123456Z\",\"approvedBy\":\"negotiator@party-a\","
                + "\"exchange\":\"" + EXCHANGE + "\",\"organisation\":\"party-a\",\"role\":\"PARTY\",\"signature\":\""
                + signature + "\",\"version\":3,\"versionHash\":\"" + LIST_HASH + "\"}";
        assertThat(approval.auditState(signature)).isEqualTo(state);
        assertThat(HEX.formatHex(AuditLog.stateHash(approval.auditState(signature))))
                .isEqualTo("b1aaf8cf3d876818b0e91449aa6f81e4352ac2f11ff775963025ce4fe6294bfc");
    }

    @Test
    void theVersionHashIsTheSha256OfTheCanonicalListWhateverTheOrderOfItsMembers() {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("version", 3);
        list.put("exchange", EXCHANGE);
        list.putNull("proposal");
        list.put("basedOn", 2);
        list.putObject("releases").putArray("party-a").addObject()
                .put("reason", "Art. 110 — seriously ill\n(\"hospital\")")
                .put("name", "Шевченко Тарас Григорович")
                .put("latin", "Shevchenko Taras Hryhorovych")
                .put("dateOfBirth", "1984-03");
        list.putObject("counts").putObject("party-a").put("shortBy", 0).put("released", 1)
                .put("outsideBalance", 0).put("excluded", 0).put("countedInBalance", 1);

        assertThat(CanonicalJson.write(list)).isEqualTo(LIST_CANONICAL);
        assertThat(ApprovalSignature.versionHash(list)).isEqualTo(LIST_HASH);
    }

    /** The JDK's Ed25519, as SigningKey uses it, gives RFC 8032's signatures from RFC 8032's keys. */
    @Test
    void rfc8032TestVectorsSignAsTheStandardSays(@TempDir Path directory) throws Exception {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        for (int i = 0; i < RFC_8032.length; i++) {
            String[] vector = RFC_8032[i];
            byte[] pkcs8 = HEX.parseHex(PKCS8_PREFIX + vector[0]);
            byte[] spki = HEX.parseHex(SPKI_PREFIX + vector[1]);
            byte[] message = HEX.parseHex(vector[2]);
            byte[] expected = HEX.parseHex(vector[3]);

            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(keys.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            jdk.update(message);
            assertThat(HEX.formatHex(jdk.sign())).as("TEST %d, JDK", i + 1).isEqualTo(vector[3]);

            // The same through SigningKey: a key file in its format, which it checks the two keys belong together.
            Path file = keyFile(directory.resolve("test" + (i + 1) + ".key"), pkcs8, spki);
            SigningKey key = SigningKey.loadOrCreate(file);
            assertThat(key.publicKey().getEncoded()).isEqualTo(spki);
            assertThat(HEX.formatHex(key.sign(message))).as("TEST %d, SigningKey", i + 1).isEqualTo(vector[3]);
            PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(spki));
            assertThat(SigningKey.verify(publicKey, message, expected)).isTrue();
            assertThat(AgreementVerifier.publicKey(SigningKey.publicKeyPem(publicKey))).isEqualTo(publicKey);
            assertThat(AgreementVerifier.publicKey(Base64.getEncoder().encodeToString(spki))).isEqualTo(publicKey);
        }
    }

    /** The sample approval signed with RFC 8032's TEST 1 key: Ed25519 is deterministic, so the signature is fixed. */
    @Test
    void theSampleApprovalSignedWithTheRfcKeyIsTheSignatureOpenSslGives(@TempDir Path directory) throws Exception {
        SigningKey key = SigningKey.loadOrCreate(keyFile(directory.resolve("test1.key"),
                HEX.parseHex(PKCS8_PREFIX + RFC_8032[0][0]), HEX.parseHex(SPKI_PREFIX + RFC_8032[0][1])));
        String signature = ApprovalSignature.sign(sample(), key);
        assertThat(signature).isEqualTo(
                "rgn0KHWicnY4Vfwxls8xEu0AhYT6dQdEXRO49V1vpEF3UPo/SmdsBexEkltov2sHIoXdCWw7mjmEP4l0l7loBw==");
        assertThat(ApprovalSignature.verify(sample(), signature, key.publicKey())).isTrue();
    }

    private static Path keyFile(Path file, byte[] pkcs8, byte[] spki) throws Exception {
        Base64.Encoder mime = Base64.getMimeEncoder(64, new byte[] {'\n'});
        String pem = "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n"
                + "-----BEGIN PUBLIC KEY-----\n" + mime.encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
