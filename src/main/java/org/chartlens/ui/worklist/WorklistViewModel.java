package org.chartlens.ui.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.chartlens.store.CacheException;
import org.chartlens.store.CacheOpenException;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.chart.PatientBanner;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.port.CachePort;
import org.chartlens.ui.port.PersonsPort;
import org.chartlens.ui.port.SyncPort;

/**
 * The worklist: one row per person across organizations (issue 14: records a user linked are one
 * row, the others persons of one, {@link PersonRows}), with the proposed links per person,
 * searchable by name or identifier. When the cache file is damaged it says so and offers to rebuild it ({@link #rebuild()}).
 * Loads off the FX thread; properties and lists on the FX thread. Testable without a stage.
 */
public final class WorklistViewModel {
    private final TaskExecutor tasks;
    private final CachePort cache;
    private final PersonsPort persons;
    private final Executor fx;
    private final javafx.beans.property.ReadOnlyIntegerWrapper possibleMatches = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private OrgLegend legend = OrgLegend.NONE;
    /** How many records the rows stand for (more than the rows when some are linked). */
    private int records;
    private final ObservableList<WorklistRow> all = FXCollections.observableArrayList();
    private final FilteredList<WorklistRow> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cacheNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper rebuildable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper rebuilding = new ReadOnlyBooleanWrapper();
    private final AtomicReference<Runnable> pendingProgress = new AtomicReference<>();
    private Consumer<String> onRebuilt = summary -> { };
    private boolean loaded;
    /** Issue 17: the reviewer whose "new since" the list shows, and the notes per record ("ORG:ID"). */
    private java.util.function.Supplier<String> reviewer = () -> null;
    private volatile java.util.Map<String, String> notes = java.util.Map.of();
    private final java.util.Map<String, ReviewNotes.Memo> noteMemo = new java.util.concurrent.ConcurrentHashMap<>();

    /** Issue 18: whether ChartLens's inference from codes counts (setting), and the records that have restricted ones. */
    private java.util.function.BooleanSupplier inferSensitive = () -> false;
    private volatile java.util.Set<org.chartlens.domain.PatientRef> restricted = java.util.Set.of();

    /** Reads the {@code inferSensitive} setting at each refresh (issue 18). */
    public void setInferSensitive(java.util.function.BooleanSupplier infer) {
        this.inferSensitive = infer;
    }

    /**
     * "Restricted records" when one of the row's records has restricted records (security labels,
     * or ChartLens's inference when that setting is on), else "": that they exist, never what (issue 18).
     */
    public String restrictedNote(WorklistRow r) {
        return r.refs().stream().anyMatch(restricted::contains) ? RESTRICTED : "";
    }

    /** The worklist's words for a person with restricted records. */
    public static final String RESTRICTED = "Restricted records";

    /** Shows "7 new since 14 Nov" beside each record this reviewer reviewed (issue 17). */
    public void setReviewer(java.util.function.Supplier<String> who) {
        this.reviewer = who;
    }

    /** The referral list beside the worklist (issue 17): read again after every worklist read. */
    private ReferralsViewModel referrals;

    /** Shows the referral list of {@code port} beside the worklist; returns its view model. FX thread. */
    public ReferralsViewModel setReferrals(org.chartlens.ui.port.ReferralsPort port) {
        referrals = new ReferralsViewModel(port, tasks, r -> notes.getOrDefault(r.org() + ":" + r.id(), ""), LocalDate::now);
        return referrals;
    }

    /** The referral list's view model (an empty list when none was set). */
    public ReferralsViewModel referrals() {
        return referrals != null ? referrals : setReferrals(org.chartlens.ui.port.ReferralsPort.NONE);
    }

    /** "7 new since 14 Nov" for a row whose person the reviewer reviewed, else "". FX thread. */
    public String reviewNote(WorklistRow r) {
        return notes.getOrDefault(r.org() + ":" + r.id(), "");
    }

    /** A read of the cache is running; {@link #again} asks for one more when it ends. FX thread. */
    private boolean reading;
    private boolean again;

    /** A worklist that only reads (no rebuild), progress on the calling thread. */
    public WorklistViewModel(java.util.function.Supplier<ChartStore> store, TaskExecutor tasks) {
        this(store::get, tasks, Runnable::run);
    }

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public WorklistViewModel(CachePort cache, TaskExecutor tasks, Executor fx) {
        this(cache, PersonsPort.NONE, tasks, fx);
    }

    /**
     * A worklist of persons: each read joins the cache's patients with {@code persons}' rows and
     * proposals (both off the FX thread).
     */
    public WorklistViewModel(CachePort cache, PersonsPort persons, TaskExecutor tasks, Executor fx) {
        this.cache = cache;
        this.persons = persons;
        this.tasks = tasks;
        this.fx = fx;
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
        String who = reviewer.get();
        boolean infer = inferSensitive.getAsBoolean();
        tasks.submit(() -> {
            var read = PersonRows.of(rows(cache.store(), Instant.now(), LocalDate.now()), persons.snapshot());
            notes = ReviewNotes.of(cache.store(), who, noteMemo);
            restricted = org.chartlens.clinical.ChartQuery.withRestrictedRecords(cache.store(), infer);
            return read;
        }, read -> {
            legend = read.legend();
            possibleMatches.set(read.proposals());
            records = read.records();
            all.setAll(read.rows());
            loaded = true;
            rebuildable.set(false);
            cacheNote.set("");
            applyFilter();
            if (referrals != null) {
                referrals.refresh();
            }
            readDone();
        }, e -> {
            boolean damaged = damaged(e);
            rebuildable.set(damaged && !rebuilding.get());
            status.set(damaged ? "" : "The patient list could not be read from the cache.");
            cacheNote.set(damaged ? "The cache could not be read: " + e.getMessage() : "");
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

    /** The cache file is damaged or unreadable with its key, so rebuilding it from the servers is the way out. */
    static boolean damaged(Throwable e) {
        return e instanceof CacheOpenException o && o.rebuildable() || e instanceof CacheException c && c.damaged();
    }

    /**
     * Rebuilds the damaged cache in the background ({@link CachePort#rebuild}): the cache note
     * shows the syncs' progress, then the list is read again and {@link #setOnRebuilt} gets what
     * was done. FX thread.
     */
    public void rebuild() {
        if (rebuilding.get()) {
            return;
        }
        rebuilding.set(true);
        rebuildable.set(false);
        cacheNote.set("Rebuilding the cache: moving the damaged file aside…");
        SyncPort.Listener progress = new SyncPort.Listener() {
            @Override
            public void progress(String org, String type, int done, double overall) {
                String text = "Rebuilding the cache: syncing " + org + (type == null ? "" : " (" + type + " " + done + ")");
                if (pendingProgress.getAndSet(() -> cacheNote.set(text)) == null) {
                    fx.execute(() -> {
                        Runnable latest = pendingProgress.getAndSet(null);
                        if (rebuilding.get() && latest != null) {
                            latest.run();
                        }
                    });
                }
            }

            @Override
            public void finished(String org, String error) {
                // the rebuild's own end (below) reports the outcome
            }
        };
        tasks.submit(() -> cache.rebuild(progress), summary -> {
            rebuilding.set(false);
            refresh();
            onRebuilt.accept(summary);
        }, e -> {
            rebuilding.set(false);
            rebuildable.set(true);
            cacheNote.set("The cache could not be rebuilt: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
    }

    /** Runs (FX thread) after a rebuild, with what was done in plain words. */
    public void setOnRebuilt(Consumer<String> r) {
        onRebuilt = r;
    }

    /**
     * Why the list cannot be shown and what a rebuild is doing ("The cache could not be read: …",
     * "Rebuilding the cache: syncing demo (Condition 120)"), or "" when the cache reads fine.
     */
    public ReadOnlyStringProperty cacheNoteProperty() {
        return cacheNote.getReadOnlyProperty();
    }

    /** The cache is damaged and can be rebuilt: the worklist offers "Rebuild the cache". */
    public ReadOnlyBooleanProperty rebuildableProperty() {
        return rebuildable.getReadOnlyProperty();
    }

    /** A rebuild is running. */
    public ReadOnlyBooleanProperty rebuildingProperty() {
        return rebuilding.getReadOnlyProperty();
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
            status.set(count(shown.size(), all.size(), !q.isEmpty())
                    + (records > all.size() && !all.isEmpty() ? " (" + records + " records)" : ""));
        }
    }

    public ObservableList<WorklistRow> rows() {
        return shown;
    }

    /** The organizations of the worklist with a name and a colour each, stable while they stay the same (FX thread). */
    public OrgLegend legend() {
        return legend;
    }

    /** How many proposed links wait for review (0 until read). */
    public javafx.beans.property.ReadOnlyIntegerProperty possibleMatchesProperty() {
        return possibleMatches.getReadOnlyProperty();
    }

    /** The persons port the worklist reads (the candidate dialog and unlink use it too). */
    public PersonsPort persons() {
        return persons;
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
