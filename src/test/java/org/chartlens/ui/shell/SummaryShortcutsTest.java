package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.Printing;
import org.chartlens.ui.port.SummaryPort;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.RealCache;
import org.chartlens.ui.testing.SyntheaBundles;
import org.chartlens.ui.worklist.WorklistRow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Ctrl+E and Ctrl+P in an open chart of the main window (pressed as real keys) export and print
 * the referral summary through the chart's {@link SummaryPort}, on the app's background executor
 * (never the FX thread), with the outcome on the chart's progress line.
 */
class SummaryShortcutsTest {
    private final FxRobot robot = new FxRobot();

    /** Records what it is asked and on which thread; two blank pages to print. */
    static final class RecordingSummaries implements SummaryPort {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Written export(Request r, Path file, BooleanSupplier cancelled) {
            calls.add("export " + file.getFileName() + " fx=" + Platform.isFxApplicationThread());
            return new Written(file, 2, 0, 0);
        }

        @Override
        public Printout printout(Request r, BooleanSupplier cancelled) {
            calls.add("printout fx=" + Platform.isFxApplicationThread());
            return new Printout() {
                public int count() {
                    return 2;
                }

                public Page page(int index, float dpi) {
                    return new Page(2, 2, new int[4], 595, 842);
                }

                public int restricted() {
                    return 0;
                }

                public int withheld() {
                    return 0;
                }

                public void close() {
                }
            };
        }

        @Override
        public void printed(Request r, int pages, int sent) {
            calls.add("printed " + sent + " of " + pages);
        }
    }

    private void press(KeyCode... keys) throws Exception {
        robot.press(keys);
        robot.release(keys);
        Fx.settle();
    }

    @Test
    void ctrlEExportsAndCtrlPPrintsOffTheFxThread() throws Exception {
        ChartStore store = RealCache.of(Files.createTempDirectory("chartlens-summary-keys"), Instant.now(),
                SyntheaBundles.columbus("Babette571"));
        RecordingSummaries summaries = new RecordingSummaries();
        MainWindow w = MainWindowTest.show(MainWindowTest.ports(store, "keys").withSummaries(summaries));
        Fx.front();
        WorklistRow row = Fx.call(() -> w.worklist().rows().get(0));
        ChartView chart = Fx.call(() -> w.openChart(row.org(), row.id(), row.summary().name()));
        MainWindowTest.waitFor(() -> chart.viewModel().dataProperty().get() != null);
        List<String> pages = new CopyOnWriteArrayList<>();
        Printing printer = new Printing() {
            @Override
            public Job begin(Window owner, String jobName) {
                return new Job() {
                    public boolean print(SummaryPort.Page page) {
                        pages.add("page fx=" + Platform.isFxApplicationThread());
                        return true;
                    }

                    public boolean end() {
                        return true;
                    }

                    public void cancel() {
                    }
                };
            }
        };
        Fx.run(() -> chart.summaryActions().use((k, d, g) -> Optional.of(false), (win, s) -> Path.of("/tmp", s), printer));
        assertTrue(Fx.call(() -> chart.lookup("#summary-export").isVisible()), "Export PDF… is on the review line");

        press(KeyCode.CONTROL, KeyCode.E);
        MainWindowTest.waitFor(() -> !chart.summaryActions().job().runningProperty().get()
                && chart.summaryActions().job().messageProperty().get().startsWith("Saved"));
        assertTrue(summaries.calls.get(0).matches("export referral-summary-\\d{4}-\\d\\d-\\d\\d\\.pdf fx=false"),
                summaries.calls.toString());

        press(KeyCode.CONTROL, KeyCode.P);
        MainWindowTest.waitFor(() -> chart.summaryActions().job().messageProperty().get().startsWith("Sent"));
        assertEquals(List.of("printout fx=false", "printed 2 of 2"), summaries.calls.subList(1, 3));
        assertEquals(List.of("page fx=false", "page fx=false"), pages);
        assertEquals("Sent 2 pages to the printer.", Fx.call(() -> chart.summaryActions().job().messageProperty().get()));
        assertFalse(Fx.call(() -> chart.summaryActions().job().runningProperty().get()));
    }
}
