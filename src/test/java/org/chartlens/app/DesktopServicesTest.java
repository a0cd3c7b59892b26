package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditEvent;
import org.chartlens.ui.port.ChangesPort;
import org.chartlens.ui.port.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's services on a real data folder: first-run passphrase, lock and unlock, settings. */
class DesktopServicesTest {
    @TempDir
    Path data;

    private DesktopServices firstRun() {
        // no OS secret store here, and no passphrase in the environment: the user must choose one
        return new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file"));
    }

    @Test
    void firstRunWithoutAnOsSecretStoreAsksToChooseAPassphrase() {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.ports().lock().hasPassphrase());
            assertTrue(s.ports().lock().passphraseIsNew());
            assertFalse(s.ports().lock().unlock("short".toCharArray()), "too short a passphrase is refused");
            assertFalse(Files.exists(data.resolve("secrets.bin")), "nothing is created by a refused choice");
            assertTrue(s.ports().lock().unlock("a long enough passphrase".toCharArray()));
            assertTrue(Files.exists(data.resolve("secrets.bin")));
            assertFalse(s.ports().lock().passphraseIsNew());
            assertEquals(0, s.ports().cache().store().patients().size(), "the encrypted cache opens, empty");
        } finally {
            s.context().close();
        }
    }

    @Test
    void lockDropsTheCacheAndOnlyTheRightPassphraseUnlocks() {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.ports().lock().unlock("correct horse battery".toCharArray()));
            s.ports().cache().store().patients();
            s.ports().lock().lock();
            assertThrows(IllegalStateException.class, s.ports().cache()::store);
            assertFalse(s.ports().lock().unlock("wrong horse battery".toCharArray()));
            assertThrows(IllegalStateException.class, s.ports().cache()::store);
            assertTrue(s.ports().lock().unlock("correct horse battery".toCharArray()));
            assertEquals(0, s.ports().cache().store().patients().size());
        } finally {
            s.context().close();
        }
        DesktopServices again = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file"));
        try {
            assertTrue(again.ports().lock().hasPassphrase());
            assertFalse(again.ports().lock().passphraseIsNew(), "a later start asks for the existing passphrase");
            assertFalse(again.ports().lock().unlock("wrong horse battery".toCharArray()));
            assertTrue(again.ports().lock().unlock("correct horse battery".toCharArray()));
        } finally {
            again.context().close();
        }
    }

    @Test
    void lockAFailedUnlockAndTheUnlockAreInTheAuditLogAsAreSettingsChanges() {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.ports().lock().unlock("correct horse battery".toCharArray()));
            s.ports().lock().lock();
            assertFalse(s.ports().lock().unlock("wrong horse battery".toCharArray()));
            assertTrue(s.ports().lock().unlock("correct horse battery".toCharArray()));
            s.ports().settings().save(new Settings(UnitSystem.US, false, 5, 30, data)); // 30: retention's default
            List<AuditEvent> events = s.ports().audit().events(null, null, null);
            assertEquals(List.of("unlock", "lock", "unlock-failed", "unlock", "settings-changed"),
                    events.stream().map(AuditEvent::event).toList());
            assertTrue(events.subList(0, 4).stream().allMatch(e -> "view:lock".equals(e.source())));
            assertTrue(events.get(2).detail().startsWith("wrong passphrase at "), events.get(2).detail());
            assertEquals("units=US autoLockMinutes=5", events.get(4).detail());
            assertEquals("view:settings", events.get(4).source());
            assertTrue(events.stream().allMatch(e -> System.getProperty("user.name").equals(e.who())));
            assertTrue(s.ports().audit().verify().intact());
        } finally {
            s.context().close();
        }
    }

    @Test
    void settingsSurviveARestartAndHoldNoSecrets() throws Exception {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.ports().lock().unlock("settings passphrase".toCharArray()));
            s.ports().settings().save(new Settings(UnitSystem.US, true, 3, 30, data));
        } finally {
            s.context().close();
        }
        Settings read = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file")).ports().settings().current();
        assertEquals(UnitSystem.US, read.units());
        assertTrue(read.darkTheme());
        assertEquals(3, read.autoLockMinutes());
        assertEquals(30, read.retentionDays());
        assertFalse(Files.readString(data.resolve("settings.json")).contains("passphrase"));
    }

    @Test
    void retentionRemovesChartsNotOpenedForTheSetting() {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.ports().lock().unlock("retention passphrase".toCharArray()));
            s.context().cache().putAll(java.util.List.of(new org.chartlens.store.StoredResource("demo", "Patient", "p1",
                    "p1", null, null, null, "{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
            assertEquals(1, s.ports().cache().store().patients().size());
            s.ports().settings().save(new Settings(UnitSystem.METRIC, false, 10, 30, data));
            assertEquals(1, s.ports().cache().store().patients().size(), "fresh data is kept");
            // a retention of 30 days applied 31 days from now removes a chart never opened: simulate by purging as of then
            assertEquals(1, s.context().cache().purgeUnopened(30, java.time.Instant.now().plus(java.time.Duration.ofDays(31)),
                    "test").records().size());
            assertEquals(0, s.ports().cache().store().patients().size());
        } finally {
            s.context().close();
        }
    }

    @Test
    void theUsersOrganizationsStartEmptyAndEveryChangeIsPublished() {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.ports().lock().unlock("organizations passphrase".toCharArray()));
            assertEquals(List.of(), s.ports().organizations().organizations(), "first run: none of the presets is yours");
            assertFalse(s.ports().organizations().presets().isEmpty());
            List<ChangesPort.Change> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            ChangesPort.Subscription sub = s.ports().changes().subscribe(seen::add);
            org.chartlens.connect.Organization veracity = s.ports().organizations().presets().stream()
                    .filter(o -> o.id().equals("veracity")).findFirst().orElseThrow();
            s.ports().organizations().saveOrganization(veracity);
            assertEquals(List.of("veracity"), s.ports().organizations().organizations().stream()
                    .map(org.chartlens.connect.Organization::id).toList());
            s.ports().signIn().signOut("veracity");
            assertEquals(List.of(new ChangesPort.Change(ChangesPort.Kind.ORGANIZATIONS, "veracity", null),
                    new ChangesPort.Change(ChangesPort.Kind.SIGN_IN, "veracity", null)), seen);
            sub.close();
            s.ports().signIn().signOut("veracity");
            assertEquals(2, seen.size(), "a closed subscription hears nothing");
        } finally {
            s.context().close();
        }
    }

    @Test
    void settingsAreReadOnceAndKeptInMemory() throws Exception {
        Files.writeString(data.resolve("settings.json"), "{\"units\":\"US\",\"autoLockMinutes\":4}");
        DesktopServices s = firstRun();
        try {
            assertEquals(UnitSystem.US, s.ports().settings().current().units());
            Files.delete(data.resolve("settings.json")); // no further read: current() is what was read, or saved
            assertEquals(4, s.ports().settings().current().autoLockMinutes());
            assertTrue(s.ports().lock().unlock("settings in memory".toCharArray()));
            s.ports().settings().save(new Settings(UnitSystem.METRIC, true, 7, 0, data));
            assertEquals(7, s.ports().settings().current().autoLockMinutes());
            assertTrue(Files.readString(data.resolve("settings.json")).contains("\"autoLockMinutes\" : 7"));
        } finally {
            s.context().close();
        }
    }
}
