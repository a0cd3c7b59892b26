package org.chartlens.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.BundleChartStore;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/** Renders every tab of a demo chart and of the large chart to PNG (target/screenshots). */
class ChartScreenshotsTest {
    static final Path OUT = Path.of("target/screenshots");

    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        org.chartlens.ui.testing.Fx.stage();
    }

    static void renderAll(Path bundle, String prefix, boolean dark, String... tabs) throws Exception {
        ChartStore store = new BundleChartStore(Instant.now().minusSeconds(600), bundle);
        var p = store.patients().get(0);
        ChartData data = ChartQuery.open(store, new PatientRef(p.org(), p.id()), UnitSystem.METRIC, LocalDate.now());
        for (String tab : tabs) {
            Path out = OUT.resolve(prefix + "-" + tab + ".png");
            long t0 = System.nanoTime();
            ChartView[] view = new ChartView[1];
            Screenshots.render(() -> {
                ChartViewModel vm = new ChartViewModel(store, new SameThreadTaskExecutor(), p.org(), p.id());
                vm.dataProperty().set(data);
                view[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark);
                return view[0];
            }, () -> view[0].select(tab), dark, 1400, 860, out);
            System.out.println(out + " rendered in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertTrue(Files.size(out) > 10_000);
        }
    }

    @Test
    void mainWindowWithTwoChartsOpen() throws Exception {
        ChartStore store = org.chartlens.ui.testing.RealCache.of(Files.createTempDirectory("chartlens-shot"),
                Instant.now().minusSeconds(1800), SyntheaBundles.columbus("Danille883"),
                SyntheaBundles.columbus("Babette571"), SyntheaBundles.columbus("Jen355"));
        var services = new org.chartlens.ui.testing.FixtureServices(store, "x");
        Path out = OUT.resolve("main-window.png");
        org.chartlens.ui.shell.MainWindow[] w = new org.chartlens.ui.shell.MainWindow[1];
        Screenshots.render(() -> {
            w[0] = new org.chartlens.ui.shell.MainWindow(services, new SameThreadTaskExecutor(), false);
            var jen = store.patients().stream().filter(p -> p.json().contains("Jen355")).findFirst().orElseThrow();
            var dan = store.patients().stream().filter(p -> p.json().contains("Danille883")).findFirst().orElseThrow();
            w[0].openChart(jen.org(), jen.id(), null);
            w[0].openChart(dan.org(), dan.id(), null).select("summary");
            return w[0];
        }, null, false, 1400, 880, out);
        assertTrue(Files.size(out) > 10_000);
        if (Boolean.getBoolean("chartlens.updateScreenshots")) { // refresh the README's picture on request only
            Path docs = Path.of("docs/screenshots/main-window.png");
            Files.createDirectories(docs.getParent());
            Files.copy(out, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void demoPatientEveryTab() throws Exception {
        // Every tab with -Dchartlens.allScreenshots=true (about a minute); three by default to keep CI lean.
        String[] tabs = Boolean.getBoolean("chartlens.allScreenshots") ? ChartView.TAB_NAMES.toArray(String[]::new)
                : new String[] {"summary", "vitals", "documents"};
        renderAll(SyntheaBundles.columbus("Babette571"), "babette", false, tabs);
        if (Boolean.getBoolean("chartlens.allScreenshots")) {
            renderAll(SyntheaBundles.columbus("Babette571"), "babette-dark", true, "vitals", "timeline");
        }
    }

    @Test
    void everyTabInBothThemesOnRequest() throws Exception {
        // Only with -Dchartlens.allScreenshots=true: the demo patient dark, the large chart in both themes.
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("chartlens.allScreenshots"));
        String[] tabs = ChartView.TAB_NAMES.toArray(String[]::new);
        renderAll(SyntheaBundles.columbus("Babette571"), "babette-dark", true, tabs);
        renderAll(SyntheaBundles.large(), "large-light", false, tabs);
        renderAll(SyntheaBundles.large(), "large-dark", true, tabs);
    }

    @Test
    void largeChartTimelineAndVitalsDark() throws Exception {
        renderAll(SyntheaBundles.large(), "large", true, "timeline", "problems", "vitals");
    }
}
