package org.chartlens.domain;

import java.util.List;

/**
 * A patient a search at one organization returned, with the demographics a clinician chooses by.
 * Immutable.
 *
 * @param ref         the organization and the patient's FHIR id there
 * @param name        display name ("Given Family"), or "(no name)"
 * @param birthDate   birth date for display ("1966-06-06"), "" when unknown
 * @param sex         administrative gender as given, or "unknown"
 * @param identifiers the patient's identifiers (MRN, SSN, ...) at that organization
 * @param city        the city of the first address with one ("Columbus, OH"), "" when none
 */
public record PatientCandidate(PatientRef ref, String name, String birthDate, String sex,
                               List<Identifier> identifiers, String city) {
    public PatientCandidate {
        identifiers = List.copyOf(identifiers);
    }
}
