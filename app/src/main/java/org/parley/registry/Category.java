package org.parley.registry;

/** Who the person is under GC III Art. 4 (A 1–6, B), or a civilian interned under GC IV. */
public enum Category {
    ARMED_FORCES, MILITIA_OR_VOLUNTEER_CORPS, UNRECOGNISED_GOVERNMENT_FORCES, ACCOMPANYING_FORCES,
    MERCHANT_OR_CIVIL_AIRCRAFT_CREW, LEVEE_EN_MASSE, OTHER, CIVILIAN_INTERNEE
}
