package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.lock.AutoLock;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.StoreOnlyPorts;
import org.chartlens.ui.testing.BundleChartStore;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.RealCache;
import org.chartlens.ui.testing.SyntheaBundles;
import org.chartlens.ui.worklist.WorklistRow;
import org.junit.jupiter.api.Test;

/** The shell: worklist, several charts at once, lock and unlock, auto-lock, first run. */
class MainWindowTest {

    static ShellPorts ports(ChartStore store, String passphrase) {
        return StoreOnlyPorts.create(() -> store, Path.of("/tmp/chartlens-test"), passphrase);
    }

    static MainWindow show(ShellPorts services) throws Exception {
        Fx.stage();
        MainWindow w = Fx.call(() -> new MainWindow(services, new BackgroundTaskExecutor(2), false));
        Fx.show(w);
        for (int i = 0; i < 100 && Fx.call(() -> w.worklist().total()) == 0; i++) {
            Thread.sleep(50);
        }
        return w;
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        for (int i = 0; i < 200 && !Fx.call(c); i++) {
            Thread.sleep(50);
        }
        assertTrue(Fx.call(c));
    }

    @Test
    void worklistSearchesOpensSeveralChartsLocksAndUnlocks() throws Exception {
        ChartStore store = RealCache.of(Files.createTempDirectory("chartlens-shell"), Instant.now().minus(Duration.ofDays(3)),
                SyntheaBundles.columbus("Babette571"), SyntheaBundles.columbus("Jen355"));
        ShellPorts services = ports(store, "correct horse");
        StoreOnlyPorts.Lock keys = (StoreOnlyPorts.Lock) services.lock();
        MainWindow w = show(services);
        assertEquals(2, Fx.call(() -> w.worklist().rows().size()));
        WorklistRow jen = Fx.call(() -> w.worklist().rows().stream()
                .filter(r -> r.summary().name().startsWith("Jen355")).findFirst().orElseThrow());
        assertEquals("2026-04-05", jen.summary().birthDate().dateOnly());
        assertTrue(jen.stale(), "synced 3 days ago is flagged");

        Fx.run(() -> w.worklist().searchProperty().set("bechtelar"));
        assertEquals(List.of("Babette571 Bernetta267 Bechtelar572"),
                Fx.call(() -> w.worklist().rows().stream().map(r -> r.summary().name()).toList()));
        Fx.run(() -> w.worklist().searchProperty().set("999-17-3258")); // Jen's SSN identifier
        assertEquals(1, Fx.call(() -> w.worklist().rows().size()));
        Fx.run(() -> w.worklist().searchProperty().set(""));

        // Two charts open at once, each in its own tab.
        for (WorklistRow r : Fx.call(() -> List.copyOf(w.worklist().rows()))) {
            Fx.run(() -> w.openChart(r.org(), r.id(), r.summary().name()));
        }
        waitFor(() -> w.tabs().getTabs().size() == 3
                && w.tabs().getTabs().get(1).getText().startsWith("Babette571")
                && w.tabs().getTabs().get(2).getText().startsWith("Jen355"));

        // Lock: charts gone, keys dropped, the unlock screen shows nothing clinical.
        Fx.run(() -> w.lock("Locked by you."));
        assertTrue(Fx.call(w::isLocked));
        assertTrue(keys.isLocked());
        assertEquals(1, Fx.call(() -> w.tabs().getTabs().size()));
        assertFalse(Fx.call(() -> w.lookupAll(".label").stream().filter(n -> n.isVisible() && n.getScene() != null)
                .filter(n -> n.getParent() != null && n.getParent().isVisible() && isShown(n))
                .anyMatch(n -> ((Label) n).getText() != null && ((Label) n).getText().contains("Babette571"))));

        Fx.run(() -> ((PasswordField) w.lookup("#unlock-passphrase")).setText("wrong"));
        Fx.run(() -> ((Button) w.lookup("#unlock-button")).fire());
        waitFor(() -> ((Label) w.lookup("#unlock-message")).getText().contains("not right"));
        assertTrue(Fx.call(w::isLocked));

        Fx.run(() -> ((PasswordField) w.lookup("#unlock-passphrase")).setText("correct horse"));
        Fx.run(() -> ((Button) w.lookup("#unlock-button")).fire());
        waitFor(() -> !w.isLocked() && w.tabs().getTabs().size() == 3);
        assertFalse(keys.isLocked());
    }

    @Test
    void unlockingRestoresTheWindowAsItWas() throws Exception {
        ChartStore store = RealCache.of(Files.createTempDirectory("chartlens-restore"), Instant.now(),
                SyntheaBundles.columbus("Babette571"), SyntheaBundles.columbus("Jen355"));
        MainWindow w = show(ports(store, "restore me"));
        for (WorklistRow r : Fx.call(() -> List.copyOf(w.worklist().rows()))) {
            Fx.run(() -> w.openChart(r.org(), r.id(), r.summary().name()));
        }
        Fx.run(() -> toolbarButton(w, "Organizations").fire());
        Fx.run(() -> toolbarButton(w, "Help").fire());
        waitFor(() -> w.tabs().getTabs().size() == 5);
        // the user moved to the first chart; tab order: Worklist, chart, chart, Organizations, Help
        Fx.run(() -> w.tabs().getSelectionModel().select(1));
        List<String> before = Fx.call(() -> w.tabs().getTabs().stream().map(javafx.scene.control.Tab::getId).toList());
        List<String> titles = Fx.call(() -> w.tabs().getTabs().stream().map(javafx.scene.control.Tab::getText).toList());
        assertEquals(List.of("Worklist", "Organizations", "Help"), List.of(titles.get(0), titles.get(3), titles.get(4)));

        Fx.run(() -> w.lock("Locked by you."));
        assertEquals(1, Fx.call(() -> w.tabs().getTabs().size()), "nothing but the (hidden) worklist while locked");
        Fx.run(() -> ((PasswordField) w.lookup("#unlock-passphrase")).setText("restore me"));
        Fx.run(() -> ((Button) w.lookup("#unlock-button")).fire());
        waitFor(() -> !w.isLocked() && w.tabs().getTabs().size() == 5);

        assertEquals(before, Fx.call(() -> w.tabs().getTabs().stream().map(javafx.scene.control.Tab::getId).toList()),
                "the same tabs in the same order, the Organizations and Help panels included");
        assertEquals(before.get(1), Fx.call(() -> w.tabs().getSelectionModel().getSelectedItem().getId()));
        // chart tabs carry the patient's name (from the chart once read), never a raw FHIR id
        waitFor(() -> w.tabs().getTabs().get(1).getText().equals(titles.get(1))
                && w.tabs().getTabs().get(2).getText().equals(titles.get(2)));
        for (WorklistRow r : Fx.call(() -> List.copyOf(w.worklist().rows()))) {
            assertFalse(Fx.call(() -> w.tabs().getTabs().stream().anyMatch(t -> t.getText().contains(r.id()))));
        }
    }

    static Button toolbarButton(MainWindow w, String text) {
        return w.lookupAll(".button").stream().map(Button.class::cast).filter(b -> text.equals(b.getText()))
                .findFirst().orElseThrow();
    }

    static boolean isShown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void autoLockAfterIdleTimeAndNotBefore() throws Exception {
        AtomicLong now = new AtomicLong();
        int[] locks = {0};
        AutoLock lock = new AutoLock(Duration.ofMinutes(10), () -> locks[0]++, now::get);
        now.set(Duration.ofMinutes(9).toNanos());
        assertFalse(lock.check());
        lock.touch(); // input at 9 min
        now.set(Duration.ofMinutes(18).toNanos());
        assertFalse(lock.check(), "idle is counted from the last input");
        now.set(Duration.ofMinutes(19).toNanos());
        assertTrue(lock.check());
        assertEquals(1, locks[0]);
        assertFalse(lock.check(), "locks once");
        lock.unlocked();
        lock.setIdle(Duration.ZERO);
        now.addAndGet(Duration.ofHours(5).toNanos());
        assertFalse(lock.check(), "0 turns auto-lock off");
        assertEquals(10, AutoLock.DEFAULT_IDLE.toMinutes());
    }

    @Test
    void firstRunShowsWelcomeAndTheDemoOpensAChartInOneClick() throws Exception {
        ChartStore fixture = new BundleChartStore(Instant.now(), SyntheaBundles.columbus("Jen355"));
        // An empty cache until the demo is "opened".
        boolean[] demoOpened = new boolean[1];
        ChartStore gated = new ChartStore() {
            public List<org.chartlens.store.CachedPatient> patients() {
                return demoOpened[0] ? fixture.patients() : List.of();
            }

            public List<org.chartlens.store.StoredResource> chart(String o, String p) {
                return fixture.chart(o, p);
            }

            public java.util.Optional<org.chartlens.store.StoredResource> resource(String o, String t, String i) {
                return fixture.resource(o, t, i);
            }

            public List<org.chartlens.store.Freshness> freshness(String o) {
                return fixture.freshness(o);
            }

            public void close() {
            }
        };
        ShellPorts services = ports(gated, "x").withDemo(l -> {
            demoOpened[0] = true;
            return StoreOnlyPorts.firstPatient(gated);
        });
        Fx.stage();
        MainWindow w = Fx.call(() -> new MainWindow(services, new BackgroundTaskExecutor(2), false));
        Fx.show(w);
        waitFor(() -> w.lookup("#welcome-demo") != null);
        assertNotNull(Fx.call(() -> w.lookup("#welcome-presets")));
        Fx.run(() -> ((Button) w.lookup("#welcome-demo")).fire());
        waitFor(() -> w.tabs().getTabs().size() == 2 && w.tabs().getTabs().get(1).getText().startsWith("Jen355"));
        assertTrue(Fx.call(() -> w.lookup("#welcome-demo") == null));
    }
}
