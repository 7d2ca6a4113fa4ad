package org.parley.registry;

/** The kinds of lifecycle event (GC III Art. 122: transfers, releases, repatriations, escapes, hospital, death). */
public enum EventType {
    CAPTURED, NOTIFIED, INTERNED, TRANSFERRED, HOSPITALISED, VISITED, EXCHANGED, REPATRIATED, RELEASED, ESCAPED,
    DIED, REMAINED, CORRECTION
}
