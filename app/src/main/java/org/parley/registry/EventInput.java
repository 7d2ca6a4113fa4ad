package org.parley.registry;

import java.time.LocalDate;

/** A lifecycle event as a registrar records it. */
public record EventInput(EventType type, LocalDate occurredOn, String place, String note, Long supersedes) {
}
