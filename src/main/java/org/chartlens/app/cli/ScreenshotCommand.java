package org.chartlens.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditAction;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.Screenshots;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.StoreOnlyPorts;
import org.chartlens.ui.shell.MainWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "screenshot", description = "Render one view of the real UI headlessly to a PNG, from the cache."
        + "%nTabs: summary, timeline, problems, vitals, labs, medications, allergies, immunizations,"
        + " encounters, documents, claims, completeness, reconcile; 'main' renders the whole main window with the chart open.")
public final class ScreenshotCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Option(names = "--patient", required = true, paramLabel = "PATIENT", description = "FHIR id or ORG:ID")
    String patient;

    @Option(names = "--tab", defaultValue = "summary", paramLabel = "NAME", description = "Tab to show (default summary).")
    String tab;

    @Option(names = "--out", required = true, paramLabel = "FILE.png")
    Path out;

    @Option(names = "--dark", description = "Dark theme.")
    boolean dark;

    @Option(names = "--width", defaultValue = "1400")
    int width;

    @Option(names = "--height", defaultValue = "860")
    int height;

    @Override
    public Integer call() throws Exception {
        if (!tab.equals("main") && !ChartView.TAB_NAMES.contains(tab)) {
            System.err.println("chartlens: unknown tab '" + tab + "'; one of: main, " + String.join(", ", ChartView.TAB_NAMES));
            return 2;
        }
        Screenshots.useHeadless();
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "screenshot")) {
            ChartStore store = ctx.cache();
            PatientRef p = ChartQuery.resolve(store, patient);
            render(store, p.org(), p.id(), tab, dark, width, height, out, ctx.dataDir());
            ctx.audit(AuditAction.SCREENSHOT, p.org(), p.id(), "tab=" + tab);
        }
        System.out.println(out.toAbsolutePath());
        return 0; // Launcher exits the JVM, which also ends the FX toolkit's threads

    }

    /** Renders a chart tab (or the main window) of the real UI to {@code png}. Blocking. */
    public static void render(ChartStore store, String org, String id, String tab, boolean dark, int width,
                              int height, Path png, Path dataDir) throws Exception {
        ChartData data = ChartQuery.open(store, new PatientRef(org, id), UnitSystem.METRIC, LocalDate.now());
        SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
        Object[] holder = new Object[1];
        Screenshots.render(() -> {
            if (tab.equals("main")) {
                MainWindow w = new MainWindow(StoreOnlyPorts.create(() -> store, dataDir), tasks, false);
                holder[0] = w;
                ChartView v = w.openChart(org, id, null);
                v.select("summary");
                return w;
            }
            ChartViewModel vm = new ChartViewModel(store, tasks, org, id);
            vm.dataProperty().set(data);
            ChartView v = new ChartView(vm, tasks, f -> { }, dark);
            holder[0] = v;
            return v;
        }, () -> {
            if (holder[0] instanceof ChartView v) {
                v.select(tab);
            }
        }, dark, width, height, png);
    }
}
