package org.parley.audit;

import java.io.Serializable;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found: how much it checked (entries, checkpoints, recorded states, records as stored
 * now), and every problem (up to a limit), each tied to the entry it makes bad where there is one ({@code seq}),
 * otherwise to a checkpoint or the tree as a whole. Serializable: the audit page hands it to the next request
 * through the web session, which is stored in the database.
 */
public record Verification(long entries, int checkpoints, long recordStates, long currentRecords, Duration took,
        List<Problem> problems) implements Serializable {

    /** One thing that is wrong. {@code seq}: the entry it concerns, or null. */
    public record Problem(Long seq, String what) implements Serializable {
        @Override
        public String toString() {
            return seq == null ? what : "entry " + seq + ": " + what;
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The bad entry with the lowest sequence number, if any problem concerns an entry. */
    public Optional<Problem> firstBadEntry() {
        return problems.stream().filter(p -> p.seq() != null).min(Comparator.comparingLong(Problem::seq));
    }

    /** The report the command line prints: the first bad entry first, then every other problem. */
    public String report() {
        if (ok()) {
            return String.format("Audit log verified: %d entries, %d checkpoints, %d recorded states and %d records "
                    + "as stored now in %.1f s.", entries, checkpoints, recordStates, currentRecords,
                    took.toMillis() / 1000.0);
        }
        StringBuilder out = new StringBuilder("Audit log verification FAILED (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ").\n");
        firstBadEntry().ifPresent(first -> out.append("First bad entry: ").append(first).append('\n'));
        problems.stream().filter(p -> firstBadEntry().map(f -> f != p).orElse(true))
                .forEach(p -> out.append("  ").append(p).append('\n'));
        return out.toString().stripTrailing();
    }
}
