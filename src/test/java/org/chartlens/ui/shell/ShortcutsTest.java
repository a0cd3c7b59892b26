package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.RealCache;
import org.chartlens.ui.testing.SyntheaBundles;
import org.chartlens.ui.worklist.WorklistRow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Every shortcut Help lists works, pressed as real keys (the glass robot, headless): the
 * window's tabs (Ctrl+Tab, Ctrl+Shift+Tab, Ctrl+1, Ctrl+2, Ctrl+,, F1), the worklist search,
 * closing a tab, a chart's own tabs (Alt+1..9, Alt+Page Down/Up), locking; and Help lists them all.
 */
class ShortcutsTest {
    private final FxRobot robot = new FxRobot();

    private String selected(MainWindow w) throws Exception {
        return Fx.call(() -> w.tabs().getSelectionModel().getSelectedItem().getId());
    }

    private void press(KeyCode... keys) throws Exception {
        robot.press(keys);
        robot.release(keys);
        Fx.settle();
    }

    @Test
    void everyDocumentedShortcutWorksAndHelpListsThemAll() throws Exception {
        ChartStore store = RealCache.of(Files.createTempDirectory("chartlens-keys"), Instant.now(),
                SyntheaBundles.columbus("Babette571"), SyntheaBundles.columbus("Jen355"));
        MainWindow w = MainWindowTest.show(MainWindowTest.ports(store, "keys"));
        Fx.front();
        List<WorklistRow> rows = Fx.call(() -> List.copyOf(w.worklist().rows()));
        for (WorklistRow r : rows) {
            Fx.run(() -> w.openChart(r.org(), r.id(), r.summary().name()));
        }
        MainWindowTest.waitFor(() -> w.tabs().getTabs().size() == 3);
        List<String> ids = Fx.call(() -> w.tabs().getTabs().stream().map(Tab::getId).toList());
        Fx.run(() -> w.tabs().getSelectionModel().select(0));
        // the focus in a control that uses Tab itself: Ctrl+Tab still switches the window's tabs
        Fx.run(() -> w.lookup("#worklist-search").requestFocus());

        press(KeyCode.CONTROL, KeyCode.TAB);
        assertEquals(ids.get(1), selected(w));
        press(KeyCode.CONTROL, KeyCode.TAB);
        assertEquals(ids.get(2), selected(w));
        press(KeyCode.CONTROL, KeyCode.TAB);
        assertEquals(ids.get(0), selected(w), "Ctrl+Tab wraps round");
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        assertEquals(ids.get(2), selected(w), "Ctrl+Shift+Tab goes back");

        // a chart's own tabs
        ChartView chart = Fx.call(() -> (ChartView) w.tabs().getSelectionModel().getSelectedItem().getContent());
        MainWindowTest.waitFor(() -> chart.tabs().getTabs().size() == ChartView.TAB_NAMES.size());
        press(KeyCode.ALT, KeyCode.DIGIT3);
        assertEquals("tab-problems", Fx.call(() -> chart.tabs().getSelectionModel().getSelectedItem().getId()));
        press(KeyCode.ALT, KeyCode.PAGE_DOWN);
        assertEquals("tab-vitals", Fx.call(() -> chart.tabs().getSelectionModel().getSelectedItem().getId()));
        press(KeyCode.ALT, KeyCode.PAGE_UP);
        press(KeyCode.ALT, KeyCode.PAGE_UP);
        assertEquals("tab-timeline", Fx.call(() -> chart.tabs().getSelectionModel().getSelectedItem().getId()));
        press(KeyCode.ALT, KeyCode.DIGIT9);
        assertEquals("tab-encounters", Fx.call(() -> chart.tabs().getSelectionModel().getSelectedItem().getId()));

        press(KeyCode.CONTROL, KeyCode.W);
        assertEquals(2, Fx.call(() -> w.tabs().getTabs().size()), "Ctrl+W closes the chart");
        assertEquals(1, Fx.call(() -> w.viewModel().charts().size()));

        press(KeyCode.CONTROL, KeyCode.DIGIT2);
        assertEquals("panel-organizations", selected(w));
        press(KeyCode.CONTROL, KeyCode.COMMA);
        assertEquals("panel-settings", selected(w));
        press(KeyCode.F1);
        assertEquals("panel-help", selected(w));
        press(KeyCode.CONTROL, KeyCode.DIGIT1);
        assertEquals("tab-worklist", selected(w));
        press(KeyCode.CONTROL, KeyCode.DIGIT2);
        press(KeyCode.CONTROL, KeyCode.F);
        assertEquals("tab-worklist", selected(w));
        assertEquals("worklist-search", Fx.call(() -> w.getScene().getFocusOwner().getId()));
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        assertEquals("panel-find-a-patient", selected(w));
        assertEquals("find-name", Fx.call(() -> w.getScene().getFocusOwner().getId()));

        // Help lists every shortcut there is
        Fx.run(() -> w.tabs().getSelectionModel().select(
                w.tabs().getTabs().stream().filter(t -> "panel-help".equals(t.getId())).findFirst().orElseThrow()));
        Fx.settle();
        Set<String> listed = new TreeSet<>(Fx.call(() -> w.lookup("#help-shortcuts").lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList()));
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            assertTrue(listed.contains(s.shown()) && listed.contains(s.what()), "Help lists " + s.shown());
        }

        press(KeyCode.CONTROL, KeyCode.L);
        assertTrue(Fx.call(w::isLocked), "Ctrl+L locks");
        press(KeyCode.CONTROL, KeyCode.DIGIT2);
        Node orgs = Fx.call(() -> w.lookup("#organizations"));
        assertFalse(orgs != null && MainWindowTest.isShown(orgs), "no shortcut reaches past the lock screen");
    }
}
