package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.chartlens.auth.AuthSessions;
import org.chartlens.auth.BackendKey;
import org.chartlens.auth.PassphraseSecretStore;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.connect.Organization;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.FhirJson;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk Data $export (backend services, credible profile): kick-off, polling, NDJSON into the cache. */
class BulkExportSyncTest {
    @TempDir
    Path dir;

    @Test
    void aGroupExportFillsTheCacheWithEveryPatientsChart() throws Exception {
        try (DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile("credible").autoApprove(true).build())) {
            AuthSessions auth = new AuthSessions(PassphraseSecretStore.open(dir.resolve("secrets.bin"),
                    PassphraseSource.fixed("p".toCharArray()), 1000));
            Organization org = new Organization("credible", "Credible (demo)", ehr.fhirBase(), Organization.Flow.BACKEND,
                    null, List.of("system/*.read"), Set.of(), "credible", false, "");
            BackendKey key = auth.sessionStore().backendKeyOrCreate(org.id());
            org = org.withClientId(ehr.registerBackendClient(key.publicJwks()));
            auth.signInBackend(org, null);
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            FhirHttp http = new FhirHttp(org, auth.tokens(org), FhirHttp.Options.defaults()
                    .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2)), new FhirJson());
            try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), k)) {
                ChartSync sync = new ChartSync(http, cache);
                java.util.List<SyncProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
                java.util.List<Integer> chosen = new java.util.concurrent.CopyOnWriteArrayList<>();
                SyncResult r = sync.run(SyncRequest.bulk("demo"), new SyncListener() {
                    @Override
                    public void progress(SyncProgress p) {
                        progress.add(p);
                    }

                    @Override
                    public void patientsChosen(int count, String how) {
                        chosen.add(count);
                    }
                });
                assertTrue(r.ok(), r.summary() + " " + r.failed());
                // issue 17: every exported chart is synced, and the progress counts them
                int count = ehr.patientIds().size();
                for (String p : ehr.patientIds()) {
                    assertTrue(cache.lastSynced(org.id(), p).isPresent(), "last synced written for " + p);
                }
                SyncProgress last = progress.get(progress.size() - 1);
                assertTrue(last.finished());
                assertEquals(count, last.patientsTotal(), "patients in the export");
                assertEquals(count, last.patientsDone(), "patients written");
                assertEquals(List.of(count), chosen, "the export's patients are announced once");
                assertEquals(count, r.completed().size());
                for (org.chartlens.store.Freshness f : cache.freshness(org.id())) {
                    assertTrue(!"failed".equals(f.state()), f.toString());
                }
                Capabilities caps = sync.capabilities();
                assertTrue(caps.supportsExport());
                for (String p : ehr.patientIds()) {
                    Map<String, Integer> expected = new TreeMap<>();
                    ehr.sourceCounts(p).forEach((t, n) -> {
                        if (caps.supports(t)) {
                            expected.put(t, n);
                        }
                    });
                    Map<String, Integer> got = new TreeMap<>();
                    for (StoredResource x : cache.chart(org.id(), p)) {
                        if (!Set.of("Practitioner", "Organization", "Location", "PractitionerRole").contains(x.type())) {
                            got.merge(x.type(), 1, Integer::sum);
                        }
                    }
                    assertEquals(expected, got, p);
                }
                assertTrue(cache.cursor(org.id(), "", "$export:demo").isPresent());

                // an incremental export (nothing changed since): the group's charts are still counted and marked
                java.time.Instant before = cache.lastSynced(org.id(), ehr.patientIds().get(0)).orElseThrow();
                progress.clear();
                chosen.clear();
                SyncResult again = sync.run(SyncRequest.bulk("demo"), new SyncListener() {
                    @Override
                    public void progress(SyncProgress p) {
                        progress.add(p);
                    }

                    @Override
                    public void patientsChosen(int n, String how) {
                        chosen.add(n);
                    }
                });
                assertTrue(again.ok(), again.summary());
                assertEquals(List.of(count), chosen, "the group's charts, not 0");
                SyncProgress end = progress.get(progress.size() - 1);
                assertEquals(count, end.patientsDone());
                assertEquals(count, end.patientsTotal());
                assertTrue(!cache.lastSynced(org.id(), ehr.patientIds().get(0)).orElseThrow().isBefore(before));
            }
        }
    }
}
