package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.chartlens.clinical.ChartModels;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/** Issue 16 in the Summary's words: clinical problems first, current medications grouped, abnormal results. */
class TriageViewsTest {
    static ChartModel LARGE;

    @org.junit.jupiter.api.BeforeAll
    static void setUp() throws Exception {
        org.chartlens.ui.testing.Fx.stage(); // SummaryTab is a ScrollPane: the toolkit must be up
        LARGE = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.large()), UnitSystem.METRIC,
                LocalDate.of(2026, 11, 22));
    }

    @Test
    void theSummaryGivesClinicalProblemsTheRoomAndPointsToFindings() {
        List<String> lines = SummaryTab.problems(LARGE.problems());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Chronic kidney disease stage 2")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("(finding)") || l.contains("(situation)")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).endsWith("social and situational findings on the Problems tab"),
                lines.toString());
    }

    @Test
    void currentMedicationsAreOneLinePerMedication() {
        List<String> lines = SummaryTab.currentMeds(LARGE.medicationGroups());
        assertEquals(8, lines.size(), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("lisinopril 10 MG Oral Tablet")).count());
        assertTrue(lines.contains("lisinopril 10 MG Oral Tablet   · 1 dose once a day"), lines.toString());
    }

    @Test
    void abnormalRecentResultsSayWhoFlaggedThem() {
        List<String> lines = org.chartlens.clinical.RecentResults.abnormal(LARGE.labs()).stream()
                .map(org.chartlens.clinical.RecentResults::line).toList();
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().allMatch(l -> l.endsWith("(flagged by ChartLens)")), "Synthea sends no lab flags: " + lines);
        assertTrue(lines.stream().allMatch(l -> l.matches("^[▲▼◆]!?!? [A-Z<>]+ (Critical )?([Hh]igh|[Ll]ow|[Aa]bnormal)  .*")),
                "the flag in words beside its symbol: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Creatinine")), lines.toString());
    }

    @Test
    void theBannerMarksCriticalValuesOnlyWhenThereAreSome() {
        // The large chart's latest values are not critical: no badge.
        assertEquals(null, PatientBanner.critical(LARGE));
        assertNotNull(LARGE.patient());
    }
}
