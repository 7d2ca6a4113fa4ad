package org.parley.api;

/** The caller may see the record but their role does not allow this action on it; answered with 403. */
public class ForbiddenException extends RuntimeException {

    private final String recordType;
    private final String recordId;

    public ForbiddenException(String message, String recordType, Object recordId) {
        super(message);
        this.recordType = recordType;
        this.recordId = recordId == null ? null : recordId.toString();
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }
}
