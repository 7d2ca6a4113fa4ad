package org.parley.api;

/**
 * The record does not exist, or the caller may not know that it does: both answer the same 404, so nothing
 * leaks. Only the refusal log (never the response) knows which it was.
 */
public class NotFoundException extends RuntimeException {

    private final String recordType;
    private final String recordId;
    private final boolean hidden;

    private NotFoundException(String recordType, Object recordId, boolean hidden) {
        super(recordType + " " + recordId + " not found");
        this.recordType = recordType;
        this.recordId = String.valueOf(recordId);
        this.hidden = hidden;
    }

    /** The record does not exist. */
    public static NotFoundException missing(String recordType, Object recordId) {
        return new NotFoundException(recordType, recordId, false);
    }

    /** The record exists but the caller may not see it: a refused access, answered exactly like a missing one. */
    public static NotFoundException hidden(String recordType, Object recordId) {
        return new NotFoundException(recordType, recordId, true);
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }

    public boolean hidden() {
        return hidden;
    }
}
