package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20: a command prints its output and its errors, nothing else; an empty cache says so. */
class QuietCommandsTest {
    @TempDir
    Path data;

    @Test
    void patientsOnAnEmptyCacheSaysSoAndLogsOnlyToTheLogFile() throws Exception {
        Map<String, String> env = Map.of("CHARTLENS_PASSPHRASE", "quiet-passphrase-1", "CHARTLENS_SECRET_STORE", "file");
        try (ChartLensProcess p = ChartLensProcess.start(data, env, "patients")) {
            assertEquals(0, p.await(60), p.stderr());
            assertEquals("", String.join("\n", p.stdout()), "no patients, no lines");
            assertEquals("chartlens: no patients cached yet; sign in and sync an organization ('chartlens login ORG', "
                    + "then 'chartlens sync ORG') or import a file ('chartlens import FILE')", p.stderr().trim());
        }
        assertTrue(Files.isDirectory(data.resolve("logs")), "the log folder is in the data folder");
        try (ChartLensProcess p = ChartLensProcess.start(data, env, "patients", "--json")) {
            assertEquals(0, p.await(60), p.stderr());
            assertEquals("[ ]", String.join("\n", p.stdout()).trim());
            assertEquals("", p.stderr().trim());
        }
    }
}
