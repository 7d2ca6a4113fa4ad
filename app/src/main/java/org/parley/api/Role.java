package org.parley.api;

/** What a user may do inside their organisation. A user can hold several roles. */
public enum Role {
    /** Enters and updates the records of persons its organisation holds. */
    REGISTRAR,
    /** Works on exchange lists. */
    NEGOTIATOR,
    /** Takes verified statements in private interviews; intermediary only. */
    INTERVIEWER,
    /** Reads what the organisation may see. */
    VIEWER,
    /** Reads records and the audit log. */
    AUDITOR,
    /** Manages the users of the organisation (or, without an organisation, of the whole instance). */
    ADMIN;

    /** The roles that may read person records at all. */
    public boolean readsRecords() {
        return this != ADMIN;
    }
}
