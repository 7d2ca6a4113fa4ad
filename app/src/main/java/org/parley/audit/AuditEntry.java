package org.parley.audit;

import java.time.Instant;
import org.parley.api.CanonicalJsonBytes;

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

    private static final byte[] ACTION = CanonicalJsonBytes.memberName("action");
    private static final byte[] ACTOR = CanonicalJsonBytes.memberName("actor");
    private static final byte[] AT = CanonicalJsonBytes.memberName("at");
    private static final byte[] ORGANISATION = CanonicalJsonBytes.memberName("organisation");
    private static final byte[] RECORD_ID = CanonicalJsonBytes.memberName("recordId");
    private static final byte[] RECORD_TYPE = CanonicalJsonBytes.memberName("recordType");
    private static final byte[] RECORD_VERSION = CanonicalJsonBytes.memberName("recordVersion");
    private static final byte[] SEQ = CanonicalJsonBytes.memberName("seq");
    private static final byte[] STATE_HASH = CanonicalJsonBytes.memberName("stateHash");

    /** The bytes whose leaf hash the tree holds. */
    public byte[] leafBytes() {
        return writeLeaf(new CanonicalJsonBytes(256)).toBytes();
    }

    public byte[] leafHash() {
        return MerkleHash.leaf(writeLeaf(new CanonicalJsonBytes(256)));
    }

    /** Writes the leaf's bytes into {@code out} (reset first): the verifier reuses one for a million entries. */
    CanonicalJsonBytes writeLeaf(CanonicalJsonBytes out) {
        out.reset().ascii('{').name(ACTION).string(action);
        out.ascii(',').name(ACTOR).string(actor);
        out.ascii(',').name(AT).instant(at);
        out.ascii(',').name(ORGANISATION).string(organisation);
        out.ascii(',').name(RECORD_ID).string(recordId);
        out.ascii(',').name(RECORD_TYPE).string(recordType);
        out.ascii(',').name(RECORD_VERSION).number(recordVersion == null ? null : recordVersion.longValue());
        out.ascii(',').name(SEQ).number(seq);
        out.ascii(',').name(STATE_HASH).hex(stateHash);
        return out.ascii('}');
    }
}
