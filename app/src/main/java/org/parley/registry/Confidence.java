package org.parley.registry;

/** How sure the registrar is of a fact. */
public enum Confidence {
    CONFIRMED, PROBABLE, UNCONFIRMED
}
