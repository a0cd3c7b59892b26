package org.chartlens.app;

import java.nio.file.Path;
import org.chartlens.ui.ChartLensApp;

/** Starts the JavaFX UI on a data folder, with the composition root's services. */
public final class DesktopApp {
    private DesktopApp() {
    }

    public static void launch(Path dataDir) {
        DesktopServices services = new DesktopServices(dataDir, System.getenv());
        try {
            ChartLensApp.launch(services, false);
        } finally {
            services.context().close();
        }
    }
}
