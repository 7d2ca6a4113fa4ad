package org.parley.exchange;

/** An entry a version dropped from the one before, and why. */
public record Removal(String ref, RemovalReason reason, String note) {
}
