package org.parley.registry;

/** A row of an import the registry refuses as a whole: its line, the field (or null), the value and why. */
public record PersonImportRefusal(long line, String field, String value, String reason) {
}
