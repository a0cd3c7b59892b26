package org.chartlens.auth;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;

/**
 * Shows the authorize page to the user: the system browser (RFC 8252: never an embedded web view
 * for sign-in), or, for scripts and headless machines, a printed {@code Open: <url>} line.
 */
@FunctionalInterface
public interface Browser {
    void open(URI authorizationUrl) throws AuthException;

    /**
     * The desktop's default browser through {@link java.awt.Desktop}, or {@code xdg-open} on Linux
     * desktops where AWT cannot browse (common without GNOME libraries).
     */
    static Browser system() {
        return url -> {
            if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                    || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                        && (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null)) {
                    try {
                        new ProcessBuilder("xdg-open", url.toString()).redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                        return;
                    } catch (IOException e) {
                        // fall through to the plain message
                    }
                }
                throw new AuthException("ChartLens cannot open a web browser here. Use --no-browser and open the "
                        + "printed address yourself.", "no_browser", null);
            }
            try {
                Desktop.getDesktop().browse(url);
            } catch (IOException | UnsupportedOperationException e) {
                throw new AuthException("ChartLens could not open the web browser for sign-in.", "no_browser", e);
            }
        };
    }

    /** Prints {@code Open: <url>} (one line, flushed) for a person or a script to open. */
    static Browser printing(PrintStream out) {
        return url -> {
            out.println("Open: " + url);
            out.flush();
        };
    }

    /** The system browser when there is one, else the printed line. */
    static Browser systemOrPrinting(PrintStream out) {
        return url -> {
            try {
                system().open(url);
            } catch (AuthException e) {
                printing(out).open(url);
            }
        };
    }
}
