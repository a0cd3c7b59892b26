package org.chartlens.app;

import java.nio.file.Path;
import java.util.Map;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.ui.ChartLensApp;

/**
 * Starts the JavaFX UI on a data folder with the composition root's {@link DesktopServices}.
 * When the secrets are protected by a ChartLens passphrase that is not in the environment,
 * the window opens on the unlock screen. Blocks until the window closes.
 */
public final class DesktopApp {
    private DesktopApp() {
    }

    public static void launch(Path dataDir) {
        Map<String, String> env = System.getenv();
        DesktopServices services = new DesktopServices(dataDir, env);
        String envPass = env.get(PassphraseSource.ENV);
        boolean startLocked = services.hasPassphrase() && (envPass == null || envPass.isEmpty());
        try {
            ChartLensApp.launch(services, startLocked);
        } finally {
            services.context().close();
        }
    }
}
