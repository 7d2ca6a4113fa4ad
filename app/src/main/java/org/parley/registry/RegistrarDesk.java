package org.parley.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.parley.api.Caller;

/**
 * What the person page offers the registrar who keeps the record (a registrar of the holding party): correcting
 * it, adding an event the lifecycle allows now, and notifying the power of origin once. Nobody else is offered
 * anything, and the pages behind these refuse anybody else (403).
 *
 * @param keeper whether the reader keeps the record
 * @param events the events the reader may add now, in the order of {@link EventType}
 * @param canNotify whether the notification may be recorded now (not yet notified, and the lifecycle allows it)
 */
record RegistrarDesk(boolean keeper, List<EventType> events, boolean canNotify) {

    /**
     * The events a registrar adds on the event page: VISITED is the intermediary's, the notification has its own
     * button, and a correction of facts is the edit page.
     */
    static final Set<EventType> EVENTS = EnumSet.of(EventType.CAPTURED, EventType.INTERNED, EventType.TRANSFERRED,
            EventType.HOSPITALISED, EventType.EXCHANGED, EventType.REPATRIATED, EventType.RELEASED, EventType.ESCAPED,
            EventType.DIED, EventType.REMAINED);

    static RegistrarDesk of(Caller caller, Person person, List<LifecycleEvent> history) {
        if (!RecordAccess.keeps(caller, person)) {
            return new RegistrarDesk(false, List.of(), false);
        }
        Set<EventType> allowed = Lifecycle.allowedEvents(Lifecycle.replay(history));
        return new RegistrarDesk(true, allowed.stream().filter(EVENTS::contains).toList(),
                person.notifiedOn() == null && allowed.contains(EventType.NOTIFIED));
    }

    public boolean canAddEvent() {
        return !events.isEmpty();
    }
}
