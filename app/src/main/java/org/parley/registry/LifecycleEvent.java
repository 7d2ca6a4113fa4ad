package org.parley.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One entry of a person's append-only history. A correction carries either the facts it changed ({@code changes}:
 * field → old and new value) or the event it supersedes; superseded events stay in the history, marked.
 */
public record LifecycleEvent(long id, int seq, EventType type, LocalDate occurredOn, String place, String note,
        Long supersedes, Map<String, Change> changes, Instant recordedAt, boolean superseded) {

    /** A fact's value before and after a correction, as the API writes them. */
    public record Change(Object from, Object to) {
    }
}
