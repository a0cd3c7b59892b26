package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo EHR's fault switches against a real sync: each run ends with a complete, consistent
 * cache, or stops with a clear reason and loses nothing already cached.
 */
class SyncFaultsTest {
    @TempDir
    static Path dir;
    static DemoFixture f;
    static String patient;
    static Map<String, Integer> expected;

    @BeforeAll
    static void start() throws Exception {
        FhirHttp.Options o = DemoFixture.fastRetries().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2))
                .withLimits(200, 64L * 1024 * 1024, 200);
        f = new DemoFixture("demo", dir, null, o);
        patient = f.ehr.patientIds().get(1);
        expected = f.expected(patient, f.sync().capabilities());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void clean() {
        f.ehr.faults().clear();
        f.cache.purgeOrganization(f.org.id());
    }

    SyncResult sync(String faults) throws InterruptedException {
        if (faults != null) {
            f.ehr.faults().set(faults);
        }
        try {
            return f.sync().run(SyncRequest.patients(patient).full(true), SyncListener.NONE);
        } finally {
            f.ehr.faults().clear();
        }
    }

    void assertComplete(SyncResult r) {
        assertTrue(r.ok(), r.summary() + " " + r.failed());
        // recomputed: a test may have added a resource to the server
        expected = f.expected(patient, f.sync().capabilities());
        assertEquals(expected, f.cached(patient));
    }

    @Test
    void rateLimitStormsAndServerErrorsEndComplete() throws Exception {
        assertComplete(sync("rate-limit=3:0"));
        assertComplete(sync("rate-limit=2:1"));
        assertComplete(sync("error=503:2,error=500:2"));
    }

    @Test
    void droppedConnectionsHangsAndGarbledPagesAreRetried() throws Exception {
        assertComplete(sync("drop=2"));
        assertComplete(sync("malformed-json=1"));
        assertComplete(sync("hang=1"));
    }

    @Test
    void earlyTokenExpiryRefreshesOnceAndCompletes() throws Exception {
        int before = f.ehr.tokenRequestCount("refresh_token");
        assertComplete(sync("expire-tokens"));
        assertEquals(before + 1, f.ehr.tokenRequestCount("refresh_token"));
    }

    @Test
    void foreignAndLoopingNextLinksStopWithAReasonAndKeepTheCache() throws Exception {
        assertComplete(sync(null));
        Set<String> before = ids();
        SyncResult foreign = sync("foreign-next");
        assertFalse(foreign.ok());
        assertTrue(foreign.summary().contains("another server"), foreign.summary());
        assertTrue(f.ehr.foreignAuthorizationHeaders().stream().allMatch(String::isEmpty),
                "the foreign origin saw a token");
        SyncResult loop = sync("loop-next");
        assertFalse(loop.ok());
        assertTrue(loop.summary().contains("repeats"), loop.summary());
        assertTrue(ids().containsAll(before), "nothing cached was lost");
        assertEquals(expected, f.cached(patient));
    }

    @Test
    void hostileJsonGivesAClearReasonNotACrash() throws Exception {
        assertComplete(sync(null));
        for (String fault : new String[] {"deep-json=10000", "huge-string=50", "huge-response=160"}) {
            SyncResult r = sync(fault);
            assertFalse(r.ok(), fault);
            assertTrue(r.summary().contains("nested too deeply") || r.summary().contains("too long")
                    || r.summary().contains("too large") || r.summary().contains("larger than"), r.summary());
            assertEquals(expected, f.cached(patient), "cache intact after " + fault);
        }
    }

    @Test
    void cancellingKeepsWhatArrivedAndTheNextSyncCompletes() throws Exception {
        f.ehr.faults().set("rate-limit=1:1");
        ChartSync.SyncTask task = f.sync().start(SyncRequest.everyone(), SyncListener.NONE);
        Thread.sleep(300);
        task.cancel();
        SyncResult r = task.await();
        f.ehr.faults().clear();
        assertTrue(r.cancelled());
        SyncResult again = f.sync().run(SyncRequest.patients(patient), SyncListener.NONE);
        assertComplete(again);
    }

    @Test
    void incrementalResyncUsesCursorsAndPicksUpChanges() throws Exception {
        assertComplete(sync(null));
        String changed = f.ehr.put("{\"resourceType\":\"Condition\",\"id\":\"added-later\",\"subject\":{\"reference\":\"Patient/"
                + patient + "\"},\"code\":{\"text\":\"Added later\"},\"onsetDateTime\":\"2026-01-01\"}");
        SyncResult r = f.sync().run(SyncRequest.patients(patient), SyncListener.NONE);
        assertTrue(r.ok(), r.summary());
        assertTrue(f.cache.resource(f.org.id(), "Condition", "added-later").isPresent(), changed);
        // only what changed since the cursor came down again
        assertTrue(r.storedByType().getOrDefault("Observation", 0) == 0, r.storedByType().toString());
        assertTrue(f.cache.cursor(f.org.id(), patient, "$everything").isPresent());
    }

    static Set<String> ids() {
        return f.cache.chart(f.org.id(), patient).stream().map(StoredResource::id).collect(Collectors.toSet());
    }
}
