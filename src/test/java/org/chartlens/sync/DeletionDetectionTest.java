package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15.2 "Deletions": a resource removed at the server leaves the cache at the next
 * (incremental) sync and is recorded as removed; one received again is no longer listed as
 * removed. Demo ($everything) and CareCloud (per type through _search), signed in for real.
 */
class DeletionDetectionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"demo", "carecloud"})
    void aResourceRemovedAtTheServerIsMarkedRemovedAtTheNextSync(String profile) throws Exception {
        try (DemoFixture f = new DemoFixture(profile, dir)) {
            String p = f.ehr.patientIds().get(0);
            SyncRequest one = new SyncRequest(List.of(p), null, false, f.request().grantedScopes(), null);
            assertTrue(f.sync().run(one, SyncListener.NONE).ok());
            StoredResource condition = first(f.cache, f.org.id(), p, "Condition");
            StoredResource observation = first(f.cache, f.org.id(), p, "Observation");
            int conditions = f.cache.countsByType(f.org.id(), p).get("Condition");

            assertTrue(f.ehr.remove("Condition", condition.id()));
            assertTrue(f.ehr.remove("Observation", observation.id()));
            SyncResult r = f.sync().run(one, SyncListener.NONE);
            assertTrue(r.ok(), r.summary());
            assertFalse(f.cache.resource(f.org.id(), "Condition", condition.id()).isPresent());
            assertFalse(f.cache.resource(f.org.id(), "Observation", observation.id()).isPresent());
            assertEquals(conditions - 1, f.cache.countsByType(f.org.id(), p).get("Condition"));
            assertEquals(Set.of("Condition/" + condition.id(), "Observation/" + observation.id()),
                    Set.copyOf(f.cache.removed(f.org.id(), p).stream().map(x -> x.type() + "/" + x.id()).toList()));
            assertTrue(r.problems().stream().anyMatch(m -> m.contains("2 resources no longer at the server were marked removed")),
                    r.problems().toString());

            // a third sync finds nothing more; the resource put back arrives and is no longer "removed"
            f.ehr.put(condition.json());
            SyncResult again = f.sync().run(one, SyncListener.NONE);
            assertTrue(again.ok(), again.summary());
            assertTrue(f.cache.resource(f.org.id(), "Condition", condition.id()).isPresent());
            assertEquals(List.of("Observation/" + observation.id()),
                    f.cache.removed(f.org.id(), p).stream().map(x -> x.type() + "/" + x.id()).toList());
        }
    }

    private static StoredResource first(ChartCache cache, String org, String patient, String type) {
        return cache.chart(org, patient).stream().filter(x -> type.equals(x.type())).findFirst().orElseThrow();
    }
}
