package org.parley.api;

/**
 * Records every refused access (401, 403, and 404 on a record asked for by id, whether it is missing or hidden) for
 * the audit log, outside the refused request's own transaction so that the record survives its rollback: one entry
 * each for a logged-in caller, naming the target; refusals of callers who are not logged in are counted per client
 * address and minute (see the access package's {@code RefusalLog}).
 */
public interface RefusalRecorder {

    /** The reason of every 404 on a record: the same words whether the record is missing or hidden. */
    String NOT_FOUND = "not found";

    void refused(Caller caller, String method, String path, int status, String recordType, String recordId,
            String reason);
}
