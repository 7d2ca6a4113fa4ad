package org.parley.audit;

import java.time.Instant;

/** What an auditor asks the entry list for; every part optional, all combined with AND. */
record EntryFilter(String organisation, String actor, String action, String recordType, String recordId,
        Instant from, Instant to) {

    static final EntryFilter NONE = new EntryFilter(null, null, null, null, null, null, null);

    EntryFilter withOrganisation(String code) {
        return new EntryFilter(code, actor, action, recordType, recordId, from, to);
    }
}
