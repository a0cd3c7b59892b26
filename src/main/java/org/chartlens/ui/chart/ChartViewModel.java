package org.chartlens.ui.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.chartlens.clinical.ChartModels;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.common.TaskExecutor;

/**
 * One open chart: loads the cache rows and builds every tab's model off the FX thread (one
 * hand-over). Testable without a stage with a same-thread executor. Properties: FX thread.
 */
public final class ChartViewModel {
    private final ChartStore store;
    private final TaskExecutor tasks;
    private final String org;
    private final String patientId;
    private final ObjectProperty<ChartData> data = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();

    public ChartViewModel(ChartStore store, TaskExecutor tasks, String org, String patientId) {
        this.store = store;
        this.tasks = tasks;
        this.org = org;
        this.patientId = patientId;
    }

    public void load(UnitSystem units) {
        loading.set(true);
        error.set(null);
        tasks.submit(() -> build(store, org, patientId, units, LocalDate.now()), d -> {
            loading.set(false);
            data.set(d);
        }, e -> {
            loading.set(false);
            error.set("This chart could not be read from the cache. Try syncing it again.");
        });
    }

    /** The whole load, for background threads and the CLI. Blocking: reads the store. */
    public static ChartData build(ChartStore store, String org, String patientId, UnitSystem units,
                                  LocalDate today) {
        long t0 = System.nanoTime();
        List<StoredResource> rows = store.chart(org, patientId);
        List<RawResource> raw = rows.stream().map(ChartViewModel::raw).toList();
        ChartModel model = ChartModels.build(raw, units, today);
        Instant synced = store.patients().stream()
                .filter(p -> p.org().equals(org) && p.id().equals(patientId))
                .findFirst().map(CachedPatient::lastSynced).orElse(null);
        return new ChartData(org, patientId, model, store.freshness(org), synced,
                (System.nanoTime() - t0) / 1_000_000);
    }

    public static RawResource raw(StoredResource s) {
        return new RawResource(s.org(), s.type(), s.id(), s.patientId(), s.effective(), s.status(),
                s.code(), s.json());
    }

    public ObjectProperty<ChartData> dataProperty() {
        return data;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String org() {
        return org;
    }

    public String patientId() {
        return patientId;
    }
}
