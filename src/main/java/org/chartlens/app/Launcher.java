package org.chartlens.app;

import org.chartlens.app.cli.ChartLensCommand;
import picocli.CommandLine;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: HAPI and JavaFX then live together
 * on the plain class path. With no arguments the desktop app opens; otherwise a CLI command runs.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        int status = ChartLensCommand.commandLine().execute(args);
        if (status != ChartLensCommand.KEEP_RUNNING) {
            System.exit(status);
        }
    }
}
