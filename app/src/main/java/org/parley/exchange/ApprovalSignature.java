package org.parley.exchange;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.parley.audit.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** PLACEHOLDER — replaced by the verify-document branch. */
public final class ApprovalSignature {

    private ApprovalSignature() {
    }

    public record Approval(String exchange, int version, String versionHash, String organisation, String role,
            String approvedBy, Instant approvedAt) {

        public ObjectNode payload() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("exchange", exchange);
            node.put("version", version);
            node.put("versionHash", versionHash);
            node.put("organisation", organisation);
            node.put("role", role);
            node.put("approvedBy", approvedBy);
            node.put("approvedAt", approvedAt.toString());
            return node;
        }

        public byte[] signedBytes() {
            return CanonicalJson.write(payload()).getBytes(StandardCharsets.UTF_8);
        }

        public String auditState(String signatureBase64) {
            return CanonicalJson.write(payload().put("signature", signatureBase64));
        }
    }

    public static String sign(Approval a, SigningKey key) {
        return Base64.getEncoder().encodeToString(key.sign(a.signedBytes()));
    }

    public static boolean verify(Approval a, String signatureBase64, PublicKey key) {
        return SigningKey.verify(key, a.signedBytes(), Base64.getDecoder().decode(signatureBase64));
    }

    public static String versionHash(JsonNode document) {
        return HexFormat.of().formatHex(AuditLog.stateHash(CanonicalJson.write(document)));
    }
}
