package org.parley.api;

/**
 * Records every refused access (401, 403, and 404 on a record that exists) for the audit log, outside the
 * refused request's own transaction so that the record survives its rollback.
 */
public interface RefusalRecorder {

    void refused(Caller caller, String method, String path, int status, String recordType, String recordId,
            String reason);
}
