package org.parley.exchange;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.parley.audit.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A negotiator's approval of one version of a round's exchange list, signed with the instance's Ed25519 audit key
 * (issue 12). The signed payload is the canonical JSON (RFC 8785) of
 * <pre>{"approvedAt":"…","approvedBy":"…","exchange":"…","organisation":"…","role":"PARTY"|"WITNESS",
 * "version":n,"versionHash":"hex"}</pre>
 * in UTF-8; the signature is written as standard Base64. The audit entry of an approval (record type
 * {@value #RECORD_TYPE}) holds as state the same object with one more member, {@code "signature"}. Pure: no
 * Spring, no database; the offline verifier ({@link AgreementVerifier}) and the command line use it as the service
 * does.
 */
public final class ApprovalSignature {

    /** The record type of an approval's audit entry. */
    public static final String RECORD_TYPE = "exchange-approval";
    public static final String PARTY = "PARTY";
    public static final String WITNESS = "WITNESS";

    private ApprovalSignature() {
    }

    /**
     * What an organisation approved. {@code approvedAt} is kept to the microsecond (the database's precision), so
     * that what is signed is what is stored; {@code versionHash} is lower-case hex.
     */
    public record Approval(String exchange, int version, String versionHash, String organisation, String role,
            String approvedBy, Instant approvedAt) {

        public Approval {
            Objects.requireNonNull(exchange, "exchange");
            Objects.requireNonNull(versionHash, "versionHash");
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(approvedBy, "approvedBy");
            approvedAt = Objects.requireNonNull(approvedAt, "approvedAt").truncatedTo(ChronoUnit.MICROS);
        }

        /** The signed object (a new node each time). */
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

        /** The bytes signed: the payload's canonical JSON in UTF-8. */
        public byte[] signedBytes() {
            return CanonicalJson.write(payload()).getBytes(StandardCharsets.UTF_8);
        }

        /** The state of the approval's audit entry: the canonical payload with its {@code "signature"}. */
        public String auditState(String signatureBase64) {
            return CanonicalJson.write(payload().put("signature", signatureBase64));
        }
    }

    /** The approval signed with the instance's key, as standard Base64. */
    public static String sign(Approval approval, SigningKey key) {
        return Base64.getEncoder().encodeToString(key.sign(approval.signedBytes()));
    }

    /** Whether the signature (standard Base64) is this key's over this approval; false for text that is not Base64. */
    public static boolean verify(Approval approval, String signatureBase64, PublicKey key) {
        if (signatureBase64 == null || key == null) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return SigningKey.verify(key, approval.signedBytes(), signature);
    }

    /** The hex SHA-256 of an exchange-list version document's canonical JSON (what approvals sign as versionHash). */
    public static String versionHash(JsonNode exchangeListDocument) {
        return HexFormat.of().formatHex(AuditLog.stateHash(CanonicalJson.write(exchangeListDocument)));
    }
}
