package org.parley.api;

/** One thing wrong with a request: the field (JSON name, query parameter or "body") and why. */
public record FieldError(String field, String reason) {
}
