package org.parley.registry;

/** One row of an import as it was read: its line in the file and the facts it gives. */
public record PersonImportRow(long line, PersonInput facts) {
}
