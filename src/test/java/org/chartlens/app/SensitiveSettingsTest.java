package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditEvent;
import org.chartlens.ui.port.SensitiveSettings;
import org.chartlens.ui.port.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restricted records' settings (issue 18) saved from the Settings view: written to
 * settings.json, kept when the other settings are saved, read back after a restart, audited.
 */
class SensitiveSettingsTest {
    @TempDir
    Path data;

    @Test
    void savedFromTheSettingsViewTheySurviveARestartAndOtherSavesAndAreAudited() throws Exception {
        DesktopServices s = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file"));
        try {
            assertTrue(s.ports().lock().unlock("sensitive settings passphrase".toCharArray()));
            assertEquals(SensitiveSettings.DEFAULTS, s.ports().settings().sensitive());
            s.ports().settings().saveSensitive(new SensitiveSettings(30, true));
            assertEquals(new SensitiveSettings(30, true), s.ports().settings().sensitive());
            s.ports().settings().save(new Settings(UnitSystem.US, true, 3, 0, data));
            List<AuditEvent> changed = s.context().cache().auditEvents(Instant.EPOCH, null, null).stream()
                    .filter(e -> e.event().equals("settings-changed")).toList();
            assertTrue(changed.stream().anyMatch(e -> "breakGlassMinutes=30 inferSensitive=true".equals(e.detail())
                    && "view:settings".equals(e.source())), changed.toString());
        } finally {
            s.context().close();
        }
        String file = Files.readString(data.resolve("settings.json"));
        assertTrue(file.contains("\"breakGlassMinutes\" : 30") && file.contains("\"inferSensitive\" : true"), file);
        DesktopServices again = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file"));
        assertEquals(new SensitiveSettings(30, true), again.ports().settings().sensitive());
        assertEquals(UnitSystem.US, again.ports().settings().current().units());
        try {
            assertTrue(again.ports().lock().unlock("sensitive settings passphrase".toCharArray()));
            again.ports().settings().saveSensitive(SensitiveSettings.DEFAULTS);
        } finally {
            again.context().close();
        }
        String back = Files.readString(data.resolve("settings.json"));
        assertFalse(back.contains("breakGlassMinutes") || back.contains("inferSensitive"), "defaults are not written: " + back);
    }
}
