package org.chartlens.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.chartlens.ui.common.Themes;

/**
 * Renders real views to PNG, headlessly (Monocle) for the {@code screenshot} command and
 * self-test, or on a display. Call from a non-FX thread; blocks until the file is written.
 */
public final class Screenshots {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Screenshots() {
    }

    /**
     * Chooses Monocle's headless glass and software rendering. Call before the JavaFX toolkit
     * starts (first thing in a command that renders without a display).
     */
    public static void useHeadless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("prism.fontdir") == null && Files.isDirectory(Path.of("/usr/share/fonts/truetype/dejavu"))) {
            System.setProperty("prism.fontdir", "/usr/share/fonts/truetype/dejavu");
        }
    }

    /** Starts the FX toolkit once (no-op when already running). */
    public static void startToolkit() {
        if (STARTED.compareAndSet(false, true)) {
            // Monocle's headless screen is 1280x800 unless told; windows must fit inside it.
            if (System.getProperty("headless.geometry") == null) {
                System.setProperty("headless.geometry", "1920x1200-32");
            }
            CountDownLatch l = new CountDownLatch(1);
            try {
                Platform.runLater(l::countDown); // already running (tests, the desktop app)
            } catch (IllegalStateException notStarted) {
                try {
                    Platform.startup(l::countDown);
                } catch (IllegalStateException alreadyRunning) {
                    l.countDown();
                }
            }
            try {
                l.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.setImplicitExit(false);
        }
    }

    /**
     * Shows {@code root} (built on the FX thread by {@code build}) in a window of the given
     * size, lets layout settle, and writes a PNG.
     *
     * @param prepare run on the FX thread after the first layout (select a tab, ...)
     */
    public static void render(Supplier<Parent> build, Runnable prepare, boolean dark, int width, int height,
                              Path out) throws Exception {
        startToolkit();
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Themes.apply(dark);
                Scene scene = new Scene(build.get(), width, height);
                Themes.style(scene);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                if (prepare != null) {
                    prepare.run();
                }
                shown.complete(stage);
            } catch (Throwable t) {
                shown.completeExceptionally(t);
            }
        });
        Stage stage = shown.get(60, TimeUnit.SECONDS);
        // Let a few pulses run so virtualised tables and charts lay out their cells.
        for (int i = 0; i < 4; i++) {
            CountDownLatch pulse = new CountDownLatch(1);
            Platform.runLater(pulse::countDown);
            pulse.await(10, TimeUnit.SECONDS);
            Thread.sleep(60);
        }
        CompletableFuture<BufferedImage> img = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                WritableImage w = stage.getScene().snapshot(null);
                img.complete(SwingFXUtils.fromFXImage(w, null));
                stage.close();
            } catch (Throwable t) {
                img.completeExceptionally(t);
            }
        });
        BufferedImage bi = img.get(60, TimeUnit.SECONDS);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        if (!ImageIO.write(bi, "png", out.toFile())) {
            throw new IOException("No PNG writer available");
        }
    }
}
