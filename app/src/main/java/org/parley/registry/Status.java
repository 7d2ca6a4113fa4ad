package org.parley.registry;

/** Where a person is now, derived from the lifecycle events. */
public enum Status {
    CAPTURED, INTERNED, HOSPITALISED, ESCAPED, EXCHANGED, REPATRIATED, RELEASED, DIED, REMAINED;

    /** In the hands of the detaining power. */
    public boolean inCustody() {
        return this == CAPTURED || this == INTERNED || this == HOSPITALISED;
    }

    /** No lifecycle event may follow but a correction. */
    public boolean isFinal() {
        return this == EXCHANGED || this == REPATRIATED || this == RELEASED || this == DIED || this == REMAINED;
    }
}
