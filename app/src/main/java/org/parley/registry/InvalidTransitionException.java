package org.parley.registry;

/** A lifecycle event that the person's current state does not allow. */
public class InvalidTransitionException extends RuntimeException {

    private final Status from;
    private final EventType event;

    public InvalidTransitionException(Status from, EventType event, String reason) {
        super(reason);
        this.from = from;
        this.event = event;
    }

    /** The status the event was refused in; null before the first event. */
    public Status from() {
        return from;
    }

    public EventType event() {
        return event;
    }
}
