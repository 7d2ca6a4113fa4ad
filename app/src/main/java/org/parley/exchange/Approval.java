package org.parley.exchange;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A stored approval of an exchange-list version: a party's (PARTY) or the intermediary's witness (WITNESS).
 *
 * @param auditSeq the seq of its audit entry
 */
record Approval(long id, long roundId, long versionId, int versionNumber, String organisation, String role,
        byte[] versionHash, String approvedBy, Instant approvedAt, byte[] signature, long auditSeq) {

    ApprovalSignature.Approval signed(String exchangePublicId) {
        return new ApprovalSignature.Approval(exchangePublicId, versionNumber, HexFormat.of().formatHex(versionHash),
                organisation, role, approvedBy, approvedAt);
    }

    String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }
}
