package org.parley.wishes;

/**
 * Whether a person may be put on the "to be transferred" side of an agreed exchange list, and why.
 *
 * @param allowed false only for a verified wish not to return (nobody is repatriated against a verified will)
 * @param flagged allowed, but on a claim the intermediary has not verified: it should interview first
 */
public record Transferability(boolean allowed, boolean flagged, String reason) {
}
