package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log proves itself (issue 19.1): with the append-only triggers dropped and rows
 * deleted or edited by raw SQL with the key, {@link ChartCache#verifyAudit()} names the first
 * event missing or changed, or says that events were removed at the end.
 */
class AuditChainTest {
    @TempDir
    Path dir;

    private final MemoryHeads heads = new MemoryHeads();
    private Path file;
    private byte[] key;

    /** The head kept outside the cache, here in memory. */
    static final class MemoryHeads implements AuditHeadStore {
        final AtomicReference<AuditHead> head = new AtomicReference<>();

        @Override
        public Optional<AuditHead> read() {
            return Optional.ofNullable(head.get());
        }

        @Override
        public void write(AuditHead h) {
            head.set(h);
        }
    }

    @BeforeEach
    void fiveEvents() {
        file = dir.resolve("c.db");
        key = ChartCacheTest.key();
        try (ChartCache cache = open()) {
            cache.auditSource("cli:test");
            cache.audit("sign-in", "demo", null, null);
            cache.audit("sync", "demo", "p1", "3 resources");
            cache.auditReviewer("Dr. Reviewer");
            cache.audit("patient-opened", "demo", "p1", "tab=summary", "view:chart");
            cache.audit("show", "demo", "p2", null);
            cache.audit("sign-out", "demo", null, null);
        }
    }

    private ChartCache open() {
        return ChartCache.open(file, key, heads);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = ChartCache.keyedConfig(key).createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private AuditCheck verify() {
        try (ChartCache cache = open()) {
            return cache.verifyAudit();
        }
    }

    @Test
    void aCleanLogVerifiesAndEachEventCarriesItsChainedHash() {
        try (ChartCache cache = open()) {
            AuditCheck check = cache.verifyAudit();
            assertTrue(check.intact(), check.message());
            assertTrue(check.headKept());
            assertEquals(5, check.events());
            assertTrue(cache.auditIntact());
            List<AuditEvent> log = cache.auditLog(null, null);
            assertEquals(new AuditHead(5, log.get(4).hash()), heads.head.get());
            String previous = AuditHead.GENESIS_HASH;
            for (AuditEvent e : log) {
                assertEquals(AuditChain.hash(previous, e.seq(), e.at().toEpochMilli(), e.who(), e.reviewer(),
                        e.event(), e.org(), e.patientId(), e.detail(), e.source()), e.hash());
                previous = e.hash();
            }
            assertEquals("view:chart", log.get(2).source());
            assertEquals("Dr. Reviewer", log.get(2).reviewer());
            assertEquals("cli:test", log.get(1).source());
            assertEquals(System.getProperty("user.name"), log.get(2).who());
        }
    }

    @Test
    void aMiddleEventDeletedAfterDroppingTheTriggerIsNamed() throws Exception {
        sql("DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq = 3");
        AuditCheck check = verify();
        assertEquals(AuditCheck.Status.EVENTS_MISSING, check.status(), check.message());
        assertEquals(3, check.firstBroken());
        assertTrue(check.message().contains("event 3"), check.message());
    }

    @Test
    void theLastEventsDeletedShowAsAHeadMismatchAndLaterAppendsDoNotHideIt() throws Exception {
        sql("DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq >= 4",
                "UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit'");
        AuditCheck check = verify();
        assertEquals(AuditCheck.Status.TRUNCATED, check.status(), check.message());
        assertEquals(4, check.firstBroken());
        assertTrue(check.message().contains("removed at the end"), check.message());

        // ChartLens keeps writing; the new events take the removed numbers, but the head kept
        // outside is not moved past the break, so the evidence stays
        try (ChartCache cache = open()) {
            cache.audit("sign-in", "demo", null, null);
            cache.audit("show", "demo", "p1", null);
            AuditCheck after = cache.verifyAudit();
            assertEquals(AuditCheck.Status.REWRITTEN, after.status(), after.message());
            assertEquals(5, after.firstBroken());
            assertFalse(cache.auditIntact());
        }
        assertEquals(5, heads.head.get().seq());
    }

    @Test
    void anEditedFieldIsNamed() throws Exception {
        sql("DROP TRIGGER audit_no_update", "UPDATE audit SET patient = 'p9' WHERE seq = 2");
        AuditCheck check = verify();
        assertEquals(AuditCheck.Status.EVENT_CHANGED, check.status(), check.message());
        assertEquals(2, check.firstBroken());
    }

    @Test
    void aChainRewrittenFromAnEditOnShowsAgainstTheHeadKeptOutside() throws Exception {
        sql("DROP TRIGGER audit_no_update", "UPDATE audit SET patient = 'p9' WHERE seq = 2");
        try (Connection c = ChartCache.keyedConfig(key).createConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("UPDATE audit SET hash = NULL");
            AuditChain.chainUnhashed(c); // what an attacker with the key can recompute
        }
        AuditCheck check = verify();
        assertEquals(AuditCheck.Status.REWRITTEN, check.status(), check.message());
        assertEquals(5, check.firstBroken());
    }

    @Test
    void withoutAHeadKeptOutsideTheChainStillNamesAnEditedEvent() throws Exception {
        sql("DROP TRIGGER audit_no_update", "UPDATE audit SET event = 'nothing' WHERE seq = 4");
        try (ChartCache cache = ChartCache.open(file, key)) {
            AuditCheck check = cache.verifyAudit();
            assertFalse(check.headKept());
            assertEquals(AuditCheck.Status.EVENT_CHANGED, check.status());
            assertEquals(4, check.firstBroken());
        }
    }

    @Test
    void aRolledBackBatchLeavesTheHeadWhereItWas() {
        AuditHead before = heads.head.get();
        try (ChartCache cache = open()) {
            try (CacheBatch b = cache.begin()) {
                b.audit("import", "demo", null, "1 resource");
            }
            assertEquals(before, heads.head.get());
            assertTrue(cache.auditIntact());
            try (CacheBatch b = cache.begin()) {
                b.audit("import", "demo", null, "1 resource");
                b.commit();
            }
            assertEquals(6, heads.head.get().seq());
            assertTrue(cache.auditIntact());
        }
    }

    @Test
    void aNewCacheFileAfterAKeptHeadRecordsThatTheLogRestarted() throws Exception {
        Files.delete(file);
        try (ChartCache cache = open()) {
            List<AuditEvent> log = cache.auditLog(null, null);
            assertEquals(List.of("audit-restarted"), log.stream().map(AuditEvent::event).toList());
            assertTrue(log.get(0).detail().contains("had 5 events"), log.get(0).detail());
            assertTrue(cache.auditIntact());
            assertEquals(1, heads.head.get().seq());
        }
    }

    @Test
    void eventsAreFoundByPatientAndSince() {
        try (ChartCache cache = open()) {
            assertEquals(List.of(2L, 3L), cache.auditEvents(null, null, "p1").stream().map(AuditEvent::seq).toList());
            assertEquals(List.of(4L), cache.auditEvents(null, "demo", "p2").stream().map(AuditEvent::seq).toList());
            assertTrue(cache.auditEvents(null, "other", "p1").isEmpty());
            assertEquals(5, cache.auditEvents(null, null, null).size());
            assertTrue(cache.auditEvents(Instant.now().plusSeconds(60), null, null).isEmpty());
        }
    }

    @Test
    void aCacheOfThePreviousReleaseGetsItsEventsChainedOnOpen() throws IOException, SQLException {
        Path old = dir.resolve("old.db");
        try (InputStream in = CacheUpgradeTest.class.getResourceAsStream("cache-schema1-8k-pages.bin")) {
            assertNotNull(in, "fixture missing");
            Files.copy(in, old);
        }
        byte[] k = CacheUpgradeTest.fixtureKey();
        MemoryHeads kept = new MemoryHeads();
        try (ChartCache cache = ChartCache.open(old, k, kept)) {
            List<AuditEvent> log = cache.auditLog(null, null);
            assertEquals(1, log.size());
            AuditEvent e = log.get(0);
            assertEquals(AuditChain.hash(AuditHead.GENESIS_HASH, e.seq(), e.at().toEpochMilli(), e.who(), null,
                    e.event(), e.org(), e.patientId(), e.detail(), null), e.hash());
            assertEquals(new AuditHead(e.seq(), e.hash()), kept.head.get());
            assertTrue(cache.verifyAudit().intact(), cache.verifyAudit().message());
            cache.audit("patient-opened", "demo", "p1", null);
        }
        try (ChartCache cache = ChartCache.open(old, k, kept)) {
            assertTrue(cache.auditIntact());
            assertEquals(2, kept.head.get().seq());
        }
        try (Connection c = ChartCache.keyedConfig(k).createConnection("jdbc:sqlite:" + old);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit WHERE hash IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getInt(1), "every event of the old cache is chained");
        }
    }
}
