package org.parley.registry;

public enum Sex {
    MALE, FEMALE
}
