package org.chartlens.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: HAPI and JavaFX then live together
 * on the plain class path. With no arguments the desktop app opens; otherwise a CLI command runs.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        int status;
        try {
            preloadClasses(args);
            status = ChartLensCommand.commandLine(args).execute(args);
        } catch (NoClassDefFoundError e) {
            // chartlens.jar names its libraries in lib/ beside it (Class-Path); copied alone it cannot start
            System.err.println("chartlens: a library is missing (" + e.getMessage() + "). chartlens.jar needs the "
                    + "lib/ folder the build puts beside it (target/lib); to copy ChartLens elsewhere, build the "
                    + "installer (see README).");
            status = 1;
        }
        if (status != ChartLensCommand.KEEP_RUNNING) {
            System.exit(status);
        }
    }

    /**
     * Start-up of the desktop app and the demo EHR is dominated by loading a few thousand classes
     * one after the other on the main thread while the second core idles (no class-data-sharing
     * archive can be switched on from a jar's manifest). A daemon thread loads, without
     * initialising, the classes those start-ups are known to need, so the main thread mostly
     * finds them ready. The lists ({@code preload-*.txt}, from {@code -Xlog:class+load} of a
     * start-up) may go stale harmlessly: a missing class is skipped, a new one loads as before.
     */
    private static void preloadClasses(String[] args) {
        Optional<String> command = ChartLensCommand.subcommandNamed(args);
        String list;
        if (command == null) {
            return;
        } else if (command.isEmpty()) {
            if (Arrays.asList(args).contains("-V") || Arrays.asList(args).contains("--version")) {
                return;
            }
            list = "preload-desktop.txt";
        } else if ("sandbox".equals(command.get())) {
            list = "preload-sandbox.txt";
        } else {
            return;
        }
        Thread t = new Thread(() -> preload(list), "class-preload");
        t.setDaemon(true);
        t.start();
    }

    private static void preload(String list) {
        ClassLoader loader = Launcher.class.getClassLoader();
        try (InputStream in = Launcher.class.getResourceAsStream(list)) {
            if (in == null) {
                return;
            }
            BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                try {
                    Class.forName(name.trim(), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // stale or platform-specific entry: the main thread loads what it needs itself
                }
            }
        } catch (IOException e) {
            // only an optimisation
        }
    }
}
