package org.chartlens.app;

import java.nio.file.Path;
import java.util.Map;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.ui.ChartLensApp;
import org.chartlens.ui.port.ShellPorts;

/**
 * Starts the JavaFX UI on a data folder with the ports of {@link DesktopServices}. When the
 * secrets are protected by a ChartLens passphrase that is not in the environment, the window
 * opens on the unlock screen. Blocks until the window closes.
 */
public final class DesktopApp {
    private DesktopApp() {
    }

    public static void launch(Path dataDir) {
        Map<String, String> env = System.getenv();
        DesktopServices services = new DesktopServices(dataDir, env);
        ShellPorts ports = services.ports();
        String envPass = env.get(PassphraseSource.ENV);
        boolean startLocked = ports.lock().hasPassphrase() && (envPass == null || envPass.isEmpty());
        if (!startLocked) {
            services.retentionAtStart(); // off the FX thread; an unlock applies it otherwise
        }
        try {
            ChartLensApp.launch(ports, startLocked);
        } finally {
            services.context().close();
        }
    }
}
