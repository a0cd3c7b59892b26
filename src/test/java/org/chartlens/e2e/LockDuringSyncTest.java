package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import org.chartlens.app.DesktopServices;
import org.chartlens.app.HangingFhirServer;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.shell.MainWindow;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: locking while syncs run shows the lock screen at once and never blocks the FX
 * thread: cancelling the syncs, recording the lock and closing the cache happen in the
 * background. Real services: the demo organization (opened by its button, its other patients
 * syncing in the background) and a second organization whose server hangs, so a sync is
 * certainly running when the Lock button is clicked. A pulse probe (an {@link AnimationTimer})
 * records the longest gap between FX pulses from the click until the cache is closed.
 */
class LockDuringSyncTest {
    @TempDir
    Path data;

    /** The longest gap between two FX pulses since {@link #start}, in nanoseconds. FX thread. */
    static final class PulseProbe extends AnimationTimer {
        private long last;
        volatile long longest;

        @Override
        public void handle(long now) {
            if (last != 0) {
                longest = Math.max(longest, now - last);
            }
            last = now;
        }

        @Override
        public void start() {
            last = 0;
            longest = 0;
            super.start();
        }
    }

    @Test
    void lockingDuringASyncShowsTheLockScreenAtOnceAndNeverBlocksTheFxThread() throws Exception {
        Fx.stage();
        try (HangingFhirServer hung = HangingFhirServer.afterThePatientList();
             BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(2)) {
            DesktopServices services = hung.desktopSignedIn(data);
            try {
                MainWindow window = Fx.call(() -> new MainWindow(services.ports(), tasks, false));
                Fx.show(window);
                // the user already has an organization (the hung clinic): the welcome is asked for
                Fx.run(() -> window.viewModel().showWelcome());
                Button demo = (Button) waitForNode(window, "#welcome-demo");
                Fx.run(demo::fire);
                for (int i = 0; i < 1200 && Fx.call(() -> window.tabs().getTabs().stream()
                        .noneMatch(t -> t.getId() != null && t.getId().startsWith("chart-"))); i++) {
                    Thread.sleep(250);
                }
                ChartView chart = (ChartView) Fx.call(() -> window.tabs().getTabs().get(1).getContent());
                for (int i = 0; i < 400 && Fx.call(() -> chart.tabContent("summary")) == null; i++) {
                    Thread.sleep(50);
                }
                Fx.settle();
                // the demo's other patients sync in the background now; the hung clinic's sync waits forever
                Fx.run(() -> window.viewModel().status().sync("hung"));
                assertTrue(hung.hanging.await(30, TimeUnit.SECONDS), "a sync is running (hanging) when locking");

                Thread.sleep(1000); // the chart's first tab has been laid out and painted
                PulseProbe probe = new PulseProbe();
                Fx.run(probe::start);
                Thread.sleep(200);
                FxStackSampler sampler = new FxStackSampler(Fx.call(Thread::currentThread));
                sampler.start();
                Fx.run(() -> ((Button) window.lookup("#lock-button")).fire());
                assertTrue(Fx.call(window::isLocked));
                assertTrue(Fx.call(() -> window.lookup("#unlock-view").isVisible()), "the lock screen shows at once");
                for (int i = 0; i < 300 && services.context().openCache().isPresent(); i++) {
                    Thread.sleep(100);
                }
                assertTrue(services.context().openCache().isEmpty(), "the cache is closed in the background");
                Thread.sleep(200);
                Fx.run(probe::stop);
                sampler.interrupt();
                sampler.join();
                long longestMillis = probe.longest / 1_000_000;
                System.out.println("Longest FX pulse gap while locking during a sync: " + longestMillis + " ms");
                assertTrue(longestMillis <= 100, "the FX thread was blocked for " + longestMillis + " ms; it was busy in:\n"
                        + sampler.busy());
                assertFalse(Fx.call(() -> window.viewModel().status().syncingProperty().get()), "the syncs were cancelled");

                // and the window comes back with the passphrase
                Fx.run(() -> ((PasswordField) window.lookup("#unlock-passphrase")).setText(HangingFhirServer.PASS));
                Fx.run(() -> ((Button) window.lookup("#unlock-button")).fire());
                for (int i = 0; i < 600 && Fx.call(window::isLocked); i++) {
                    Thread.sleep(100);
                }
                assertFalse(Fx.call(window::isLocked));
            } finally {
                services.context().close();
            }
        }
    }

    /** Samples the FX thread's stack while it is not idle (to say where it was busy when a pulse was late). */
    static final class FxStackSampler extends Thread {
        private final Thread fx;
        private final Map<String, Integer> samples = new ConcurrentHashMap<>();

        FxStackSampler(Thread fx) {
            super("fx-stack-sampler");
            this.fx = fx;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                StackTraceElement[] st = fx.getStackTrace();
                if (st.length > 0 && !st[0].getMethodName().equals("wait")) {
                    StringBuilder b = new StringBuilder();
                    for (int k = 0; k < Math.min(30, st.length); k++) {
                        if (k < 3 || st[k].getClassName().startsWith("org.chartlens")) {
                            b.append("  ").append(st[k]).append('\n');
                        }
                    }
                    samples.merge(b.toString(), 1, Integer::sum);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The busy stacks seen, most frequent first (each sample about 10 ms). */
        String busy() {
            StringBuilder b = new StringBuilder();
            samples.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(8)
                    .forEach(e -> b.append(e.getValue()).append(" samples:\n").append(e.getKey()));
            return b.toString();
        }
    }

    static Node waitForNode(MainWindow window, String selector) throws Exception {
        Node n = null;
        for (int i = 0; i < 400 && n == null; i++) {
            n = Fx.call(() -> window.lookup(selector));
            if (n == null) {
                Thread.sleep(50);
            }
        }
        assertNotNull(n, selector);
        return n;
    }
}
