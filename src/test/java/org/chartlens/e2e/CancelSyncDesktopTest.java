package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import org.chartlens.app.DesktopServices;
import org.chartlens.app.HangingFhirServer;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.shell.MainWindow;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: "Cancel sync" in the status bar, against a server that accepts and never answers,
 * ends the sync within two seconds (it stayed on "Cancelling…" for minutes) and keeps the
 * patient written before the server hung. The main window on the desktop's real services.
 */
class CancelSyncDesktopTest {
    @TempDir
    Path data;

    @Test
    void cancelInTheStatusBarEndsASyncHangingOnTheServerWithinTwoSeconds() throws Exception {
        Fx.stage();
        try (HangingFhirServer hung = HangingFhirServer.afterThePatientList();
             BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(2)) {
            DesktopServices services = hung.desktopSignedIn(data);
            try {
                MainWindow window = Fx.call(() -> new MainWindow(services.ports(), tasks, false));
                Fx.show(window);
                Fx.run(() -> window.viewModel().status().sync("hung"));
                assertTrue(hung.hanging.await(30, TimeUnit.SECONDS), "the sync hangs on the server");
                for (int i = 0; i < 100 && !Fx.call(() -> window.lookup("#status-cancel").isVisible()); i++) {
                    Thread.sleep(50);
                }
                Fx.run(() -> ((Button) window.lookup("#status-cancel")).fire());
                assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                    while (Fx.call(() -> window.viewModel().status().cancellableProperty().get())) {
                        Thread.sleep(20);
                    }
                }, "the sync ends within two seconds of Cancel");
                assertEquals("Sync of hung stopped", Fx.call(() -> window.viewModel().status().messageProperty().get()));
                assertEquals("Sync cancelled; what was already downloaded is kept.",
                        Fx.call(() -> window.viewModel().status().errorProperty().get()));
                assertEquals(1, services.ports().cache().store().patients().size(), "the patient list written is kept");
            } finally {
                services.context().close();
            }
        }
    }
}
