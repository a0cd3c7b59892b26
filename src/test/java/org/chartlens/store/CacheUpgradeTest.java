package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache written by the previous release keeps working after an upgrade (the installer keeps
 * the user's cache). The fixture {@code cache-schema1-8k-pages.bin} was written by ChartLens 0.1.0
 * as released (commit 2d7f935, before decision 0310): schema version 1, 8 KB pages, AES-256,
 * holding Patient p1, Condition c1 (referencing Practitioner pr1), pr1, a cursor, a sync mark,
 * freshness and one audit event, all at organization "demo", all synthetic.
 */
class CacheUpgradeTest {
    @TempDir
    Path dir;

    /** The key the fixture was written with. */
    static byte[] fixtureKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        return key;
    }

    private Path copyOfFixture() throws IOException {
        Path db = dir.resolve("cache.db");
        try (InputStream in = CacheUpgradeTest.class.getResourceAsStream("cache-schema1-8k-pages.bin")) {
            assertTrue(in != null, "fixture missing");
            Files.copy(in, db);
        }
        return db;
    }

    @Test
    void aCacheWrittenByThePreviousReleaseOpensReadsAndTakesNewWrites() throws Exception {
        Path db = copyOfFixture();
        try (ChartCache cache = ChartCache.open(db, fixtureKey())) {
            assertEquals(8192, cache.pageSize(), "an existing file keeps its page size");
            List<CachedPatient> patients = cache.patients();
            assertEquals(1, patients.size());
            assertEquals("p1", patients.get(0).id());
            assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:05Z")), cache.lastSynced("demo", "p1"));

            List<StoredResource> chart = cache.chart("demo", "p1");
            assertEquals(List.of("Condition/c1", "Patient/p1", "Practitioner/pr1"),
                    chart.stream().map(r -> r.type() + "/" + r.id()).sorted().toList());
            StoredResource condition = cache.resource("demo", "Condition", "c1").orElseThrow();
            assertEquals(ChartCacheTest.condition("demo", "c1", "p1", "pr1"), condition);

            assertEquals(Optional.of("2026-01-01T00:00:00Z"), cache.cursor("demo", "p1", "$everything"));
            assertEquals("ok", cache.freshness("demo").get(0).state());
            assertEquals(List.of("sync"), cache.auditLog(null, null).stream().map(AuditEvent::event).toList());

            // new writes land in the old file beside the old rows
            cache.putAll(List.of(ChartCacheTest.condition("demo", "c2", "p1", "pr1"),
                    ChartCacheTest.patient("demo", "p2", "Second")));
            cache.audit("patient-opened", "demo", "p1", null);
        }
        try (ChartCache cache = ChartCache.open(db, fixtureKey())) {
            assertEquals(8192, cache.pageSize());
            assertEquals(List.of("p1", "p2"), cache.patients().stream().map(CachedPatient::id).toList());
            assertEquals(4, cache.chart("demo", "p1").size());
            assertEquals(List.of("sync", "patient-opened"),
                    cache.auditLog(null, null).stream().map(AuditEvent::event).toList());
            assertEquals("ok", cache.integrityCheck());
        }
        String raw = new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(ChartCacheTest.FAMILY) || raw.contains("Second"),
                "the upgraded file holds no plaintext");
    }

    @Test
    void thePreviousReleasesCacheIsReKeyedToTheAuthenticatedCipherOnOpen() throws Exception {
        Path db = copyOfFixture();
        assertTrue(CacheMigration.opensWith(db, CacheCipher.WXAES256, fixtureKey()), "0.1.0 wrote wxAES256");
        try (ChartCache cache = ChartCache.open(db, fixtureKey())) {
            assertEquals("p1", cache.patients().get(0).id());
        }
        assertTrue(CacheMigration.opensWith(db, CacheCipher.CURRENT, fixtureKey()), "re-keyed to " + CacheCipher.CURRENT);
        assertFalse(CacheMigration.opensWith(db, CacheCipher.WXAES256, fixtureKey()), "no longer wxAES256");
        assertFalse(Files.exists(Path.of(db + ".rekey")), "the work copy is gone once it replaced the old file");
        try (ChartCache cache = ChartCache.open(db, fixtureKey())) {
            assertEquals(3, cache.chart("demo", "p1").size());
            assertEquals("ok", cache.integrityCheck());
        }
    }

    @Test
    void thePreviousReleasesCacheStillRefusesAWrongKey() throws Exception {
        Path db = copyOfFixture();
        byte[] wrong = fixtureKey();
        wrong[0] ^= 1;
        CacheOpenException e = assertThrows(CacheOpenException.class, () -> ChartCache.open(db, wrong));
        assertEquals(CacheOpenException.Reason.WRONG_KEY, e.reason());
    }

    @Test
    void aNewCacheIsCreatedWith32KbPages() {
        byte[] key = ChartCacheTest.key();
        try (ChartCache cache = ChartCache.open(dir.resolve("new.db"), key)) {
            assertEquals(ChartCache.PAGE_SIZE, cache.pageSize());
            cache.putAll(List.of(ChartCacheTest.patient("demo", "p1", "Third")));
        }
        try (ChartCache cache = ChartCache.open(dir.resolve("new.db"), key)) {
            assertEquals(32_768, cache.pageSize());
            assertEquals(1, cache.patients().size());
        }
    }
}
