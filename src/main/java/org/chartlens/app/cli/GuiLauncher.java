package org.chartlens.app.cli;

import java.nio.file.Path;

/** Opens the desktop app. Owned by the ui work; kept tiny so the CLI does not load JavaFX. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static int open(Path dataDir) {
        org.chartlens.app.DesktopApp.launch(dataDir);
        return 0;
    }
}
