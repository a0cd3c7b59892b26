package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.FlagSource;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.Problem;
import org.chartlens.domain.ProblemKind;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/** Issue 16 on the real demo data: flags, grouped medications, problems split, current vitals. */
class TriageDemoDataTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static ChartModel large() {
        return ChartModels.build(SyntheaBundles.raw(SyntheaBundles.large()), UnitSystem.METRIC, TODAY);
    }

    static ChartModel columbus(String name) {
        return ChartModels.build(SyntheaBundles.raw(SyntheaBundles.columbus(name)), UnitSystem.METRIC, TODAY);
    }

    @Test
    void theLargeChartsMedicationOrdersBecomeOneRowPerMedicationCurrentFirst() {
        ChartModel m = large();
        long requests = m.medications().stream().filter(e -> e.source().type().equals("MedicationRequest")).count();
        assertEquals(398, requests);
        // 398 orders + 26 administrations = 424 rows before; 17 medications after.
        assertEquals(424, m.medications().size());
        assertEquals(17, m.medicationGroups().size());
        List<MedicationGroup> g = m.medicationGroups();
        int firstStopped = g.size();
        for (int i = 0; i < g.size(); i++) {
            if (!g.get(i).current()) {
                firstStopped = Math.min(firstStopped, i);
            } else {
                assertTrue(i < firstStopped, "current medications come first");
            }
        }
        MedicationGroup lisinopril = g.stream().filter(x -> x.medication().label().startsWith("lisinopril"))
                .findFirst().orElseThrow();
        assertEquals(100, lisinopril.count());
        assertEquals("1961-04-25", lisinopril.first().dateOnly());
        assertEquals("2026-03-29", lisinopril.latest().dateOnly());
        assertEquals("active", lisinopril.status());
        assertEquals("1 dose once a day", lisinopril.dosage());
        // The 26 orders that name their drug by Medication reference group with the insulin.
        assertTrue(g.stream().anyMatch(x -> x.medication().label().startsWith("insulin isophane") && x.count() == 47));
    }

    @Test
    void theLargeChartsHighCreatinineIsFlaggedByChartLensWithItsSource() {
        ChartModel m = large();
        List<LabResult> creatinine = m.labs().stream().flatMap(r -> r.results().stream())
                .filter(r -> "38483-4".equals(r.test().code()) || "2160-0".equals(r.test().code())).toList();
        assertFalse(creatinine.isEmpty());
        LabResult high = creatinine.stream().filter(r -> r.numeric() > 1.2).findFirst().orElseThrow();
        assertEquals("H", high.flag());
        assertEquals(FlagSource.CHARTLENS, high.assessment().source());
        assertEquals("0.6–1.2 mg/dL (ChartLens: MSD Manual Consumer Version, table 'Blood Tests')",
                high.assessment().rangeWithSource());
        assertTrue(creatinine.stream().filter(r -> r.numeric() >= 0.6 && r.numeric() <= 1.2)
                .allMatch(r -> "N".equals(r.flag())));
    }

    @Test
    void problemsAreSplitFromSocialFindings() {
        ChartModel m = large();
        List<String> problems = m.problems().activeProblems().stream().map(p -> p.code().label()).toList();
        assertTrue(problems.contains("Essential hypertension (disorder)"), problems.toString());
        assertTrue(problems.contains("Chronic kidney disease stage 2 (disorder)"), problems.toString());
        assertTrue(m.problems().activeFindings().size() > 0);
        for (Problem f : m.problems().activeFindings()) {
            assertEquals(ProblemKind.FINDING, f.kind());
            assertFalse(problems.contains(f.code().label()));
        }
        assertTrue(m.problems().activeFindings().stream().anyMatch(p -> p.code().label().contains("(finding)")
                || p.code().label().contains("(situation)")));
        assertEquals(m.problems().active().size(),
                m.problems().activeProblems().size() + m.problems().activeFindings().size()
                        + m.problems().activeEncounterDiagnoses().size());
    }

    @Test
    void aChildsHeartRatesAreJudgedAgainstPalsForTheirAge() {
        // Jamie, born 2011: heart rates 61-99 between the ages of 6 and 14, all normal by PALS.
        ChartModel m = columbus("Jamie386");
        List<VitalReading> hr = m.vitals().get(VitalKind.HEART_RATE).readings();
        assertFalse(hr.isEmpty());
        assertTrue(hr.stream().allMatch(r -> "N".equals(r.assessment().code())
                && r.assessment().citation().contains("PALS")), hr.toString());
    }

    @Test
    void anOldHeadCircumferenceIsNotALatestVitalSignAt87() {
        ChartModel m = large();
        VitalReading hc = m.vitals().get(VitalKind.HEAD_CIRCUMFERENCE) == null ? null
                : m.vitals().get(VitalKind.HEAD_CIRCUMFERENCE).latest();
        org.junit.jupiter.api.Assumptions.assumeTrue(hc != null, "large chart has a head circumference");
        long newest = VitalSigns.newestReading(List.copyOf(m.vitals().series().values()));
        LocalDate birth = LocalDate.parse(m.patient().birthDate().dateOnly());
        assertTrue(VitalSigns.olderReading(hc, newest, birth));
        // The adult's latest weight, within two years of the newest reading, is current.
        VitalReading w = m.vitals().get(VitalKind.WEIGHT).latest();
        assertFalse(VitalSigns.olderReading(w, newest, birth));
    }

    @Test
    void timelineConditionsCarryTheirClinicalWeight() {
        ChartModel m = large();
        List<org.chartlens.domain.TimelineItem> conditions =
                m.timeline().lanes().get(org.chartlens.domain.TimelineLane.CONDITIONS);
        org.chartlens.domain.TimelineItem ckd = conditions.stream()
                .filter(i -> i.label().startsWith("Chronic kidney disease stage 2")).findFirst().orElseThrow();
        assertEquals(3, ckd.weight());
        assertTrue(conditions.stream().filter(i -> i.label().endsWith("(finding)")).allMatch(i -> i.weight() == 0));
    }
}
