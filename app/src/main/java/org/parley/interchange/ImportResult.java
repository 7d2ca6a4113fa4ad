package org.parley.interchange;

import java.util.List;

/**
 * What an import did: persons created, corrected, unchanged; events added; rows rejected (each problem named), and
 * warnings about rows taken as written. {@code refused}: nothing was stored, {@code message} says why.
 */
public record ImportResult(boolean refused, String message, long created, long updated, long unchanged,
        long eventsAdded, long rejectedRows, List<ImportProblem> rejected, List<ImportProblem> warnings) {

    /** {@code imported N new, U updated, S unchanged, R rejected}. */
    public String summary() {
        return "imported " + created + " new, " + updated + " updated, " + unchanged + " unchanged, " + rejectedRows
                + " rejected";
    }
}
