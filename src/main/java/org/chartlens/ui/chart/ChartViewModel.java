package org.chartlens.ui.chart;

import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.common.TaskExecutor;

/**
 * One open chart: reads it with {@link ChartQuery} off the FX thread (one hand-over). Testable
 * without a stage with a same-thread executor. Properties: FX thread.
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
        tasks.submit(() -> ChartQuery.open(store, new PatientRef(org, patientId), units, LocalDate.now()), d -> {
            loading.set(false);
            data.set(d);
        }, e -> {
            loading.set(false);
            error.set("This chart could not be read from the cache. Try syncing it again.");
        });
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
