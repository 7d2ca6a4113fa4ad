package org.parley.registry;

/** Where a fact about a person comes from. */
public enum FactSource {
    CAPTURE_CARD, PARTY_NOTIFICATION, INTERMEDIARY_VISIT, FAMILY_TRACING_REQUEST, OPEN_SOURCE
}
