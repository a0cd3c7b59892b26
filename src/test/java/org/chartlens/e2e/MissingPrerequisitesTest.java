package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20: where the app cannot start, it says what to do in words, not with a stack trace. */
class MissingPrerequisitesTest {
    @TempDir
    Path data;

    @Test
    void theDesktopAppWithoutADisplaySaysWhatToDo() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "X11/GTK is the Linux case");
        Map<String, String> env = Map.of("CHARTLENS_PASSPHRASE", "no-window-pass-1", "CHARTLENS_SECRET_STORE", "file",
                "DISPLAY", "", "WAYLAND_DISPLAY", "");
        try (ChartLensProcess p = ChartLensProcess.start(data, env)) {
            assertEquals(1, p.await(120), p.stderr());
            String err = p.stderr().trim();
            assertTrue(err.startsWith("chartlens: "), err);
            assertTrue(err.contains("GTK 3") || err.contains("no display"), err);
            assertFalse(err.contains("\tat "), "no stack trace: " + err);
        }
    }

    @Test
    void theJarWithoutItsLibrariesSaysWhatItNeeds() throws Exception {
        // chartlens.jar copied alone: only ChartLens's own classes on the class path
        Path classes = Path.of(org.chartlens.app.cli.Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", classes.toString(),
                "org.chartlens.app.cli.Launcher", "--data-dir", data.toString(), "patients")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertEquals(1, p.waitFor());
        assertTrue(err.startsWith("chartlens: a library is missing"), err);
        assertTrue(err.contains("lib/ folder"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }
}
