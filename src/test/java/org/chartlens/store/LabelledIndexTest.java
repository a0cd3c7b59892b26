package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.chartlens.domain.RawResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache knows which resources carry security labels (issue 18, decision 0701, schema v6): set
 * when written, changed when a resource arrives again, backfilled when an older cache is opened,
 * and read through a partial index, never the whole table.
 */
class LabelledIndexTest {
    @TempDir
    Path dir;

    static StoredResource labelled(String id, String patient) {
        return new StoredResource("credible", "Condition", id, patient, "2024-06-10", "active",
                "http://hl7.org/fhir/sid/icd-10-cm|F11.20", "{\"resourceType\":\"Condition\",\"id\":\"" + id
                + "\",\"meta\":{\"security\":[{\"code\":\"R\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"}}");
    }

    @Test
    void labelledRowsAreMarkedWhenWrittenAndRewrittenAndReadFromTheirIndex() throws Exception {
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), ChartCacheTest.key())) {
            cache.putAll(List.of(ChartCacheTest.patient("credible", "p1", "Okafor"), labelled("oud", "p1"),
                    ChartCacheTest.condition("credible", "htn", "p1", "pr1")));
            assertEquals(List.of("oud"), cache.labelledResources().stream().map(RawResource::id).toList());
            assertTrue(cache.labelledResources().get(0).json().contains("security"));
            cache.putAll(List.of(new StoredResource("credible", "Condition", "oud", "p1", "2024-06-10", "active", null,
                    "{\"resourceType\":\"Condition\",\"id\":\"oud\"}")));
            assertTrue(cache.labelledResources().isEmpty(), "the label was taken off at the server");
            List<RawResource> coded = cache.codedResources();
            assertEquals(List.of("htn"), coded.stream().map(RawResource::id).toList());
            assertEquals("{}", coded.get(0).json(), "the inference reads codes, not JSON");
        }
    }

    @Test
    void anOlderCacheIsBackfilledWhenOpened() throws Exception {
        Path file = dir.resolve("old.db");
        byte[] k = ChartCacheTest.key();
        try (ChartCache cache = ChartCache.open(file, k)) {
            cache.putAll(List.of(ChartCacheTest.patient("credible", "p1", "Okafor"), labelled("oud", "p1")));
        }
        try (Connection c = ChartCache.keyedConfig(k).createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("DROP INDEX resource_labelled");
            s.execute("ALTER TABLE resource DROP COLUMN labelled");
            // and what later versions added, so the file is a version-5 cache again
            s.execute("DROP TABLE reconcile_mark");
            s.execute("DROP TABLE referral");
            s.execute("DROP TABLE chart_use");
            s.execute("PRAGMA user_version = 5");
        }
        try (ChartCache cache = ChartCache.open(file, k)) {
            assertEquals(List.of("oud"), cache.labelledResources().stream().map(RawResource::id).toList());
        }
        try (Connection c = ChartCache.keyedConfig(k).createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN QUERY PLAN SELECT org, type, id FROM resource WHERE labelled = 1 "
                     + "AND patient IS NOT NULL")) {
            StringBuilder sb = new StringBuilder();
            while (plan.next()) {
                sb.append(plan.getString(4)).append('\n');
            }
            assertTrue(sb.toString().contains("resource_labelled"), "read through the partial index: " + sb);
        }
    }
}
