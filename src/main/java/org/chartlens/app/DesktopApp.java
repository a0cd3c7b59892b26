package org.chartlens.app;

import java.nio.file.Path;
import org.chartlens.ui.ChartLensApp;
import org.chartlens.ui.shell.AppServices;
import org.chartlens.ui.shell.StoreOnlyServices;

/**
 * Starts the JavaFX UI on a data folder. Until the composition root provides a full
 * {@link AppServices} (sign-in, sync, lock), the window reads the cache through
 * {@link StoreOnlyServices}; the lead replaces {@link #services} with the real implementation.
 */
public final class DesktopApp {
    private DesktopApp() {
    }

    public static void launch(Path dataDir) {
        ChartLensContext ctx = ChartLensContext.forCommandLine(dataDir);
        try {
            ChartLensApp.launch(services(ctx), false);
        } finally {
            ctx.close();
        }
    }

    /** The services the window uses. Replace with the full implementation once it exists. */
    static AppServices services(ChartLensContext ctx) {
        return new StoreOnlyServices(ctx::cache, ctx.dataDir());
    }
}
