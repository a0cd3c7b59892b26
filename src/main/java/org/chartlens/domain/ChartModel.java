package org.chartlens.domain;

import java.util.List;

/**
 * Everything the chart tabs show for one patient, built once off the FX thread. Immutable; safe
 * to hand to the FX thread in one piece.
 *
 * @param warnings plain-words notes on data that could not be read (no PHI), shown once
 * @param medicationGroups one row per medication, current first (issue 16)
 */
public record ChartModel(PatientSummary patient, ProblemList problems, Vitals vitals,
                         Timeline timeline, List<MedicationEntry> medications,
                         List<AllergyEntry> allergies, List<ImmunizationEntry> immunizations,
                         List<EncounterEntry> encounters, List<LabReport> labs,
                         List<DocumentEntry> documents, List<CoverageEntry> coverage,
                         List<ClaimEntry> claims, List<String> warnings,
                         List<MedicationGroup> medicationGroups) {
}
