package org.parley.registry;

/** A party to the conflict, or a neutral intermediary. */
public enum OrganisationKind {
    PARTY, INTERMEDIARY
}
