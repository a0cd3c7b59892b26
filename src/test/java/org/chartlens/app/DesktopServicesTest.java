package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.shell.AppServices;
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
            assertTrue(s.hasPassphrase());
            assertTrue(s.passphraseIsNew());
            assertFalse(s.unlock("short".toCharArray()), "too short a passphrase is refused");
            assertFalse(Files.exists(data.resolve("secrets.bin")), "nothing is created by a refused choice");
            assertTrue(s.unlock("a long enough passphrase".toCharArray()));
            assertTrue(Files.exists(data.resolve("secrets.bin")));
            assertFalse(s.passphraseIsNew());
            assertEquals(0, s.store().patients().size(), "the encrypted cache opens, empty");
        } finally {
            s.context().close();
        }
    }

    @Test
    void lockDropsTheCacheAndOnlyTheRightPassphraseUnlocks() {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.unlock("correct horse battery".toCharArray()));
            s.store().patients();
            s.lock();
            assertThrows(IllegalStateException.class, s::store);
            assertFalse(s.unlock("wrong horse battery".toCharArray()));
            assertThrows(IllegalStateException.class, s::store);
            assertTrue(s.unlock("correct horse battery".toCharArray()));
            assertEquals(0, s.store().patients().size());
        } finally {
            s.context().close();
        }
        DesktopServices again = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file"));
        try {
            assertTrue(again.hasPassphrase());
            assertFalse(again.passphraseIsNew(), "a later start asks for the existing passphrase");
            assertFalse(again.unlock("wrong horse battery".toCharArray()));
            assertTrue(again.unlock("correct horse battery".toCharArray()));
        } finally {
            again.context().close();
        }
    }

    @Test
    void settingsSurviveARestartAndHoldNoSecrets() throws Exception {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.unlock("settings passphrase".toCharArray()));
            s.saveSettings(new AppServices.Settings(UnitSystem.US, true, 3, 30, data));
        } finally {
            s.context().close();
        }
        AppServices.Settings read = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file")).settings();
        assertEquals(UnitSystem.US, read.units());
        assertTrue(read.darkTheme());
        assertEquals(3, read.autoLockMinutes());
        assertEquals(30, read.retentionDays());
        assertFalse(Files.readString(data.resolve("settings.json")).contains("passphrase"));
    }

    @Test
    void retentionRemovesCachedDataOlderThanTheSetting() {
        DesktopServices s = firstRun();
        try {
            assertTrue(s.unlock("retention passphrase".toCharArray()));
            s.context().cache().putAll(java.util.List.of(new org.chartlens.store.StoredResource("demo", "Patient", "p1",
                    "p1", null, null, null, "{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
            assertEquals(1, s.store().patients().size());
            s.saveSettings(new AppServices.Settings(UnitSystem.METRIC, false, 10, 30, data));
            assertEquals(1, s.store().patients().size(), "fresh data is kept");
            // a retention of 30 days applied 31 days from now removes it: simulate by purging as of then
            assertEquals(1, s.context().cache().purgeOlderThan(30, java.time.Instant.now().plus(java.time.Duration.ofDays(31))));
            assertEquals(0, s.store().patients().size());
        } finally {
            s.context().close();
        }
    }
}
