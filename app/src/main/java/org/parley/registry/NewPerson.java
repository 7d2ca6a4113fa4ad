package org.parley.registry;

import java.util.List;

/**
 * A person with a whole history, for bulk loads (demo world, imports): the facts, and the lifecycle events
 * in order, starting with CAPTURED.
 */
public record NewPerson(PersonInput facts, List<EventInput> events) {
}
