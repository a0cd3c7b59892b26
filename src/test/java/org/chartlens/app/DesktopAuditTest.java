package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditEvent;
import org.chartlens.ui.port.Settings;
import org.chartlens.ui.port.SyncPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.1 on the desktop's services, against the embedded demo EHR: opening the demo, signing
 * out and in again from the Organizations panel, a sync of one patient and a settings change with
 * a retention period each leave their events, with who (OS user and the reviewer's name), when,
 * what, the patient's id only, and the view they came from.
 */
class DesktopAuditTest {
    @TempDir
    Path data;

    @Test
    void demoSignInOutSyncSettingsAndPurgeAreRecordedWithWhoAndFromWhichView() throws Exception {
        DesktopServices s = new DesktopServices(data, Map.of("CHARTLENS_PASSPHRASE", "desktop-audit-pass",
                "CHARTLENS_SECRET_STORE", "file", "CHARTLENS_REVIEWER", "Reviewer Rowe"));
        try {
            LinkedBlockingQueue<String> finished = new LinkedBlockingQueue<>();
            SyncPort.Listener listener = new SyncPort.Listener() {
                @Override
                public void progress(String org, String type, int done, double overall) {
                }

                @Override
                public void finished(String org, String error) {
                    finished.add(org + ":" + (error == null ? "ok" : error));
                }
            };
            PatientRef first = s.ports().demo().openDemo(listener);
            assertEquals("demo:ok", finished.poll(10, TimeUnit.MINUTES), "the demo's background sync ends");
            s.ports().signIn().signOut("demo");
            s.ports().signIn().signIn("demo");
            s.ports().sync().startSync("demo", first.id(), listener);
            assertEquals("demo:ok", finished.poll(10, TimeUnit.MINUTES), "the one-patient sync ends");
            s.ports().settings().save(new Settings(UnitSystem.US, false, 10, 3650, data));
            // retention (issue 17) 3651 days on: every demo chart, never opened and on no list, goes
            List<org.chartlens.store.CachedPatient> before = s.context().cache().patients();
            int cached = before.size();
            assertEquals(cached, CacheRetention.apply(s.context().cache(), 3650,
                    java.time.Instant.now().plus(java.time.Duration.ofDays(3651)), "desktop").records().size());

            List<AuditEvent> events = s.context().cache().auditLog(null, null);
            List<String> seen = events.stream().map(e -> e.event() + " " + e.source() + " " + e.org()
                    + " " + e.patientId()).toList();
            List<String> expected = List.of(
                    "sign-in view:welcome demo null",
                    "sync desktop demo " + first.id(),
                    "sync desktop demo null",
                    "sign-out view:organizations demo null",
                    "sign-in view:organizations demo null",
                    "sync desktop demo " + first.id(),
                    "settings-changed view:settings null null");
            assertEquals(expected, seen.subList(0, expected.size()));
            assertEquals(cached + expected.size() + 1, seen.size(), "one purge-patient per chart and the summary");
            assertTrue(seen.subList(expected.size(), seen.size() - 1).stream()
                    .allMatch(e -> e.startsWith("purge-patient desktop demo ")), seen.toString());
            assertEquals("purge-older-than desktop null null", seen.get(seen.size() - 1));
            for (AuditEvent e : events) {
                assertEquals(System.getProperty("user.name"), e.who(), e.toString());
                assertEquals("Reviewer Rowe", e.reviewer(), e.toString());
                assertTrue(e.at().isAfter(java.time.Instant.now().minusSeconds(3600)), e.toString());
            }
            assertTrue(events.get(1).detail().startsWith("patients=1 resources=")
                    && events.get(1).detail().endsWith("outcome=complete"), events.get(1).detail());
            assertEquals("units=US retentionDays=3650", events.get(6).detail());
            String all = events.toString();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (org.chartlens.store.CachedPatient p : before) {
                com.fasterxml.jackson.databind.JsonNode name = json.readTree(p.json()).path("name").path(0);
                for (String part : List.of(name.path("family").asText(), name.path("given").path(0).asText())) {
                    assertFalse(part.isEmpty() || all.contains(part), "a demo patient's name in the audit log: " + part);
                }
            }
            assertTrue(s.context().cache().auditIntact());
        } finally {
            s.context().close();
        }
    }
}
