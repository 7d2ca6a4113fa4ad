package org.parley.registry;

/** What an import did to the persons: created, corrected, and found as they were. */
public record PersonImportCounts(long created, long updated, long unchanged) {
}
