package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.ReconcileRow;
import org.chartlens.domain.ReconcileTable;
import org.chartlens.domain.UnitSystem;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 section 3, the pure part: problems coded SNOMED CT at one organization and ICD-10-CM +
 * SNOMED CT at another are one row; a medication at two strengths is one row by ingredient that
 * differs on dose; an allergy listed at one organization only is "not everywhere"; one organization
 * has nothing to reconcile.
 */
class ReconciliationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static RawResource patient(String org) {
        return new RawResource(org, "Patient", "p1", "p1", null, null, null,
                "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Dicki\"}]}");
    }

    private static RawResource condition(String org, String id, String status, String codings) {
        return new RawResource(org, "Condition", id, "p1", "2020-01-01", status, null, "{\"resourceType\":\"Condition\",\"id\":\""
                + id + "\",\"clinicalStatus\":{\"coding\":[{\"code\":\"" + status + "\"}]},\"category\":[{\"coding\":[{\"code\":"
                + "\"problem-list-item\"}]}],\"code\":{\"coding\":[" + codings + "]},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"onsetDateTime\":\"2020-01-01\"}");
    }

    private static RawResource order(String org, String id, String status, String code, String name) {
        return new RawResource(org, "MedicationRequest", id, "p1", "2026-09-21", status, null, "{\"resourceType\":"
                + "\"MedicationRequest\",\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"intent\":\"order\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\","
                + "\"code\":\"" + code + "\",\"display\":\"" + name + "\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"authoredOn\":\"2026-09-21\"}");
    }

    private static RawResource allergy(String org) {
        return new RawResource(org, "AllergyIntolerance", "a1", "p1", null, "active", null, "{\"resourceType\":"
                + "\"AllergyIntolerance\",\"id\":\"a1\",\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"300913006\","
                + "\"display\":\"Shellfish (substance)\"}]},\"patient\":{\"reference\":\"Patient/p1\"}}");
    }

    private static final String SCT = "{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\",\"display\":\"Diabetes mellitus type 2\"}";
    private static final String ICD = "{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"E11.9\",\"display\":\"Type 2 diabetes mellitus without complications\"}";

    private static ChartModel model(RawResource... rs) {
        return ChartModels.build(new ArrayList<>(List.of(rs)), UnitSystem.METRIC, TODAY);
    }

    @Test
    void codesOfBothSystemsAndIngredientsMatchAndDisagreementsComeFirst() {
        ChartModel clinic = model(patient("clinic"), condition("clinic", "c1", "active", SCT),
                order("clinic", "m1", "active", "314076", "lisinopril 10 MG Oral Tablet"), allergy("clinic"));
        ChartModel hospital = model(patient("hospital"), condition("hospital", "c9", "resolved", ICD + "," + SCT),
                order("hospital", "m9", "active", "314077", "lisinopril 20 MG Oral Tablet"));
        ReconcileTable t = Reconciliation.of(List.of("clinic", "hospital"), PersonCharts.merge(List.of(clinic, hospital)));
        assertEquals(3, t.rows().size(), t.rows().toString());
        ReconcileRow med = t.row("med:lisinopril");
        ReconcileRow problem = t.row("problem:icd10:e11.9");
        assertEquals("problem:sct:44054006", problem.key(), "one row for both codes, keyed by SNOMED CT");
        assertEquals(List.of("status"), problem.differsOn());
        assertEquals("resolved", problem.cell("hospital").status());
        assertEquals(List.of("dose"), med.differsOn());
        assertEquals("20 MG", med.cell("hospital").detail());
        assertEquals(List.of(ReconcileRow.Agreement.DIFFERS, ReconcileRow.Agreement.DIFFERS, ReconcileRow.Agreement.PARTLY_LISTED),
                t.rows().stream().map(ReconcileRow::agreement).toList());
        assertEquals(ReconcileRow.Kind.MEDICATION, t.rows().get(0).kind(), "medications before problems among equals");
        ReconcileRow shellfish = t.rows().get(2);
        assertTrue(!shellfish.cell("hospital").listed() && shellfish.cell("clinic").listed());
        assertEquals(2, t.differing());
    }

    @Test
    void oneOrganizationHasNothingToReconcile() {
        ChartModel clinic = model(patient("clinic"), condition("clinic", "c1", "active", SCT));
        ReconcileTable t = Reconciliation.of(List.of("clinic"), clinic);
        assertTrue(t.singleOrganization());
        assertEquals(0, t.differing());
    }
}
