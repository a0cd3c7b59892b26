package org.chartlens.app.cli;

import java.nio.file.Path;
import java.util.Locale;

/** Opens the desktop app. Kept tiny so the CLI does not load JavaFX. */
final class GuiLauncher {
    /**
     * JavaFX warns on stderr (java.util.logging) that it runs from the class path, which is this
     * app's deliberate set-up (decision 0004); the terminal gets the app's own errors only. Held
     * here because java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger FX_PLATFORM =
            java.util.logging.Logger.getLogger("javafx");

    private GuiLauncher() {
    }

    static int open(Path dataDir) {
        FX_PLATFORM.setLevel(java.util.logging.Level.SEVERE);
        try {
            org.chartlens.app.DesktopApp.launch(dataDir);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            String why = whyNoWindow(e);
            if (why == null) {
                throw e;
            }
            System.err.println("chartlens: " + why);
            return 1;
        }
    }

    /**
     * What a user can do when JavaFX cannot open a window, or null when the failure is another
     * one. JavaFX says "Unable to load glass GTK library" without GTK 3 and "Unable to open
     * DISPLAY" without a display.
     */
    static String whyNoWindow(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        if (text.contains("glass gtk")) {
            return "the desktop app needs GTK 3, which this system lacks. On Debian or Ubuntu: "
                    + "sudo apt-get install libgtk-3-0 (the command-line commands work without it; see README, "
                    + "System requirements).";
        }
        if (text.contains("unable to open display")) {
            return "no display to open a window on (DISPLAY is not set). Run ChartLens in a desktop session; "
                    + "the command-line commands (chartlens --help) work without one.";
        }
        return null;
    }
}
