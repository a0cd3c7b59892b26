package org.chartlens.ui;

import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.common.Themes;
import org.chartlens.ui.documents.WebViewSession;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.shell.MainWindow;

/**
 * The JavaFX application. The composition root hands over the ports it wired with
 * {@link #launch(ShellPorts, boolean)}; JavaFX needs a no-argument Application class, hence
 * the static hand-over. On exit the web view session folder is removed and the app is locked
 * (keys and tokens dropped). Its name is the window's WM_CLASS on Linux (the desktop entry's
 * {@code StartupWMClass}): keep it.
 */
public final class ChartLensApp extends Application {
    private static volatile ShellPorts ports;
    private static volatile boolean startLocked;
    private BackgroundTaskExecutor tasks;

    /** Blocks until the window is closed. */
    public static void launch(ShellPorts p, boolean locked) {
        ports = Objects.requireNonNull(p);
        startLocked = locked;
        Application.launch(ChartLensApp.class);
    }

    @Override
    public void start(Stage stage) {
        tasks = new BackgroundTaskExecutor(2);
        Themes.apply(ports.settings().current().darkTheme());
        // what the first frame does not need (the secrets' key derivation, opening the cache)
        // starts once it is drawn: on two cores it would compete with building the window
        MainWindow main = new MainWindow(ports, tasks, startLocked, true);
        Scene scene = new Scene(main, 1400, 880);
        Themes.style(scene);
        stage.setTitle("ChartLens");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> Platform.exit());
        stage.show();
        afterFirstFrame(() -> {
            if (Boolean.getBoolean(FIRST_FRAME_PROBE)) {
                System.out.println(FIRST_FRAME);
                System.out.flush();
                Platform.exit();
            }
            main.startReads();
        });
    }

    /** System property for the benchmark: print {@link #FIRST_FRAME} once a frame is drawn, then exit. */
    public static final String FIRST_FRAME_PROBE = "chartlens.firstFrameProbe";
    public static final String FIRST_FRAME = "FIRST FRAME";

    /** Runs {@code then} on the second pulse after show(), which comes after the first frame was rendered. */
    private static void afterFirstFrame(Runnable then) {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    @Override
    public void stop() {
        try {
            ports.lock().lock();
        } finally {
            WebViewSession.get().close();
            if (tasks != null) {
                tasks.close();
            }
        }
    }
}
