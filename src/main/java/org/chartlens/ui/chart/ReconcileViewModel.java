package org.chartlens.ui.chart;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.Reconciliation;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.ReconcileMark;
import org.chartlens.domain.ReconcileTable;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.ReviewPort;

/**
 * The Reconcile tab's state (issue 17 section 3): the chart's {@link Reconciliation} and the
 * reviewer's marks, both read on the task executor; a mark is written through {@link ReviewPort}
 * (audited there) and the marks read again. Properties change on the FX thread only.
 */
public final class ReconcileViewModel {
    /** The table and the reviewer's marks on it (row key -> mark). */
    public record State(ReconcileTable table, Map<String, ReconcileMark> marks) {
        public State {
            marks = Map.copyOf(marks);
        }
    }

    private final TaskExecutor tasks;
    private final ReviewPort reviews;
    private final List<PatientRef> records;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ReconcileViewModel(TaskExecutor tasks, ReviewPort reviews, List<PatientRef> records) {
        this.tasks = tasks;
        this.reviews = reviews;
        this.records = List.copyOf(records);
    }

    /** Reads the reconciliation of {@code chart} and the reviewer's marks off the FX thread. */
    public void load(ChartData chart) {
        message.set("Comparing the organizations…");
        tasks.submit(() -> new State(Reconciliation.of(chart), reviews.reconcileMarks(records)), s -> {
            state.set(s);
            message.set("");
        }, e -> message.set("The reconciliation could not be read: " + e.getMessage()));
    }

    /** Records the reviewer's verdict on a row, then shows the marks again. */
    public void mark(String rowKey, ReconcileMark.Verdict verdict, String note) {
        State now = state.get();
        if (now == null) {
            return;
        }
        message.set("Recording your mark…");
        tasks.submit(() -> {
            reviews.markRow(records, rowKey, verdict, note);
            return new State(now.table(), reviews.reconcileMarks(records));
        }, s -> {
            state.set(s);
            var row = s.table().row(rowKey);
            message.set("Marked \"" + verdict.words() + "\" by " + reviews.reviewer()
                    + (row == null ? "" : ": " + row.label()));
        }, e -> message.set("The mark could not be recorded: " + e.getMessage()));
    }

    public String reviewer() {
        return reviews.reviewer();
    }

    /** Null until read. */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Progress and the outcome of the last mark, in words ("" when nothing to say). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
