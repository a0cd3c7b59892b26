package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ProblemKind;
import org.chartlens.domain.ReferenceBand;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.junit.jupiter.api.Test;

/** Units, dosage words, problem kinds, age-bound bands and the "still current" rule. */
class TriageRulesTest {

    @Test
    void ucumConcentrationsCompare() {
        assertEquals(140, UcumUnits.convert(140, "mEq/L", "mmol/L", Double.NaN, true), 1e-9);
        assertTrue(Double.isNaN(UcumUnits.convert(5, "mEq/L", "mmol/L", Double.NaN, false)));
        assertEquals(4.1, UcumUnits.convert(41, "g/L", "g/dL", Double.NaN, false), 1e-9);
        assertEquals(7.2, UcumUnits.convert(7.2, "10*9/L", "10*3/uL", Double.NaN, false), 1e-9);
        assertEquals(90, UcumUnits.convert(5, "mmol/L", "mg/dL", 0.0555, false), 0.1);
        assertTrue(Double.isNaN(UcumUnits.convert(5, "mmol/L", "mg/dL", Double.NaN, false)));
        assertTrue(Double.isNaN(UcumUnits.convert(48, "mmol/mol", "%", Double.NaN, false)));
    }

    @Test
    void shippedIntervalsCoverTheFrequentDemoTestsAndEachCitesASource() {
        // Lab and vital-sign LOINC codes with a cited interval (decision 0700).
        assertTrue(ReferenceIntervals.codes().size() >= 45, ReferenceIntervals.codes().toString());
        for (String c : ReferenceIntervals.codes()) {
            assertFalse(ReferenceIntervals.anyOf(c).citation().isEmpty());
        }
        // Analytes without a citable interval get none (AST, eGFR, troponin...).
        assertNull(ReferenceIntervals.find("1920-8", 40, "female"));
        assertNull(ReferenceIntervals.find("33914-3", 40, "female"));
    }

    @Test
    void dosageInWordsWhenThereIsNoText() {
        JsonNode d = ResultFlagsTest.obs("""
                {"doseAndRate":[{"doseQuantity":{"value":2,"unit":"tablet"}}],
                 "route":{"coding":[{"display":"Oral route"}]},
                 "timing":{"repeat":{"frequency":1,"period":8,"periodUnit":"h"}},"asNeededBoolean":true}""");
        assertEquals("2 tablet oral route every 8 hours as needed", MedicationEntries.dosage(d));
        assertEquals("Take as needed.", MedicationEntries.dosage(ResultFlagsTest.obs("{\"text\":\"Take as needed.\"}")));
        assertEquals("twice a day", MedicationEntries.timing(ResultFlagsTest.obs(
                "{\"frequency\":2,\"period\":1,\"periodUnit\":\"d\"}")));
    }

    @Test
    void problemKinds() {
        JsonNode employment = ResultFlagsTest.obs("""
                {"category":[{"coding":[{"code":"encounter-diagnosis"}]}],
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"160903007","display":"Full-time employment (finding)"}],"text":"Full-time employment (finding)"}}""");
        assertEquals(ProblemKind.FINDING, ProblemLists.kind(employment, false));
        JsonNode ckd = ResultFlagsTest.obs("""
                {"category":[{"coding":[{"code":"encounter-diagnosis"}]}],
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"431856006","display":"Chronic kidney disease stage 2 (disorder)"}],"text":"Chronic kidney disease stage 2"}}""");
        assertEquals(ProblemKind.PROBLEM, ProblemLists.kind(ckd, false));
        // Where the chart has a problem list, encounter diagnoses are kept apart.
        assertEquals(ProblemKind.ENCOUNTER_DIAGNOSIS, ProblemLists.kind(ckd, true));
        JsonNode sdoh = ResultFlagsTest.obs("""
                {"category":[{"coding":[{"code":"health-concern"}]}],"code":{"text":"Food insecurity"}}""");
        assertEquals(ProblemKind.FINDING, ProblemLists.kind(sdoh, true));
    }

    @Test
    void referenceBandsFollowTheAgeAtEachReading() {
        LocalDate birth = LocalDate.of(2010, 1, 1);
        ReferenceBand infant = VitalRanges.referenceBandAt(VitalKind.HEART_RATE, day("2010-02-01"), birth, "male", UnitSystem.METRIC);
        assertEquals(85, infant.low());
        assertEquals(205, infant.high());
        ReferenceBand child = VitalRanges.referenceBandAt(VitalKind.RESPIRATORY_RATE, day("2017-06-01"), birth, "male", UnitSystem.METRIC);
        assertEquals(18, child.low());
        ReferenceBand adult = VitalRanges.referenceBandAt(VitalKind.TEMPERATURE, day("2030-06-01"), birth, "male", UnitSystem.US);
        assertEquals(97.7, adult.low(), 0.01);
        assertEquals("°F", adult.unit());
        // No citable band for a child's temperature: none drawn.
        assertNull(VitalRanges.referenceBandAt(VitalKind.TEMPERATURE, day("2015-06-01"), birth, "male", UnitSystem.METRIC));
    }

    @Test
    void latestValuesStillCurrent() {
        long newest = day("2026-01-01").millisOr(0);
        LocalDate adult = LocalDate.of(1950, 1, 1);
        LocalDate child = LocalDate.of(2015, 1, 1);
        VitalReading eighteenMonthsOld = reading(VitalKind.WEIGHT, "2024-07-01");
        assertFalse(VitalRanges.olderReading(eighteenMonthsOld, newest, adult));
        assertTrue(VitalRanges.olderReading(eighteenMonthsOld, newest, child));
        assertTrue(VitalRanges.olderReading(reading(VitalKind.WEIGHT, "2023-06-01"), newest, adult));
        // Head circumference is for the first 36 months only.
        assertTrue(VitalRanges.olderReading(reading(VitalKind.HEAD_CIRCUMFERENCE, "2025-12-01"), newest, adult));
        assertFalse(VitalRanges.olderReading(reading(VitalKind.HEAD_CIRCUMFERENCE, "2025-12-01"), newest,
                LocalDate.of(2024, 6, 1)));
    }

    static ChartDate day(String d) {
        return new ChartDate(d, Instant.parse(d + "T00:00:00Z"), ChartDate.Precision.DAY);
    }

    static VitalReading reading(VitalKind k, String d) {
        return new VitalReading(k, day(d), 1, Double.NaN, "kg", "1 kg", null);
    }

    static org.chartlens.domain.RawResource raw(String type, String id, String json) {
        return new org.chartlens.domain.RawResource("demo", type, id, "p1", null, null, null, json);
    }

    @Test
    void statementsDispensesAndAdministrationsJoinTheirMedicationsRowWhateverNamesTheDrug() {
        String rx = "\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"314076\","
                + "\"display\":\"lisinopril 10 MG Oral Tablet\"}]";
        List<org.chartlens.domain.RawResource> chart = List.of(
                raw("Patient", "p1", "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1950-01-01\"}"),
                raw("Medication", "m1", "{\"resourceType\":\"Medication\",\"id\":\"m1\",\"code\":{" + rx + "}}"),
                raw("MedicationRequest", "r1", "{\"resourceType\":\"MedicationRequest\",\"id\":\"r1\",\"status\":\"stopped\","
                        + "\"intent\":\"order\",\"authoredOn\":\"2019-01-01\",\"medicationCodeableConcept\":{" + rx + "},"
                        + "\"requester\":{\"display\":\"Dr. A\"}}"),
                raw("MedicationStatement", "s1", "{\"resourceType\":\"MedicationStatement\",\"id\":\"s1\",\"status\":\"active\","
                        + "\"effectiveDateTime\":\"2024-05-01\",\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"c\","
                        + "\"code\":{" + rx + "}}],\"medicationReference\":{\"reference\":\"#c\"},"
                        + "\"dosage\":[{\"text\":\"one tablet every morning\"}]}"),
                raw("MedicationDispense", "d1", "{\"resourceType\":\"MedicationDispense\",\"id\":\"d1\",\"status\":\"completed\","
                        + "\"whenHandedOver\":\"2024-06-01\",\"medicationReference\":{\"reference\":\"Medication/m1\"}}"),
                raw("MedicationAdministration", "a1", "{\"resourceType\":\"MedicationAdministration\",\"id\":\"a1\","
                        + "\"status\":\"completed\",\"effectiveDateTime\":\"2024-06-02\",\"medicationReference\":"
                        + "{\"reference\":\"Medication/m1\"}}"));
        var m = ChartModels.build(chart, org.chartlens.domain.UnitSystem.METRIC, LocalDate.of(2026, 11, 22));
        assertEquals(1, m.medicationGroups().size(), m.medicationGroups().toString());
        var g = m.medicationGroups().get(0);
        assertEquals(4, g.count());
        assertEquals("active", g.status(), "the latest order or statement says what is current");
        assertTrue(g.current());
        assertEquals("2019-01-01", g.first().dateOnly());
        assertEquals("2024-06-02", g.latest().dateOnly());
        assertEquals("one tablet every morning", g.dosage());
        assertEquals(List.of("MedicationAdministration", "MedicationDispense", "MedicationStatement", "MedicationRequest"),
                g.entries().stream().map(e -> e.source().type()).toList());
    }
}
