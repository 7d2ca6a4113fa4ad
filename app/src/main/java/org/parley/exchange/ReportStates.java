package org.parley.exchange;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;

/** A round's report, stored when its handover was completed, as the audit log sees it: its canonical JSON. */
@Component
class ReportStates implements AuditedRecords {

    static final String RECORD_TYPE = "exchange-report";
    static final String STORE = "STORE_EXCHANGE_REPORT";

    private final HandoverRepository handovers;

    ReportStates(HandoverRepository handovers) {
        this.handovers = handovers;
    }

    static AuditLog.Change change(long roundId, String canonicalReport) {
        return new AuditLog.Change(STORE, RECORD_TYPE, Long.toString(roundId), null, canonicalReport);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.CURRENT, visitor -> handovers.forEachReport((round, report) ->
                visitor.state(round, LATEST, AuditLog.stateHash(report)))));
    }
}
