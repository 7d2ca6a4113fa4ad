package org.parley.registry;

/** The states of health of the capture card (GC III Annex IV B). */
public enum HealthState {
    GOOD_HEALTH, NOT_WOUNDED, RECOVERED, CONVALESCENT, SICK, SLIGHTLY_WOUNDED, SERIOUSLY_WOUNDED
}
