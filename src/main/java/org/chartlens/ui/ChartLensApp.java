package org.chartlens.ui;

import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.documents.WebViewSession;
import org.chartlens.ui.shell.AppServices;
import org.chartlens.ui.shell.MainWindow;

/**
 * The JavaFX application. The composition root hands over its {@link AppServices} with
 * {@link #launch(AppServices, boolean)}; JavaFX needs a no-argument Application class, hence
 * the static hand-over. On exit the web view session folder is removed and the services are
 * locked (keys and tokens dropped).
 */
public final class ChartLensApp extends Application {
    private static volatile AppServices services;
    private static volatile boolean startLocked;
    private BackgroundTaskExecutor tasks;

    /** Blocks until the window is closed. */
    public static void launch(AppServices s, boolean locked) {
        services = Objects.requireNonNull(s);
        startLocked = locked;
        Application.launch(ChartLensApp.class);
    }

    @Override
    public void start(Stage stage) {
        tasks = new BackgroundTaskExecutor(2);
        Themes.apply(services.settings().darkTheme());
        MainWindow main = new MainWindow(services, tasks, startLocked);
        Scene scene = new Scene(main, 1400, 880);
        Themes.style(scene);
        stage.setTitle("ChartLens");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> Platform.exit());
        stage.show();
        if (Boolean.getBoolean(FIRST_FRAME_PROBE)) {
            reportFirstFrame();
        }
    }

    /** System property for the benchmark: print {@link #FIRST_FRAME} once a frame is drawn, then exit. */
    public static final String FIRST_FRAME_PROBE = "chartlens.firstFrameProbe";
    public static final String FIRST_FRAME = "FIRST FRAME";

    /** The second pulse after show() comes after the first frame was rendered. */
    private static void reportFirstFrame() {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    System.out.println(FIRST_FRAME);
                    System.out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }

    @Override
    public void stop() {
        try {
            services.lock();
        } finally {
            WebViewSession.get().close();
            if (tasks != null) {
                tasks.close();
            }
        }
    }
}
