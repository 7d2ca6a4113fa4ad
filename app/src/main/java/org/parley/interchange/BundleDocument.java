package org.parley.interchange;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import org.parley.api.CanonicalJson;
import org.parley.api.InvalidInputException;
import org.parley.audit.AuditLog;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signing scheme of a notification bundle (docs/interchange/bundles.md): the <em>body</em> is the document less
 * its members {@code hash} and {@code signature}; {@code hash} is the lower-case hex SHA-256 of the body's canonical
 * JSON (RFC 8785) in UTF-8, and {@code signature} the standard Base64 of the Ed25519 signature (RFC 8032) of those
 * same bytes. Pure: no Spring, no database.
 */
final class BundleDocument {

    static final String FORMAT = "parley-notification-bundle";
    static final int FORMAT_VERSION = 1;
    static final String HASH = "hash";
    static final String SIGNATURE = "signature";

    private BundleDocument() {
    }

    /** The bytes that are hashed and signed: the canonical JSON of the document without hash and signature. */
    static byte[] signedBytes(JsonNode document) {
        ObjectNode body = ((ObjectNode) document).deepCopy();
        body.remove(HASH);
        body.remove(SIGNATURE);
        return CanonicalJson.write(body).getBytes(StandardCharsets.UTF_8);
    }

    static String hash(byte[] signedBytes) {
        return HexFormat.of().formatHex(AuditLog.stateHash(new String(signedBytes, StandardCharsets.UTF_8)));
    }

    /** Adds {@code hash} and {@code signature} to a body. */
    static ObjectNode sign(ObjectNode body, SigningKey key) {
        byte[] bytes = signedBytes(body);
        body.put(HASH, hash(bytes));
        body.put(SIGNATURE, Base64.getEncoder().encodeToString(key.sign(bytes)));
        return body;
    }

    /** Whether the signature holds over these bytes with this key; false for a signature that is not Base64. */
    static boolean verify(PublicKey key, byte[] signedBytes, String signatureBase64) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return SigningKey.verify(key, signedBytes, signature);
    }

    /** A checkpoint as a bundle carries it. */
    static ObjectNode checkpoint(ObjectNode node, Checkpoint checkpoint) {
        return node.put("origin", Checkpoint.ORIGIN).put("treeSize", checkpoint.treeSize())
                .put("rootHash", Base64.getEncoder().encodeToString(checkpoint.rootHash()))
                .put("signedAt", checkpoint.signedAt().toString())
                .put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
    }

    /**
     * The checkpoint of a bundle (its schema already checked).
     *
     * @throws InvalidInputException on {@code checkpoint.…} for Base64 or a time that cannot be decoded
     */
    static Checkpoint checkpoint(JsonNode node) {
        return new Checkpoint(node.get("treeSize").longValue(), base64(node, "rootHash"), instant(node, "signedAt"),
                base64(node, "signature"));
    }

    /** A time as the schema's pattern allows it, which can still name no instant (month 13). */
    static Instant instant(JsonNode node, String member) {
        try {
            return Instant.parse(node.get(member).stringValue());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(member, "'" + node.get(member).stringValue() + "' is not a time");
        }
    }

    private static byte[] base64(JsonNode node, String member) {
        try {
            return Base64.getDecoder().decode(node.get(member).stringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("checkpoint." + member, "is not Base64");
        }
    }
}
