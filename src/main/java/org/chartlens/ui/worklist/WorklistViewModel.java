package org.chartlens.ui.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.chartlens.clinical.ParsedChart;
import org.chartlens.clinical.PatientSummaries;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.PatientSummary;
import org.chartlens.domain.RawResource;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.chart.PatientBanner;
import org.chartlens.ui.common.TaskExecutor;

/**
 * The worklist: every cached patient across organizations, searchable by name or identifier.
 * Loads off the FX thread; properties and lists on the FX thread. Testable without a stage.
 */
public final class WorklistViewModel {
    private final TaskExecutor tasks;
    private final java.util.function.Supplier<ChartStore> store;
    private final ObservableList<WorklistRow> all = FXCollections.observableArrayList();
    private final FilteredList<WorklistRow> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean loaded;
    /** A read of the cache is running; {@link #again} asks for one more when it ends. FX thread. */
    private boolean reading;
    private boolean again;

    public WorklistViewModel(java.util.function.Supplier<ChartStore> store, TaskExecutor tasks) {
        this.store = store;
        this.tasks = tasks;
        search.addListener((o, a, b) -> applyFilter());
    }

    /**
     * Reads the patients from the cache again (at start, after unlock, while and after a sync
     * writes). Calls during a read are coalesced into one more read when it ends, so a sync's
     * stream of changes costs at most one read at a time. FX thread.
     */
    public void refresh() {
        if (reading) {
            again = true;
            return;
        }
        reading = true;
        if (!loaded) {
            status.set("Loading patients…");
        }
        tasks.submit(() -> rows(store.get(), Instant.now(), LocalDate.now()), rows -> {
            all.setAll(rows);
            loaded = true;
            applyFilter();
            readDone();
        }, e -> {
            status.set("The patient list could not be read from the cache.");
            readDone();
        });
    }

    private void readDone() {
        reading = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    /** "1 patient in the cache", "3 patients in the cache", or "1 of 3 patients match" while searching. */
    static String count(int shown, int total, boolean searching) {
        if (total == 0) {
            return "";
        }
        if (searching) {
            return shown + " of " + patients(total) + (shown == 1 ? " matches" : " match");
        }
        return patients(total) + " in the cache";
    }

    static String patients(int n) {
        return n + (n == 1 ? " patient" : " patients");
    }

    /** Blocking: reads the store and parses each Patient. */
    public static List<WorklistRow> rows(ChartStore store, Instant now, LocalDate today) {
        List<WorklistRow> out = new ArrayList<>();
        for (CachedPatient p : store.patients()) {
            PatientSummary s = PatientSummaries.of(ParsedChart.of(List.of(
                    new RawResource(p.org(), "Patient", p.id(), p.id(), null, null, null, p.json()))), today);
            StringBuilder hay = new StringBuilder(s.name()).append(' ').append(p.id()).append(' ').append(p.org());
            for (Identifier i : s.identifiers()) {
                hay.append(' ').append(i.value());
            }
            boolean stale = p.lastSynced() == null
                    || Duration.between(p.lastSynced(), now).compareTo(PatientBanner.STALE) > 0;
            out.add(new WorklistRow(p.org(), p.id(), s, p.lastSynced(), stale, hay.toString().toLowerCase(Locale.ROOT)));
        }
        out.sort(Comparator.comparing((WorklistRow r) -> r.summary().name().toLowerCase(Locale.ROOT)));
        return out;
    }

    private void applyFilter() {
        String q = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(r -> q.isEmpty() || java.util.Arrays.stream(q.split("\\s+")).allMatch(r.searchText()::contains));
        if (loaded) {
            status.set(count(shown.size(), all.size(), !q.isEmpty()));
        }
    }

    public ObservableList<WorklistRow> rows() {
        return shown;
    }

    public int total() {
        return all.size();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
