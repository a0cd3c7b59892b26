package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One patient's "last synced" is handed out by the store contract, without scanning callers. */
class ChartStoreLastSyncedTest {
    @TempDir
    Path dir;

    @Test
    void theCacheAnswersLastSyncedThroughTheStoreContract() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), ChartCacheTest.key())) {
            cache.putAll(List.of(ChartCacheTest.patient("demo", "p1", "One"),
                    ChartCacheTest.patient("demo", "p2", "Two")));
            try (CacheBatch b = cache.begin()) {
                b.markPatientSynced("demo", "p1", at);
                b.commit();
            }
            ChartStore store = cache;
            assertEquals(Optional.of(at), store.lastSynced("demo", "p1"));
            assertEquals(Optional.empty(), store.lastSynced("demo", "p2"));
            assertEquals(Optional.empty(), store.lastSynced("other", "p1"));
        }
    }

    @Test
    void aStoreWithoutItsOwnLookupFindsItAmongItsPatients() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        ChartStore store = new ChartStore() {
            @Override
            public List<CachedPatient> patients() {
                return List.of(new CachedPatient("demo", "p1", "{}", at),
                        new CachedPatient("demo", "p2", "{}", null));
            }

            @Override
            public List<StoredResource> chart(String org, String patientId) {
                return List.of();
            }

            @Override
            public Optional<StoredResource> resource(String org, String type, String id) {
                return Optional.empty();
            }

            @Override
            public List<Freshness> freshness(String org) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
        assertEquals(Optional.of(at), store.lastSynced("demo", "p1"));
        assertEquals(Optional.empty(), store.lastSynced("demo", "p2"));
        assertEquals(Optional.empty(), store.lastSynced("demo", "p3"));
    }
}
