package org.parley.interchange;

import java.util.List;

/**
 * What one capture card shows (GC III Art. 70, Annex IV B), in the model's order: each name as written with its
 * official Latin spelling beside it (null when it is written in Latin letters already, or not known).
 *
 * @param power the Power on which the prisoner depends (the power of origin's name)
 * @param health the state of health recorded, as a {@code HealthState} name, or null
 * @param healthStates every state of the model, in its order, for the card to strike out those that do not apply
 */
record CaptureCard(String personId, String holder, String power, String surname, String surnameLatin,
        String firstNames, String firstNamesLatin, String fatherName, String fatherNameLatin, String dateOfBirth,
        String placeOfBirth, String rank, String serviceNumber, String familyAddress, String captureDate,
        String health, List<String> healthStates, String prisonerNumber, String internmentPlace) {
}
