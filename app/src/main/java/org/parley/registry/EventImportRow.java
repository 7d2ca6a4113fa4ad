package org.parley.registry;

/** One row of an imported events sheet or file: the person's prisoner number at the holding party, and the event. */
public record EventImportRow(long line, String prisonerNumber, EventInput event) {
}
