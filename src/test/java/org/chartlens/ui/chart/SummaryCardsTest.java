package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.chartlens.clinical.ChartModels;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Coded;
import org.chartlens.domain.Problem;
import org.chartlens.domain.Source;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/**
 * The Summary's cards: allergies as the banner says them (allergens by name, not Synthea's
 * finding); active problems with disorders before social findings.
 */
class SummaryCardsTest {
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

    private static Problem active(String display) {
        return new Problem(new Coded("SNOMED CT", "http://snomed.info/sct", "1", display), "active", "confirmed",
                "problem-list-item", ChartDate.NONE, ChartDate.NONE, ChartDate.NONE, "", true,
                new Source("demo", "Condition", display));
    }

    @Test
    void disordersComeBeforeSocialFindingsEvenPastTheCardsCut() {
        List<Problem> onsetOrder = new java.util.ArrayList<>();
        for (int i = 0; i < SummaryTab.MAX_LINES + 2; i++) {
            onsetOrder.add(active("Social finding " + i + " (finding)"));
        }
        onsetOrder.add(active("Housing unsatisfactory (situation)"));
        onsetOrder.add(active("Essential hypertension (disorder)"));
        onsetOrder.add(active("Atopic dermatitis"));
        List<String> lines = SummaryTab.problems(onsetOrder);
        assertTrue(lines.get(0).startsWith("Essential hypertension"), lines.toString());
        assertTrue(lines.get(1).startsWith("Atopic dermatitis"), lines.toString());
        assertTrue(lines.get(2).startsWith("Social finding 0"), "findings keep their order: " + lines);
        assertEquals("+ " + (onsetOrder.size() - SummaryTab.MAX_LINES) + " more on the Problems tab",
                lines.get(lines.size() - 1));
    }
}
