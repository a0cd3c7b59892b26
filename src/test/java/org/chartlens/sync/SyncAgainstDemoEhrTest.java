package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.chartlens.store.Freshness;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sync through the real HTTP endpoints of the demo EHR yields exactly the source bundles. */
class SyncAgainstDemoEhrTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"demo", "veracity", "carecloud", "payer"})
    void everyPatientsChartMatchesItsSourceBundleTypeByType(String profile) throws Exception {
        try (DemoFixture f = new DemoFixture(profile, dir)) {
            AtomicReference<SyncProgress> last = new AtomicReference<>();
            List<String> problems = new ArrayList<>();
            SyncListener listener = new SyncListener() {
                @Override
                public void progress(SyncProgress p) {
                    last.set(p);
                }

                @Override
                public synchronized void problem(String message) {
                    problems.add(message);
                }
            };
            ChartSync sync = f.sync();
            long t0 = System.nanoTime();
            SyncResult r = sync.run(f.request(), listener);
            System.out.printf("%s: %d patients in %d ms, %s; problems %s; unavailable %s%n", profile,
                    r.patients().size(), (System.nanoTime() - t0) / 1_000_000, r.storedByType(), problems, r.unavailable());
            assertTrue(r.ok(), r.summary() + " " + r.failed());
            List<String> expectedPatients = "payer".equals(profile) ? List.of(f.session.patient()) : f.ehr.patientIds();
            assertEquals(new java.util.TreeSet<>(expectedPatients), new java.util.TreeSet<>(r.patients()));
            assertEquals(r.patients().size(), r.completed().size());
            Capabilities caps = sync.capabilities();
            for (String p : r.patients()) {
                assertEquals(f.expected(p, caps), f.cached(p), profile + " patient " + p);
                assertTrue(f.cache.lastSynced(f.org.id(), p).isPresent());
            }
            // the listener's final numbers are the cache's numbers
            assertTrue(last.get().finished());
            assertEquals(f.cache.countsByType(f.org.id()), new TreeMap<>(last.get().storedByType()));
            assertEquals(r.storedByType(), last.get().storedByType());
            // freshness per type: ok for what was pulled, unavailable types recorded as such
            Map<String, Freshness> fresh = new TreeMap<>();
            f.cache.freshness(f.org.id()).forEach(x -> fresh.put(x.type(), x));
            assertEquals("ok", fresh.get("Condition").state());
            if ("payer".equals(profile)) {
                assertEquals("ok", fresh.get("Immunization").state(), fresh.toString()); // the preset asks for it now
                assertEquals("unsupported", fresh.get("Encounter").state(), fresh.toString());
            }
            // odd dates (CareCloud's 8/27/1930 12:00:00 AM) are kept as given and reported once
            boolean oddDates = r.patients().stream().flatMap(p -> f.cache.chart(f.org.id(), p).stream())
                    .anyMatch(x -> x.effective() != null && !org.chartlens.fhir.EffectiveDates.isFhirDate(x.effective()));
            assertEquals(oddDates, problems.stream().anyMatch(m -> m.contains("dates not in FHIR format")), problems.toString());
            assertEquals(problems.size(), new java.util.HashSet<>(problems).size(), "each kind reported once");
            // nothing of the chart in the files in plain text
            String family = f.cache.patients().get(0).json().replaceAll("(?s).*\"family\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            for (Path file : Files.list(dir).filter(x -> x.getFileName().toString().startsWith("cache.db")).toList()) {
                assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(family));
            }
        }
    }
}
