package org.parley.registry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The lifecycle rules: which event may follow which state, and the state an event leads to. The current status
 * is never stored on its own authority: it is what replaying the events gives.
 *
 * <pre>
 * (start) --CAPTURED--> CAPTURED --INTERNED--> INTERNED <--TRANSFERRED-- HOSPITALISED
 * CAPTURED | INTERNED --HOSPITALISED--> HOSPITALISED --INTERNED/TRANSFERRED--> INTERNED
 * in custody --EXCHANGED | REPATRIATED | RELEASED | REMAINED | DIED--> final;  --ESCAPED--> ESCAPED --CAPTURED--> ...
 * NOTIFIED (once) and VISITED (in custody) leave the status as it is; CORRECTION is always allowed.
 * </pre>
 */
public final class Lifecycle {

    /**
     * The derived state: current status, the date of the last dated event, when the notification went out, and when
     * custody ended (null while the person is in custody, or was captured again after an escape).
     */
    public record State(Status status, LocalDate lastDate, LocalDate notifiedOn, LocalDate custodyEndedOn) {
        /** Before the first event. */
        public static final State START = new State(null, null, null, null);
    }

    private Lifecycle() {
    }

    /** Replays a history (corrections and superseded events are skipped) and returns the state it leads to. */
    public static State replay(List<LifecycleEvent> events) {
        State state = State.START;
        for (LifecycleEvent event : events) {
            if (!event.superseded() && event.type() != EventType.CORRECTION) {
                state = apply(state, event.type(), event.occurredOn());
            }
        }
        return state;
    }

    /**
     * The state a new history leads to, as a registrar or a bulk load gives it.
     *
     * @throws InvalidTransitionException at the first event the rules refuse
     */
    public static State replayInputs(List<EventInput> events) {
        State state = State.START;
        for (EventInput event : events) {
            state = apply(state, event.type(), event.occurredOn());
        }
        return state;
    }

    /**
     * The kinds of event the rules allow after this state, whatever their date (a date before the last event's is
     * refused on its own): what a registrar may be offered. CORRECTION is always among them.
     */
    public static Set<EventType> allowedEvents(State state) {
        Set<EventType> allowed = EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            try {
                apply(state, type, null);
                allowed.add(type);
            } catch (InvalidTransitionException refused) {
                // not allowed from this state
            }
        }
        return allowed;
    }

    /**
     * The state after {@code type} happened on {@code occurredOn}.
     *
     * @throws InvalidTransitionException naming the transition and why it is refused
     */
    public static State apply(State state, EventType type, LocalDate occurredOn) {
        Status from = state.status();
        if (type == EventType.CORRECTION) {
            return state;
        }
        if (occurredOn != null && state.lastDate() != null && occurredOn.isBefore(state.lastDate())) {
            throw new InvalidTransitionException(from, type, type + " on " + occurredOn
                    + " cannot come before the previous event of " + state.lastDate());
        }
        LocalDate lastDate = occurredOn != null ? occurredOn : state.lastDate();
        if (from == null && type != EventType.CAPTURED) {
            throw new InvalidTransitionException(null, type, "a history starts with CAPTURED, not " + type);
        }
        if (from != null && from.isFinal() && !(type == EventType.NOTIFIED && from == Status.DIED)) {
            throw new InvalidTransitionException(from, type, "no event but a CORRECTION may follow " + from);
        }
        return switch (type) {
            case CAPTURED -> {
                if (from != null && from != Status.ESCAPED) {
                    throw new InvalidTransitionException(from, type, "the person is already in custody (" + from + ")");
                }
                yield new State(Status.CAPTURED, lastDate, state.notifiedOn(), null);
            }
            case NOTIFIED -> {
                if (state.notifiedOn() != null) {
                    throw new InvalidTransitionException(from, type,
                            "the power of origin was already notified on " + state.notifiedOn());
                }
                yield new State(from, lastDate, occurredOn, state.custodyEndedOn());
            }
            case INTERNED -> {
                requireIn(from, type, Status.CAPTURED, Status.HOSPITALISED);
                yield new State(Status.INTERNED, lastDate, state.notifiedOn(), state.custodyEndedOn());
            }
            case TRANSFERRED -> {
                requireIn(from, type, Status.INTERNED, Status.HOSPITALISED);
                yield new State(Status.INTERNED, lastDate, state.notifiedOn(), state.custodyEndedOn());
            }
            case HOSPITALISED -> {
                requireIn(from, type, Status.CAPTURED, Status.INTERNED);
                yield new State(Status.HOSPITALISED, lastDate, state.notifiedOn(), state.custodyEndedOn());
            }
            case VISITED -> {
                requireCustody(from, type);
                yield new State(from, lastDate, state.notifiedOn(), state.custodyEndedOn());
            }
            case EXCHANGED, REPATRIATED, RELEASED, ESCAPED, DIED, REMAINED -> {
                requireCustody(from, type);
                yield new State(Status.valueOf(type.name()), lastDate, state.notifiedOn(), lastDate);
            }
            case CORRECTION -> state;
        };
    }

    private static void requireCustody(Status from, EventType type) {
        if (!from.inCustody()) {
            throw new InvalidTransitionException(from, type, type + " needs the person in custody, but the status is "
                    + from);
        }
    }

    private static void requireIn(Status from, EventType type, Status... allowed) {
        for (Status status : allowed) {
            if (status == from) {
                return;
            }
        }
        throw new InvalidTransitionException(from, type, type + " is allowed only from "
                + java.util.Arrays.toString(allowed) + ", not from " + from
                + (type == EventType.INTERNED && from == Status.INTERNED ? " (use TRANSFERRED to move a person)" : "")
                + (type == EventType.HOSPITALISED && from == Status.HOSPITALISED ? " (use TRANSFERRED)" : ""));
    }
}
