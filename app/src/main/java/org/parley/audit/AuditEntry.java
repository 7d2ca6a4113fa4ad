package org.parley.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.parley.api.CanonicalJson;

/**
 * One entry of the audit log: who ({@code actor}, their organisation), did what ({@code action}) to which record
 * (type, id, and the version it reached), when, and the SHA-256 of the canonical JSON of the record's new state.
 * The Merkle leaf is the entry's own canonical JSON (RFC 8785), members in this order:
 * <pre>{"action":…,"actor":…,"at":"2026-11-25T06:40:00.123456Z","organisation":…,"recordId":…,"recordType":…,
 * "recordVersion":…,"seq":…,"stateHash":"hex"}</pre>
 * with null for what is absent (an anonymous refusal has no actor).
 */
public record AuditEntry(long seq, Instant at, String actor, String organisation, String action, String recordType,
        String recordId, Integer recordVersion, byte[] stateHash) {

    private static final HexFormat HEX = HexFormat.of();

    /** The bytes whose leaf hash the tree holds. */
    public byte[] leafBytes() {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"action\":");
        CanonicalJson.string(out, action);
        out.append(",\"actor\":");
        nullable(out, actor);
        out.append(",\"at\":");
        CanonicalJson.string(out, at.toString());
        out.append(",\"organisation\":");
        nullable(out, organisation);
        out.append(",\"recordId\":");
        nullable(out, recordId);
        out.append(",\"recordType\":");
        CanonicalJson.string(out, recordType);
        out.append(",\"recordVersion\":").append(recordVersion);
        out.append(",\"seq\":").append(seq);
        out.append(",\"stateHash\":\"").append(HEX.formatHex(stateHash)).append("\"}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] leafHash() {
        return MerkleHash.leaf(leafBytes());
    }

    private static void nullable(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            CanonicalJson.string(out, value);
        }
    }
}
