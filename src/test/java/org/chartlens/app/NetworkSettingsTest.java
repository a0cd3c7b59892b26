package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.connect.Organization;
import org.chartlens.domain.UnitSystem;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.ui.port.Settings;
import org.chartlens.ui.port.ShellPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19.4's settings: request and sync deadlines from settings.json reach every FHIR client. */
class NetworkSettingsTest {
    @TempDir
    Path data;

    static final Organization ORG = new Organization("test", "Test Clinic", URI.create("https://ehr.example.org/fhir"),
            Organization.Flow.PKCE, "chartlens", List.of(), Set.of(), null, false, "");

    FhirHttp.Options optionsOfANewContext() {
        try (ChartLensContext ctx = new ChartLensContext(data, PassphraseSource.fixed("x".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"))) {
            return ctx.fhir(ORG).options();
        }
    }

    @Test
    void defaultsWithoutSettingsAndTheFileWinsWhenSet() throws Exception {
        FhirHttp.Options d = optionsOfANewContext();
        assertEquals(Duration.ofMinutes(5), d.requestDeadline());
        assertEquals(Duration.ofMinutes(60), d.syncDeadline());

        Files.writeString(data.resolve("settings.json"), "{\"units\":\"METRIC\",\"requestDeadlineSeconds\":45,"
                + "\"syncDeadlineMinutes\":20}");
        FhirHttp.Options set = optionsOfANewContext();
        assertEquals(Duration.ofSeconds(45), set.requestDeadline());
        assertEquals(Duration.ofMinutes(20), set.syncDeadline());

        Files.writeString(data.resolve("settings.json"), "{\"requestDeadlineSeconds\":-3,\"syncDeadlineMinutes\":\"x\"}");
        assertEquals(new NetworkSettings(null, null), NetworkSettings.read(data));
    }

    @Test
    void savingTheOtherSettingsKeepsTheDeadlines() throws Exception {
        Files.writeString(data.resolve("settings.json"), "{\"units\":\"US\",\"requestDeadlineSeconds\":90,\"syncDeadlineMinutes\":15}");
        DesktopServices s = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file"));
        try {
            ShellPorts ports = s.ports();
            assertEquals(UnitSystem.US, ports.settings().current().units(), "the desktop settings still read the file");
            assertTrue(ports.lock().unlock("settings passphrase".toCharArray()));
            ports.settings().save(new Settings(UnitSystem.METRIC, true, 3, 0, data));
        } finally {
            s.context().close();
        }
        assertEquals(new NetworkSettings(90, 15), NetworkSettings.read(data));
        assertEquals(UnitSystem.METRIC, new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file")).ports().settings().current().units());
    }
}
