package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chartlens.clinical.ChartModels;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.UnitSystem;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.2: `show` never prints "Allergies: 0" for a type the sign-in did not grant or the
 * server does not offer: that count is unknown, and it says why. It also names what was removed
 * at the server.
 */
class ChartReportUnknownCountsTest {
    private static final ChartModel NO_ALLERGIES = ChartModels.build(List.of(new RawResource("payer", "Patient", "p1",
            "p1", null, null, null, "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Dicki\"}]}")),
            UnitSystem.METRIC, LocalDate.of(2026, 12, 5));

    @Test
    void aTypeNotGrantedIsUnknownNotZero() {
        String text = ChartReport.text(NO_ALLERGIES, "payer", ChartReport.Part.SUMMARY,
                Map.of("AllergyIntolerance", "not-granted", "Encounter", "unsupported", "Condition", "ok"));
        assertTrue(text.contains("Allergies: unknown (the sign-in did not grant AllergyIntolerance)"), text);
        assertTrue(text.contains("Encounters unknown (the server does not offer Encounter)"), text);
        assertTrue(text.contains("documents 0"), text);
    }

    @Test
    void aGrantedTypeWithNothingInItIsZero() {
        String text = ChartReport.text(NO_ALLERGIES, "payer", ChartReport.Part.SUMMARY, Map.of("AllergyIntolerance", "ok"));
        assertTrue(text.contains("Allergies: 0"), text);
    }

    @Test
    void resourcesRemovedAtTheServerAreCountedByType() {
        java.time.Instant at = java.time.Instant.parse("2026-12-05T06:00:00Z");
        String line = ChartReport.removed(List.of(new org.chartlens.store.ChartCache.RemovedResource("Condition", "c1", at),
                new org.chartlens.store.ChartCache.RemovedResource("Observation", "o1", at),
                new org.chartlens.store.ChartCache.RemovedResource("Observation", "o2", at)));
        assertTrue(line.equals("Removed at the server (3): Condition 1, Observation 2 (noticed 2026-12-05)\n"), line);
        assertTrue(ChartReport.removed(List.of()).isEmpty());
    }
}
