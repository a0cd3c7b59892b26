package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.chartlens.clinical.ChartModels;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/** The Summary's allergy card says what the banner says: allergens by name, not Synthea's finding. */
class SummaryAllergiesTest {
    @Test
    void theCardNamesAllergensWithTheirReactionsAndLeavesOutTheGenericFinding() {
        List<AllergyEntry> all = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.columbus("Babette571")),
                UnitSystem.METRIC, LocalDate.of(2026, 11, 22)).allergies();
        List<String> lines = SummaryTab.allergies(all);
        assertEquals(7, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Bee venom")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("Allergy to substance") || l.contains("(substance)")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("   · ")), "reactions shown: " + lines);
    }

    @Test
    void nothingRecordedLeavesTheCardToItsEmptyText() {
        assertEquals(List.of(), SummaryTab.allergies(List.of()));
    }
}
