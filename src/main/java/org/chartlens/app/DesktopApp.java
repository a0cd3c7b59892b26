package org.chartlens.app;

import java.nio.file.Path;

/** Starts the JavaFX UI (filled in by the ui work). */
public final class DesktopApp {
    private DesktopApp() {
    }

    public static void launch(Path dataDir) {
        throw new IllegalStateException("The desktop app is not built yet");
    }
}
