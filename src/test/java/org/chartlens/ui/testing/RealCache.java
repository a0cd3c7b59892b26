package org.chartlens.ui.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.chartlens.store.CacheBatch;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;

/** Test fixture: the real encrypted cache (SQLite file) filled with Synthea bundle rows. */
public final class RealCache {
    private RealCache() {
    }

    public static ChartCache of(Path dir, Instant synced, Path... bundles) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ChartCache cache = ChartCache.open(dir.resolve("cache.db"), key);
        for (Path b : bundles) {
            List<StoredResource> rows = SyntheaBundles.chart(b);
            try (CacheBatch batch = cache.begin()) {
                for (StoredResource r : rows) {
                    batch.put(r, null);
                }
                StoredResource p = rows.stream().filter(r -> r.type().equals("Patient")).findFirst().orElseThrow();
                if (synced != null) {
                    batch.markPatientSynced(p.org(), p.id(), synced);
                }
                for (String type : List.of("Patient", "Condition", "Observation", "Encounter")) {
                    batch.recordSuccess(p.org(), type, synced == null ? Instant.now() : synced);
                }
                batch.commit();
            }
        }
        return cache;
    }
}
