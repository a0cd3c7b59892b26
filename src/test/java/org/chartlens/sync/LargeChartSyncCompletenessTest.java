package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.AuthSessions;
import org.chartlens.auth.PassphraseSecretStore;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.connect.Organization;
import org.chartlens.domain.Compartment;
import org.chartlens.domain.LiteralReference;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.FhirJson;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large chart (8,862 resources, 29 MB, several pages of {@code $everything}) synced from the
 * demo EHR into an encrypted cache arrives complete: per-type counts equal the source's, every
 * shared resource the chart references is cached, and the raw JSON reads back whole. Timing is
 * the benchmark's business (figure 3; {@link LargeChartSyncProbe} for a quick look), not this
 * test's.
 */
class LargeChartSyncCompletenessTest {
    @TempDir
    Path dir;

    @Test
    void theLargeChartArrivesCompleteWithTheSharedResourcesItReferences() throws Exception {
        FhirJson json = new FhirJson();
        try (DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile("demo").autoApprove(true)
                .dataDir(Path.of("/work/shared/fhir-data/synthea-large")).build())) {
            Organization org = DemoFixture.organization("demo", ehr);
            AuthSessions auth = new AuthSessions(PassphraseSecretStore.open(dir.resolve("secrets.bin"),
                    PassphraseSource.fixed("p".toCharArray()), 1000));
            auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            String patient = ehr.patientIds().get(0);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            FhirHttp http = new FhirHttp(org, auth.tokens(org));
            try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), key)) {
                SyncResult r = new ChartSync(http, cache).run(SyncRequest.patients(patient).full(true), SyncListener.NONE);
                assertTrue(r.ok(), r.summary());
                assertEquals(List.of(patient), r.completed());

                Map<String, Integer> source = ehr.sourceCounts(patient);
                assertTrue(source.values().stream().mapToInt(Integer::intValue).sum() > 8000,
                        "the large chart: " + source);
                // shared types (Medication, ...) are kept once per organization, outside the compartment
                Map<String, Integer> compartment = new TreeMap<>(source);
                compartment.keySet().removeAll(Compartment.SHARED_TYPES);
                assertEquals(compartment, new TreeMap<>(cache.countsByType(org.id(), patient)));
                Map<String, Integer> organization = cache.countsByType(org.id());
                source.forEach((type, n) -> {
                    if (Compartment.isShared(type)) {
                        assertTrue(organization.getOrDefault(type, 0) >= n, type + ": " + organization);
                    }
                });

                List<StoredResource> chart = cache.chart(org.id(), patient);
                Set<String> cached = new HashSet<>();
                Set<String> referenced = new TreeSet<>();
                for (StoredResource s : chart) {
                    cached.add(s.type() + "/" + s.id());
                    assertTrue(s.json().startsWith("{") && s.json().endsWith("}")
                            && s.json().contains("\"id\"") && s.json().contains("\"" + s.type() + "\""),
                            "raw JSON of " + s.type() + " read back whole");
                    byte[] raw = s.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    for (LiteralReference ref : json.readResource(raw, 0, raw.length).references()) {
                        if (Compartment.isShared(ref.type())) {
                            referenced.add(ref.type() + "/" + ref.id());
                        }
                    }
                }
                assertTrue(referenced.size() > 0, "the chart references practitioners and organizations");
                referenced.removeAll(cached);
                assertEquals(Set.of(), referenced, "referenced shared resources missing from the cache");
                assertEquals("ok", cache.integrityCheck());
            }
        }
    }
}
