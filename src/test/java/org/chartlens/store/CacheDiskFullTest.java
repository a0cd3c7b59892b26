package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: the cache in a 3 MB tmpfs (needs root and mount(8); skipped, not passed,
 * where the test cannot mount). A sync-like sequence of batches, each with its cursor, runs out of
 * space: the failure says so in words, the committed batches stay, and once the disk has room the
 * same batches complete.
 */
class CacheDiskFullTest {
    @TempDir
    Path dir;
    private Path mounted;

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private Path smallDisk(String size) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path mnt = Files.createDirectories(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mnt.toString()) == 0,
                "mount -t tmpfs is not allowed here");
        mounted = mnt;
        return mnt;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    /** Batch i: 20 resources of ~10 KB for patient p-i, with that patient's cursor. */
    private static void writeBatch(ChartCache cache, int i) {
        try (CacheBatch b = cache.begin()) {
            for (int k = 0; k < 20; k++) {
                b.put(new StoredResource("demo", "Observation", "o" + i + "-" + k, "p" + i, "2020-01-01", "final",
                        null, "{\"resourceType\":\"Observation\",\"id\":\"o" + i + "-" + k + "\",\"note\":\""
                        + Long.toHexString(Double.doubleToLongBits(Math.random())).repeat(600) + "\"}"), null);
            }
            b.setCursor("demo", "p" + i, "Observation", "2026-01-01T00:00:0" + (i % 10) + "Z");
            b.markPatientSynced("demo", "p" + i, Instant.parse("2026-01-01T00:00:00Z"));
            b.commit();
        }
    }

    @Test
    void aFullDiskIsSaidInWordsKeepsWhatWasWrittenAndTheNextSyncCompletes() throws Exception {
        Path small = smallDisk("3m");
        Path file = small.resolve("cache.db");
        byte[] key = ChartCacheTest.key();
        List<Integer> committed = new ArrayList<>();
        int patients = 60;
        try (ChartCache cache = ChartCache.open(file, key)) {
            CacheException full = assertThrows(CacheException.class, () -> {
                for (int i = 0; i < patients; i++) {
                    writeBatch(cache, i);
                    committed.add(i);
                }
            });
            assertTrue(full.full(), full.getMessage());
            assertTrue(full.getMessage().contains("disk is full") && full.getMessage().contains(small.toString())
                    && full.getMessage().contains("MB free"), full.getMessage());
            assertTrue(!full.getMessage().contains("SQLITE_FULL") || full.getMessage().indexOf("SQLITE_FULL")
                    > full.getMessage().indexOf("sync again"), "words first: " + full.getMessage());
            assertTrue(committed.size() > 0 && committed.size() < patients, "some batches fit: " + committed.size());
            // every completed batch is there with its cursor; the failed one left nothing
            for (int i : committed) {
                assertEquals(20, cache.chart("demo", "p" + i).size());
                assertTrue(cache.cursor("demo", "p" + i, "Observation").isPresent());
            }
            int failed = committed.size();
            assertEquals(0, cache.chart("demo", "p" + failed).size());
            assertTrue(cache.cursor("demo", "p" + failed, "Observation").isEmpty());
        }
        // room again: the next run resumes at the first patient without a cursor and completes
        assertEquals(0, run("mount", "-o", "remount,size=64m", small.toString()));
        try (ChartCache cache = ChartCache.open(file, key)) {
            for (int i = 0; i < patients; i++) {
                if (cache.cursor("demo", "p" + i, "Observation").isEmpty()) {
                    writeBatch(cache, i);
                }
            }
            for (int i = 0; i < patients; i++) {
                assertEquals(20, cache.chart("demo", "p" + i).size());
            }
            assertEquals("ok", cache.integrityCheck());
        }
    }
}
