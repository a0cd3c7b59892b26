package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's cipher authenticates every page (decision 0380). */
class CacheCipherTest {
    @TempDir
    Path dir;

    /** One resource of ~300 KB: most of the file is its overflow pages, pure payload. */
    static StoredResource bigNote(String text) {
        return new StoredResource("demo", "Condition", "big", "p1", "2020-01-01", "active", null,
                "{\"resourceType\":\"Condition\",\"id\":\"big\",\"note\":[{\"text\":\"" + text.repeat(20_000) + "\"}]}");
    }

    @Test
    void aModifiedByteInADataPageIsReportedAsDamageNotReadSilently() throws Exception {
        Path file = dir.resolve("cache.db");
        byte[] key = ChartCacheTest.key();
        // about 60 pages of note, written after the schema's pages (one root page per table and
        // index, more with every schema version), so its overflow chain is the file's tail
        StoredResource big = bigNote("abcdefghijklmno ".repeat(6));
        try (ChartCache cache = ChartCache.open(file, key)) {
            cache.putAll(List.of(ChartCacheTest.patient("demo", "p1", "Tamper"), big));
            assertEquals(big.json(), cache.resource("demo", "Condition", "big").orElseThrow().json());
        }
        long size = Files.size(file);
        int page = ChartCache.PAGE_SIZE;
        assertTrue(size >= 60L * page, "the big note spans many pages: " + size);
        // a byte in the middle of a page 30 pages before the end: inside the note's overflow pages
        // (payload only), which the old wxAES256 scheme decrypted to altered text silently. A
        // position relative to the whole file (it was three quarters in) fell on an unread table
        // root once the schema grew.
        long offset = (size / page - 30) * page + page / 2;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x5A);
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try (ChartCache cache = ChartCache.open(file, key)) {
                cache.resource("demo", "Condition", "big");
                cache.chart("demo", "p1");
            }
        }, "a modified page must not be read as if it were intact");
        assertTrue(e instanceof CacheException ce && ce.damaged() || e instanceof CacheOpenException o && o.rebuildable(),
                "reported as damage, with a rebuild as the way out: " + e);
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    /**
     * The file's last page: SQLite3MultipleCiphers hands a page that fails its tag to SQLite once
     * and reports the failure on the next page read; a read whose last page it was returned the
     * altered bytes without an error before every read ended with one more page read (0380).
     */
    @Test
    void aModifiedByteInTheLastPageIsReportedByTheReadAndByTheFullCheck() throws Exception {
        Path file = dir.resolve("cache.db");
        byte[] key = ChartCacheTest.key();
        StoredResource big = bigNote("abcdefghijklmno ");
        try (ChartCache cache = ChartCache.open(file, key)) {
            cache.putAll(List.of(ChartCacheTest.patient("demo", "p1", "Tamper"), big));
        }
        int page = ChartCache.PAGE_SIZE;
        long last = Files.size(file) / page - 1;
        flip(file, last * page + page / 2);
        try (ChartCache cache = ChartCache.open(file, key)) {
            CacheException read = assertThrows(CacheException.class, () -> cache.resource("demo", "Condition", "big"),
                    "the note's last overflow page was changed: it must not be read as if intact");
            assertTrue(read.damaged(), read.getMessage());
            CacheException check = assertThrows(CacheException.class, cache::integrityCheck);
            assertTrue(check.damaged(), check.getMessage());
            assertTrue(check.getMessage().contains("chartlens cache rebuild"), check.getMessage());
        }
    }

    /** Every page but the header page changed in turn: each is reported by the full check. */
    @Test
    void theFullCheckReportsAChangeInAnyPage() throws Exception {
        Path original = dir.resolve("original.db");
        byte[] key = ChartCacheTest.key();
        try (ChartCache cache = ChartCache.open(original, key)) {
            cache.putAll(List.of(ChartCacheTest.patient("demo", "p1", "Tamper"), bigNote("abcdefghijklmno ")));
            cache.audit("show", "demo", "p1", null, "test");
        }
        int page = ChartCache.PAGE_SIZE;
        long pages = Files.size(original) / page;
        java.util.List<Long> missed = new java.util.ArrayList<>();
        for (long p = 1; p < pages; p++) {
            Path copy = dir.resolve("copy-" + p + ".db");
            Files.copy(original, copy);
            flip(copy, p * page + page / 2);
            try (ChartCache cache = ChartCache.open(copy, key)) {
                cache.integrityCheck();
                missed.add(p + 1);
            } catch (CacheException | CacheOpenException e) {
                // reported: what the check is for
            }
        }
        assertTrue(pages > 10, "several pages: " + pages);
        assertEquals(List.of(), missed, "pages (1-based) whose change the full check missed");
    }

    private static void flip(Path file, long offset) throws java.io.IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x5A);
        }
    }

    @Test
    void aNewCacheIsWrittenWithTheAuthenticatedCipher() throws Exception {
        Path file = dir.resolve("cache.db");
        byte[] key = ChartCacheTest.key();
        try (ChartCache cache = ChartCache.open(file, key)) {
            cache.putAll(List.of(ChartCacheTest.patient("demo", "p1", "Cipher")));
        }
        assertTrue(CacheCipher.CURRENT.authenticated());
        assertTrue(CacheMigration.opensWith(file, CacheCipher.CURRENT, key), "opens with " + CacheCipher.CURRENT);
        assertFalse(CacheMigration.opensWith(file, CacheCipher.WXAES256, key), "not the old wxAES256 scheme");
    }
}
