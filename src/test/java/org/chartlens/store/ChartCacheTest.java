package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCacheTest {
    static final String FAMILY = "Quistorpfeld";

    @TempDir
    Path dir;

    static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    static StoredResource patient(String org, String id, String family) {
        return new StoredResource(org, "Patient", id, id, "1950-01-02", null, null,
                "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"name\":[{\"family\":\"" + family
                        + "\",\"given\":[\"Ada\"]}],\"birthDate\":\"1950-01-02\"}");
    }

    static StoredResource condition(String org, String id, String patient, String practitioner) {
        return new StoredResource(org, "Condition", id, patient, "2020-05-01", "active",
                "http://snomed.info/sct|44054006",
                "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"subject\":{\"reference\":\"Patient/"
                        + patient + "\"},\"asserter\":{\"reference\" : \"Practitioner/" + practitioner
                        + "\"},\"note\":[{\"text\":\"" + FAMILY + " family history\"}]}");
    }

    static StoredResource practitioner(String org, String id) {
        return new StoredResource(org, "Practitioner", id, null, null, null, null,
                "{\"resourceType\":\"Practitioner\",\"id\":\"" + id + "\"}");
    }

    @Test
    void filesHoldNoPlaintextPhiWhileOpenAndAfterClose() throws Exception {
        Path file = dir.resolve("cache.db");
        try (ChartCache cache = ChartCache.open(file, key())) {
            try (CacheBatch b = cache.begin()) {
                b.put(patient("demo", "p1", FAMILY), "2024-01-01T00:00:00Z");
                for (int i = 0; i < 2000; i++) {
                    b.put(condition("demo", "c" + i, "p1", "pr1"), null);
                }
                b.commit();
            }
            assertEquals(1, cache.patients().size());
            assertNull(cache.patients().get(0).lastSynced());
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(file)));
            }
            // the WAL is live now: the newest pages are only in it
            assertTrue(Files.exists(dir.resolve("cache.db-wal")));
            assertNoPlaintext(FAMILY);
        }
        assertNoPlaintext(FAMILY);
        assertTrue(Files.size(file) > 0);
    }

    private void assertNoPlaintext(String needle) throws IOException {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        byte[] n16 = needle.getBytes(StandardCharsets.UTF_16LE);
        int files = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                byte[] data = Files.readAllBytes(p);
                files++;
                assertFalse(contains(data, n), p.getFileName() + " holds the family name in plain text");
                assertFalse(contains(data, n16), p.getFileName() + " holds the family name (UTF-16)");
                assertFalse(contains(data, "SQLite format 3".getBytes(StandardCharsets.US_ASCII)),
                        p.getFileName() + " has a plaintext SQLite header");
            }
        }
        assertTrue(files >= 1);
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void openingWithoutOrWithAWrongKeyFailsClearly() throws Exception {
        Path file = dir.resolve("cache.db");
        byte[] k = key();
        try (ChartCache cache = ChartCache.open(file, k)) {
            cache.putAll(List.of(patient("demo", "p1", FAMILY)));
        }
        CacheOpenException wrong = assertThrows(CacheOpenException.class, () -> ChartCache.open(file, key()));
        assertEquals(CacheOpenException.Reason.WRONG_KEY, wrong.reason());
        assertTrue(wrong.rebuildable());
        assertTrue(wrong.getMessage().contains("rebuilt from the servers"), wrong.getMessage());

        CacheOpenException none = assertThrows(CacheOpenException.class, () -> ChartCache.open(file, null));
        assertEquals(CacheOpenException.Reason.WRONG_KEY, none.reason());

        // a plain SQLite connection with no key cannot read it either
        assertThrows(SQLException.class, () -> {
            try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = plain.createStatement()) {
                s.executeQuery("SELECT * FROM resource").close();
            }
        });
        // and the right key still works: nothing was damaged by the failed attempts
        try (ChartCache cache = ChartCache.open(file, k)) {
            assertEquals(FAMILY, cache.patients().get(0).json().replaceAll(".*\"family\":\"([^\"]+)\".*", "$1"));
        }
    }

    @Test
    void aDamagedFileIsReportedAsRebuildable() throws Exception {
        Path file = dir.resolve("cache.db");
        byte[] junk = new byte[8192];
        new SecureRandom().nextBytes(junk);
        Files.write(file, junk);
        CacheOpenException e = assertThrows(CacheOpenException.class, () -> ChartCache.open(file, key()));
        assertTrue(e.rebuildable());
    }

    @Test
    void chartHoldsTheCompartmentAndTheSharedResourcesItReferences() {
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key())) {
            cache.putAll(List.of(patient("demo", "p1", FAMILY), patient("demo", "p2", "Other"),
                    condition("demo", "c1", "p1", "pr1"), condition("demo", "c2", "p2", "pr2"),
                    practitioner("demo", "pr1"), practitioner("demo", "pr2"),
                    practitioner("demo", "unused"), patient("other", "p1", "Else")));
            List<StoredResource> chart = cache.chart("demo", "p1");
            assertEquals(java.util.Set.of("Patient/p1", "Condition/c1", "Practitioner/pr1"),
                    chart.stream().map(r -> r.type() + "/" + r.id()).collect(java.util.stream.Collectors.toSet()));
            assertEquals(3, chart.size());
            assertNull(chart.get(2).patientId());
            assertEquals("http://snomed.info/sct|44054006", chart.get(0).code());
            assertEquals(3, cache.patients().size());
            assertTrue(cache.resource("demo", "Practitioner", "unused").isPresent());
            assertTrue(cache.resource("demo", "Practitioner", "nope").isEmpty());
            assertEquals(Map.of("Condition", 1, "Patient", 1), cache.countsByType("demo", "p1"));
            assertEquals(Map.of("Condition", 2, "Patient", 2, "Practitioner", 3), cache.countsByType("demo"));
            assertTrue(cache.chart("demo", "nobody").isEmpty());
        }
    }

    @Test
    void aRolledBackBatchLeavesNeitherDataNorCursor() {
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key())) {
            try (CacheBatch b = cache.begin()) {
                b.put(condition("demo", "c1", "p1", "pr1"), "2024-01-01T00:00:00Z");
                b.setCursor("demo", "p1", "Condition", "2024-01-01T00:00:00Z");
                b.commit();
            }
            try (CacheBatch b = cache.begin()) {
                b.put(condition("demo", "c2", "p1", "pr1"), "2025-01-01T00:00:00Z");
                b.setCursor("demo", "p1", "Condition", "2025-01-01T00:00:00Z");
                // no commit: like a kill between the page write and its commit
            }
            assertEquals("2024-01-01T00:00:00Z", cache.cursor("demo", "p1", "Condition").orElseThrow());
            assertTrue(cache.resource("demo", "Condition", "c2").isEmpty());
            assertTrue(cache.resource("demo", "Condition", "c1").isPresent());
        }
    }

    @Test
    void sharedResourcesKeepTheirPatientlessIdentityAndRewritesKeepThePatient() {
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key())) {
            cache.putAll(List.of(condition("demo", "c1", "p1", "pr1")));
            StoredResource again = new StoredResource("demo", "Condition", "c1", null, "2021", "resolved",
                    null, "{\"resourceType\":\"Condition\",\"id\":\"c1\"}");
            cache.putAll(List.of(again));
            StoredResource r = cache.resource("demo", "Condition", "c1").orElseThrow();
            assertEquals("p1", r.patientId());
            assertEquals("resolved", r.status());
        }
    }

    @Test
    void freshnessRecordsSuccessFailureAndUnavailableTypes() {
        Instant t1 = Instant.parse("2026-01-01T10:00:00Z");
        Instant t2 = t1.plusSeconds(60);
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key())) {
            cache.recordSuccess("demo", "Condition", t1);
            cache.recordFailure("demo", "Condition", "The server did not answer", t2);
            cache.recordUnavailable("demo", "Coverage", "not-granted", "needs patient/Coverage.read", t2);
            cache.recordUnavailable("demo", "Device", "unsupported", null, t2);
            List<Freshness> f = cache.freshness("demo");
            assertEquals(List.of("Condition", "Coverage", "Device"), f.stream().map(Freshness::type).toList());
            Freshness cond = f.get(0);
            assertEquals("failed", cond.state());
            assertEquals(t1, cond.lastSuccess());
            assertEquals("The server did not answer", cond.lastError());
            assertEquals(t2, cond.lastErrorAt());
            assertEquals("not-granted", f.get(1).state());
            assertEquals("unsupported", f.get(2).state());
            cache.recordSuccess("demo", "Condition", t2);
            Freshness ok = cache.freshness("demo").get(0);
            assertEquals("ok", ok.state());
            assertNull(ok.lastError());
            assertTrue(cache.freshness("other").isEmpty());
            assertThrows(IllegalArgumentException.class,
                    () -> cache.recordUnavailable("demo", "X", "ok", null, t2));
        }
    }

    @Test
    void retentionPurgesAPatientAnOrganizationAndOldData() {
        Instant now = Instant.now();
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key())) {
            cache.putAll(List.of(patient("demo", "p1", FAMILY), condition("demo", "c1", "p1", "pr1"),
                    patient("demo", "p2", "Two"), practitioner("demo", "pr1"), patient("other", "x", "X")));
            try (CacheBatch b = cache.begin()) {
                b.setCursor("demo", "p1", "Condition", "2024");
                b.markPatientSynced("demo", "p1", now);
                b.commit();
            }
            assertEquals(2, cache.purgePatient("demo", "p1"));
            assertTrue(cache.chart("demo", "p1").isEmpty());
            assertTrue(cache.cursor("demo", "p1", "Condition").isEmpty());
            assertTrue(cache.lastSynced("demo", "p1").isEmpty());
            assertTrue(cache.resource("demo", "Practitioner", "pr1").isPresent());

            assertEquals(2, cache.purgeOrganization("demo"));
            assertEquals(List.of("other"), cache.organizations());

            // retention (issue 17): the first purge starts the clock of a chart never opened
            assertEquals(List.of(), cache.purgeUnopened(1, now, "test").records());
            assertEquals(List.of(new org.chartlens.domain.PatientRef("other", "x")),
                    cache.purgeUnopened(1, now.plus(2, ChronoUnit.DAYS), "test").records());
            assertTrue(cache.patients().isEmpty());
            List<String> events = cache.auditLog(null, null).stream().map(AuditEvent::event).toList();
            assertEquals(List.of("purge-patient", "purge-organization", "purge-patient", "purge-older-than"), events);
        }
    }

    @Test
    void theAuditLogIsAppendOnlyAndExportable() throws Exception {
        Path file = dir.resolve("c.db");
        byte[] k = key();
        try (ChartCache cache = ChartCache.open(file, k)) {
            cache.audit("sign-in", "demo", null, null);
            cache.audit("patient-opened", "demo", "p1", "tab=problems");
            List<AuditEvent> log = cache.auditLog(null, null);
            assertEquals(2, log.size());
            assertEquals(System.getProperty("user.name"), log.get(0).who());
            assertEquals("p1", log.get(1).patientId());
            assertTrue(log.get(0).seq() < log.get(1).seq());
            StringWriter csv = new StringWriter();
            cache.exportAudit(csv);
            String[] lines = csv.toString().split("\n");
            assertEquals(3, lines.length);
            assertTrue(lines[2].endsWith(",patient-opened,demo,p1,tab=problems"), lines[2]);
        }
        // even with the key and raw SQL, rows cannot be changed or removed
        try (Connection c = ChartCache.keyedConfig(k).createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            SQLException upd = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit SET who='x'"));
            assertTrue(upd.getMessage().contains("append-only"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit"));
        }
    }

    @Test
    void schemaIsVersionedAndANewerCacheIsRefused() throws Exception {
        Path file = dir.resolve("c.db");
        byte[] k = key();
        ChartCache.open(file, k).close();
        try (Connection c = ChartCache.keyedConfig(k).createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            assertEquals(Schema.MIGRATIONS.size(), Schema.version(c));
            s.execute("PRAGMA user_version = 99");
        }
        CacheOpenException e = assertThrows(CacheOpenException.class, () -> ChartCache.open(file, k));
        assertEquals(CacheOpenException.Reason.NEWER_VERSION, e.reason());
    }

    @Test
    void concurrentReadsDuringAWriteSeeCommittedDataOnly() throws Exception {
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key())) {
            cache.putAll(List.of(patient("demo", "p1", FAMILY)));
            try (CacheBatch b = cache.begin()) {
                b.put(condition("demo", "c1", "p1", "pr1"), null);
                List<Throwable> errors = new ArrayList<>();
                Thread t = new Thread(() -> {
                    try {
                        assertEquals(1, cache.chart("demo", "p1").size());
                    } catch (Throwable x) {
                        errors.add(x);
                    }
                });
                t.start();
                t.join();
                assertTrue(errors.isEmpty(), errors.toString());
                b.commit();
            }
            assertEquals(2, cache.chart("demo", "p1").size());
        }
    }
}
