package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync process killed (SIGKILL) in the middle leaves a consistent cache; the next sync
 * resumes, loses nothing that was cached and ends complete.
 */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void aKilledSyncLeavesAConsistentCacheAndTheNextOneCompletes() throws Exception {
        try (DemoFixture f = new DemoFixture("demo", dir)) {
            f.cache.close();
            Path db = dir.resolve("cache.db");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SyncChild.class.getName(),
                    f.ehr.fhirBase().toString(), db.toString());
            pb.environment().put("CHILD_TOKEN", f.auth.tokens(f.org).accessToken());
            pb.environment().put("CHILD_KEY", HexFormat.of().formatHex(f.key));
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
            Process child = pb.start();
            int seen = 0;
            try (var cache = org.chartlens.store.ChartCache.open(db, f.key)) {
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < deadline && child.isAlive()) {
                    seen = cache.countsByType("demo").values().stream().mapToInt(Integer::intValue).sum();
                    if (seen > 1500) {
                        break;
                    }
                    Thread.sleep(20);
                }
            }
            assertTrue(child.isAlive(), "the child finished before it could be killed; seen " + seen);
            child.destroyForcibly().waitFor();

            try (var cache = org.chartlens.store.ChartCache.open(db, f.key)) {
                assertEquals("ok", cache.integrityCheck());
                Set<String> before = cache.patients().stream().flatMap(p -> cache.chart("demo", p.id()).stream())
                        .map(r -> r.type() + "/" + r.id()).collect(Collectors.toSet());
                int total = cache.countsByType("demo").values().stream().mapToInt(Integer::intValue).sum();
                assertTrue(total > 0 && total < 8273, "killed mid-way: " + total);
                long complete = f.ehr.patientIds().stream().filter(p -> cache.lastSynced("demo", p).isPresent()).count();
                assertTrue(complete < f.ehr.patientIds().size());

                ChartSync sync = new ChartSync(f.http, cache);
                SyncResult r = sync.run(SyncRequest.everyone(), SyncListener.NONE);
                assertTrue(r.ok(), r.summary());
                Capabilities caps = sync.capabilities();
                for (String p : f.ehr.patientIds()) {
                    Map<String, Integer> got = new java.util.TreeMap<>();
                    for (StoredResource x : cache.chart("demo", p)) {
                        if (!Set.of("Practitioner", "Organization", "Location", "PractitionerRole").contains(x.type())) {
                            got.merge(x.type(), 1, Integer::sum);
                        }
                    }
                    assertEquals(f.expected(p, caps), got, p);
                }
                Set<String> after = cache.patients().stream().flatMap(p -> cache.chart("demo", p.id()).stream())
                        .map(x -> x.type() + "/" + x.id()).collect(Collectors.toSet());
                assertTrue(after.containsAll(before), "nothing cached before the kill was lost");
                assertEquals("ok", cache.integrityCheck());
            }
        }
    }
}
