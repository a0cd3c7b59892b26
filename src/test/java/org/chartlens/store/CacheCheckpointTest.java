package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint after a sync: in the background, beside writes, finished before close. */
class CacheCheckpointTest {
    @TempDir
    Path dir;

    private static void writeChart(ChartCache cache, String patient, int conditions) {
        try (CacheBatch b = cache.begin()) {
            b.put(ChartCacheTest.patient("demo", patient, "Quistorpfeld"), null);
            for (int i = 0; i < conditions; i++) {
                b.put(ChartCacheTest.condition("demo", patient + "-c" + i, patient, "pr1"), null);
            }
            b.commit();
        }
    }

    @Test
    void aBackgroundCheckpointRunsWhileAWriteIsOpenAndCopiesTheWalIntoTheFile() throws Exception {
        Path file = dir.resolve("cache.db");
        try (ChartCache cache = ChartCache.open(file, ChartCacheTest.key())) {
            writeChart(cache, "p1", 3000);
            long before = Files.size(file);
            try (CacheBatch open = cache.begin()) {
                // the write lock is held by this open batch: the checkpoint must not need it
                cache.checkpointInBackground();
                assertTimeoutPreemptively(Duration.ofSeconds(30), cache::awaitCheckpoint,
                        "the checkpoint waited for the open write");
                open.put(ChartCacheTest.condition("demo", "late", "p1", "pr1"), null);
                open.commit();
            }
            assertTrue(Files.size(file) > before + 32_768,
                    "the committed pages reached the database file: " + before + " -> " + Files.size(file));
            assertEquals(3002, cache.chart("demo", "p1").size(), "the patient and 3,001 conditions");
        }
    }

    @Test
    void closeWaitsForTheBackgroundCheckpointAndLeavesNoWal() {
        Path file = dir.resolve("cache.db");
        byte[] key = ChartCacheTest.key();
        try (ChartCache cache = ChartCache.open(file, key)) {
            writeChart(cache, "p2", 2000);
            cache.checkpointInBackground();
        }
        Path wal = dir.resolve("cache.db-wal");
        assertFalse(Files.exists(wal) && wal.toFile().length() > 0, "a WAL with pages left after close");
        try (ChartCache again = ChartCache.open(file, key)) {
            assertEquals(2001, again.countsByType("demo", "p2").values().stream().mapToInt(Integer::intValue).sum());
        }
    }
}
