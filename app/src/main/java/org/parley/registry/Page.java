package org.parley.registry;

import java.util.List;

/** One page of a list in a stable order, with the total count of the whole list. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
