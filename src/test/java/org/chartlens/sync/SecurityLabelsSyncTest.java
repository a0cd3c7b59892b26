package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.Disclosure;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behavioural-health demo profiles label their records (issue 18, docs/demo-ehr.md); synced,
 * the chart masks them until the glass is broken. InSync labels a whole Bundle: its label reaches
 * the stored entry.
 */
class SecurityLabelsSyncTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    @TempDir
    Path dir;

    /** The first patient of the profile that has a derived behavioural-health episode. */
    static PatientRef labelled(DemoFixture f) {
        for (String p : f.ehr.patientIds()) {
            if (f.cache.chart(f.org.id(), p).stream().anyMatch(r -> r.id().startsWith("bh-"))) {
                return new PatientRef(f.org.id(), p);
            }
        }
        throw new AssertionError("no labelled patient in " + f.org.id());
    }

    @Test
    void credibleSubstanceUseRecordsAreHiddenUntilTheGlassIsBroken() throws Exception {
        try (DemoFixture f = new DemoFixture("credible", dir)) {
            assertTrue(f.sync().run(f.request(), SyncListener.NONE).ok());
            PatientRef p = labelled(f);
            ChartData masked = ChartQuery.open(f.cache, p, UnitSystem.METRIC, TODAY);
            assertTrue(masked.restrictions().masked());
            assertTrue(masked.restrictions().part2());
            // the rows and the raw JSON behind each of them ("raw JSON and source" reads the cache)
            assertTrue(org.chartlens.testing.RowsJson.count(masked.model()) > 100);
            String text = masked.model() + "\n" + org.chartlens.testing.RowsJson.of(masked.model(), f.cache);
            for (String secret : List.of("Opioid", "buprenorphine", "1010603", "F11.20", "Misuses drugs", "361055000",
                    "T3Bpb2lk" /* the note's base64 */)) {
                assertFalse(text.contains(secret), secret + " leaked into the masked model");
            }
            assertTrue(masked.restrictions().records().stream().anyMatch(r -> r.type().equals("DocumentReference")),
                    "the progress note of a restricted visit is restricted by the link");
            ChartData shown = ChartQuery.open(f.cache, p, UnitSystem.METRIC, TODAY, Disclosure.MASKED.shown());
            assertTrue(shown.restrictions().shown());
            String all = shown.model() + "\n" + org.chartlens.testing.RowsJson.of(shown.model(), f.cache);
            assertTrue(all.contains("Opioid dependence") && all.contains("1010603"));
            assertEquals(masked.restrictions().count(), shown.restrictions().count());
        }
    }

    @Test
    void inSyncLabelsAWholeBundleAndTheLabelReachesTheEntry() throws Exception {
        try (DemoFixture f = new DemoFixture("insync", dir)) {
            assertTrue(f.sync().run(f.request(), SyncListener.NONE).ok());
            PatientRef p = labelled(f);
            StoredResource note = f.cache.chart(p.org(), p.id()).stream()
                    .filter(r -> r.id().startsWith("bh-note-")).findFirst().orElseThrow();
            assertTrue(note.json().contains("PSYTHPN"), "the Bundle's label was kept on its entry");
            ChartData masked = ChartQuery.open(f.cache, p, UnitSystem.METRIC, TODAY);
            assertTrue(masked.restrictions().records().stream().anyMatch(r -> r.reference().equals("DocumentReference/" + note.id())));
            assertFalse(masked.restrictions().part2());
            assertFalse(masked.model().toString().contains("Psychotherapy session"));
        }
    }
}
