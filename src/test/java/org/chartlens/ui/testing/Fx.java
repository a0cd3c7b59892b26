package org.chartlens.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chartlens.ui.common.Themes;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Test helper: the FX toolkit (Monocle, headless) and running code on its thread. */
public final class Fx {
    private static Stage stage;

    private Fx() {
    }

    public static synchronized Stage stage() throws Exception {
        if (stage == null) {
            System.setProperty("headless.geometry", "1920x1200-32");
            stage = FxToolkit.registerPrimaryStage();
        }
        return stage;
    }

    public static <T> T call(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    public static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Shows {@code root} in the primary stage at 1400x860 with the light theme. */
    public static void show(Parent root) throws Exception {
        Stage s = stage();
        run(() -> {
            Themes.apply(false);
            Scene scene = new Scene(root, 1400, 860);
            Themes.style(scene);
            s.setScene(scene);
            // the window takes the scene's size again (a test may have resized it) at the screen's corner
            s.sizeToScene();
            s.setX(0);
            s.setY(0);
            s.show();
        });
        settle();
    }

    /**
     * For tests that press keys and click (the glass robot): the primary stage alone and on top,
     * since input goes to the window on top and earlier tests in this JVM may have left others.
     */
    public static void front() throws Exception {
        Stage s = stage();
        run(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w != s).toList().forEach(javafx.stage.Window::hide);
            s.toFront();
            s.requestFocus();
        });
        settle();
    }

    /** Lets pending runLater calls and a few pulses happen. */
    public static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(30);
        }
    }
}
