package org.chartlens.ui.shell;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.OrganizationsPort;
import org.chartlens.ui.port.SyncPort;

/**
 * The status area: the last message and error in plain words, and sync progress with cancel;
 * also the sync actions that feed it. Sync listeners may be called from any thread: they hop to
 * the FX thread through {@code fx}, progress coalesced so at most one hop is pending at a time.
 * Properties: FX thread. Testable without a stage (same-thread executors).
 */
public final class StatusViewModel {
    /** Progress value meaning "unknown" (as {@code ProgressBar.INDETERMINATE_PROGRESS}). */
    public static final double UNKNOWN = -1;

    private final SyncPort sync;
    private final OrganizationsPort organizations;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper auditWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper();
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    /** The syncs started here and not yet finished; Cancel stops them all. FX thread. */
    private final java.util.List<SyncPort.Handle> running = new java.util.ArrayList<>();
    private Runnable onSynced = () -> { };
    private final ReadOnlyStringWrapper matches = new ReadOnlyStringWrapper("");
    private Runnable onReviewMatches = () -> { };

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public StatusViewModel(SyncPort sync, OrganizationsPort organizations, TaskExecutor tasks, Executor fx) {
        this.sync = sync;
        this.organizations = organizations;
        this.tasks = tasks;
        this.fx = fx;
    }

    /** Runs on the FX thread after each sync started here has finished (the worklist reloads). */
    public void setOnSynced(Runnable r) {
        onSynced = r;
    }

    /** "3 possible matches to review" (issue 14: after a sync, the proposed links waiting), "" for none. FX thread. */
    public void possibleMatches(int n) {
        matches.set(n <= 0 ? "" : n + (n == 1 ? " possible match" : " possible matches") + " to review");
    }

    public ReadOnlyStringProperty matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    /** What the status area's "Review" button opens (the candidate dialog). */
    public void setOnReviewMatches(Runnable r) {
        onReviewMatches = r;
    }

    public void reviewMatches() {
        onReviewMatches.run();
    }

    public void info(String text) {
        message.set(text);
    }

    public void error(String text) {
        error.set(text == null ? "" : text);
    }

    /** The audit-log warning (a tampered chain), kept apart from sync errors so none replaces it; "" clears. */
    public void auditWarning(String text) {
        auditWarning.set(text == null ? "" : text);
    }

    /** Syncs every patient of one organization. */
    public void sync(String org) {
        sync(org, null);
    }

    /** Syncs one patient ({@code patientId} not null) or the whole organization. */
    public void sync(String org, String patientId) {
        error(null);
        SyncPort.Handle[] mine = new SyncPort.Handle[1];
        boolean[] ended = {false};
        SyncPort.Listener l = listener(() -> {
            ended[0] = true;
            running.remove(mine[0]);
            onSynced.run();
        });
        tasks.submit(() -> sync.startSync(org, patientId, l), h -> {
            if (!ended[0]) {
                mine[0] = h;
                running(h);
            }
        },
                e -> error("Sync could not start: " + (e.getMessage() == null ? "unknown reason" : e.getMessage())));
    }

    /** Syncs every configured organization. */
    public void syncAll() {
        tasks.submit(organizations::organizations, orgs -> orgs.forEach(o -> sync(o.id())),
                e -> error("Organizations could not be read."));
    }

    /** Cancels every running sync started here (each stops within moments and keeps what it wrote). */
    public void cancel() {
        if (!running.isEmpty()) {
            java.util.List.copyOf(running).forEach(SyncPort.Handle::cancel);
            message.set("Cancelling…");
        }
    }

    /** A listener that shows progress here; {@code done} runs on the FX thread at the end. */
    public SyncPort.Listener listener(Runnable done) {
        return new SyncPort.Listener() {
            @Override
            public void progress(String org, String type, int count, double overall) {
                post(() -> {
                    syncing.set(true);
                    cancellable.set(!running.isEmpty());
                    progress.set(overall < 0 ? UNKNOWN : overall);
                    message.set("Syncing " + org + (type == null ? "" : ": " + type + " " + count));
                });
            }

            @Override
            public void finished(String org, String failure) {
                fx.execute(() -> {
                    message.set(failure == null ? "Sync of " + org + " complete" : "Sync of " + org + " stopped");
                    error(failure);
                    done.run();
                    syncing.set(!running.isEmpty());
                    cancellable.set(!running.isEmpty());
                });
            }
        };
    }

    /** The sync that Cancel stops. FX thread. */
    void running(SyncPort.Handle h) {
        if (h != null) {
            running.add(h);
        }
        cancellable.set(!running.isEmpty());
    }

    private void post(Runnable r) {
        if (pending.getAndSet(r) == null) {
            fx.execute(() -> pending.getAndSet(null).run());
        }
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "The audit log has been tampered with: …", or "" when the last check found it intact. */
    public ReadOnlyStringProperty auditWarningProperty() {
        return auditWarning.getReadOnlyProperty();
    }

    /** 0..1, or {@link #UNKNOWN}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A sync is reporting progress. */
    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** A running sync can be cancelled now. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }
}
