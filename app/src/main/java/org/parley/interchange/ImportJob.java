package org.parley.interchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import running in the background (the API's and the page's), as its organisation sees it: state, counts,
 * progress, the first rejected rows and warnings.
 */
public record ImportJob(UUID id, State state, String fileName, String holdingParty, String createdBy,
        String message, Counts counts, Progress progress, List<ImportProblem> rejected, List<ImportProblem> warnings,
        Instant createdAt, Instant finishedAt) {

    /** QUEUED, RUNNING, then DONE, REFUSED (bad input: nothing stored) or FAILED (an error: nothing stored). */
    public enum State { QUEUED, RUNNING, DONE, REFUSED, FAILED }

    /** Persons created, corrected and unchanged; rows rejected. */
    public record Counts(long created, long updated, long unchanged, long rejected) {
    }

    /** Rows read, and bytes of the file read of its size. */
    public record Progress(long rowsRead, long bytesRead, long totalBytes) {
    }

    public boolean finished() {
        return state == State.DONE || state == State.REFUSED || state == State.FAILED;
    }
}
