package org.parley.api;

/**
 * The record does not exist, or the caller may not know that it does: both answer the same 404 and leave the same
 * trace — one refused access in the log, naming the id as the caller gave it — so that nothing a party can observe
 * tells a hidden record from a missing one (README, "Access control"). Only things that are not records (a
 * checkpoint of a size never signed) are {@link #absent} and leave no trace.
 */
public class NotFoundException extends RuntimeException {

    private final String recordType;
    private final String recordId;
    private final boolean refusal;

    private NotFoundException(String recordType, Object recordId, boolean refusal) {
        super(recordType + " " + recordId + " not found");
        this.recordType = recordType;
        this.recordId = String.valueOf(recordId);
        this.refusal = refusal;
    }

    /** A record the caller asked for by id and may not read: it is missing, hidden, or the id is made up. */
    public static NotFoundException of(String recordType, Object recordId) {
        return new NotFoundException(recordType, recordId, true);
    }

    /** The record does not exist: answered and logged exactly like {@link #hidden}. */
    public static NotFoundException missing(String recordType, Object recordId) {
        return of(recordType, recordId);
    }

    /** The record exists but the caller may not see it: answered and logged exactly like {@link #missing}. */
    public static NotFoundException hidden(String recordType, Object recordId) {
        return of(recordType, recordId);
    }

    /** Something that is not a record is not there (a checkpoint not signed yet): no refused access. */
    public static NotFoundException absent(String what, Object which) {
        return new NotFoundException(what, which, false);
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }

    /** Whether the answer is a refused access to be logged. */
    public boolean refusal() {
        return refusal;
    }
}
