package org.parley.exchange;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.PublicIds;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Approvals as the audit log sees them: the signed approval with its signature ({@link ApprovalSignature}), so an
 * agreement document's approvals can be found in the log by their state hash. Never changed.
 */
@Component
class ApprovalStates implements AuditedRecords {

    static final String RECORD_TYPE = ApprovalSignature.RECORD_TYPE;
    static final String APPROVE = "APPROVE_EXCHANGE_LIST_VERSION";

    private final ApprovalRepository approvals;
    private final PublicIds publicIds;

    ApprovalStates(ApprovalRepository approvals, PublicIds publicIds) {
        this.approvals = approvals;
        this.publicIds = publicIds;
    }

    static AuditLog.Change change(long approvalId, String state) {
        return new AuditLog.Change(APPROVE, RECORD_TYPE, Long.toString(approvalId), null, state);
    }

    String state(Approval a) {
        return a.signed(publicIds.of(PublicIds.Kind.EXCHANGE, a.roundId())).auditState(a.signatureBase64());
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.CURRENT, visitor -> approvals.forEach(a ->
                visitor.state(a.id(), LATEST, AuditLog.stateHash(state(a))))));
    }
}
