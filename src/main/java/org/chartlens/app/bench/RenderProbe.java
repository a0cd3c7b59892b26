package org.chartlens.app.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.Screenshots;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.chart.LabsTab;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.common.Themes;

/**
 * Figure 6: time from a loaded chart (or a synthetic lab series) to a snapshot of one tab, on the FX thread: build the real
 * chart view, select the tab (its view is built on first show), CSS, layout, snapshot. Headless
 * (Monocle, software rendering); the bench command selects that before the toolkit starts.
 */
final class RenderProbe {
    private final ChartData data;
    private final ChartStore store;
    private final String org;
    private final String patient;
    private Stage stage;

    RenderProbe(ChartStore store, String org, String patient) {
        Screenshots.startToolkit();
        this.store = store;
        this.org = org;
        this.patient = patient;
        this.data = ChartQuery.open(store, new PatientRef(org, patient), UnitSystem.METRIC, LocalDate.now());
    }

    /** Milliseconds from an empty window to a snapshot of {@code tab}. */
    double timeToSnapshot(String tab) throws Exception {
        return timeOnFx(() -> {
            SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
            ChartViewModel vm = new ChartViewModel(store, tasks, org, patient);
            vm.dataProperty().set(data);
            ChartView view = new ChartView(vm, tasks, f -> { }, false);
            return new Shown(view, () -> view.select(tab));
        });
    }

    /**
     * Milliseconds from an empty window to a snapshot of a Labs tab whose one report holds
     * {@code reports}' series: the results table and the selected analyte's trend (one unit,
     * bands, decimated to a sample on one Canvas), CSS, layout, snapshot.
     */
    double timeLabsToSnapshot(List<LabReport> reports) throws Exception {
        return timeOnFx(() -> new Shown(new LabsTab(reports, false), () -> { }));
    }

    /** What one probe shows, and what it does once the window is up (select a tab). */
    private record Shown(Parent root, Runnable afterShow) {
    }

    /** On the FX thread: build, show in a themed 1400x860 scene, CSS, layout, snapshot; the milliseconds of all of it. */
    private double timeOnFx(Supplier<Shown> build) throws Exception {
        CompletableFuture<Double> ms = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                if (stage == null) {
                    Themes.apply(false);
                    stage = new Stage();
                }
                long t0 = System.nanoTime();
                Shown shown = build.get();
                Scene scene = new Scene(shown.root(), 1400, 860);
                Themes.style(scene);
                stage.setScene(scene);
                stage.show();
                shown.afterShow().run();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                scene.snapshot(null);
                ms.complete((System.nanoTime() - t0) / 1e6);
            } catch (Throwable t) {
                ms.completeExceptionally(t);
            }
        });
        return ms.get(60, TimeUnit.SECONDS);
    }

    void close() {
        Platform.runLater(() -> {
            if (stage != null) {
                stage.close();
            }
        });
    }
}
