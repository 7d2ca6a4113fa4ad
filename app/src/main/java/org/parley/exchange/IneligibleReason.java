package org.parley.exchange;

import org.parley.registry.Status;

/** Why a person found in the registry cannot be released in an exchange. */
public enum IneligibleReason {
    DIED, EXCHANGED, REPATRIATED, RELEASED, ESCAPED,
    /** A wish not to return, verified by the intermediary in a private interview (GC III Art. 118 as applied). */
    VERIFIED_NOT_RETURNING;

    /** The reason a person with this status is out of the holder's hands, or null while in custody. */
    static IneligibleReason of(Status status) {
        return switch (status) {
            case CAPTURED, INTERNED, HOSPITALISED -> null;
            case DIED -> DIED;
            case EXCHANGED -> EXCHANGED;
            case REPATRIATED -> REPATRIATED;
            // a person who remained in the detaining state after release is no longer held either
            case RELEASED, REMAINED -> RELEASED;
            case ESCAPED -> ESCAPED;
        };
    }
}
