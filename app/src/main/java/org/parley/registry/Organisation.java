package org.parley.registry;

/** A party or an intermediary; parties are data, never code. */
public record Organisation(long id, String code, String name, OrganisationKind kind, String language) {
}
