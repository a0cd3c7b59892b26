package org.chartlens.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chartlens.connect.Organization;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.OrganizationStatus;
import org.chartlens.ui.port.OrganizationsPort;
import org.chartlens.ui.port.SignInPort;

/**
 * The Organizations view's state: one row per organization of the user's with its sign-in status,
 * cached patients and its sync (running: how far; ended: done or what stopped it), and a message line; sign in,
 * sign out and sync one. The shell keeps one and tells it what changed ({@link #refresh()},
 * {@link #syncing}, {@link #synced}): it never needs a reload button. Port calls run on the task
 * executor; properties and the list change on the FX thread. Testable without a stage.
 *
 * <p>The sign-in waiting in the browser has cancel, open again and its link. Each attempt's outcome
 * is shown only while that attempt is the current one of its organization: a cancelled or replaced
 * attempt's late failure never shows.
 */
public final class OrganizationsViewModel {
    /**
     * One line of the table.
     *
     * @param sync the organization's sync as said in the Sync column ("" before any sync here)
     */
    public record Row(Organization org, OrganizationStatus status, int cachedPatients, String sync) {
        /** A sync can work now (signed in); otherwise the action is to sign in. */
        public boolean canSync() {
            return status.signedIn();
        }

        /** The label of the row's main action: "Sync" when it can work, else "Sign in". */
        public String action() {
            return canSync() ? "Sync" : "Sign in";
        }
    }

    /** A sign-in waiting for the user in the browser. */
    public record Pending(String orgId, String orgName, SignInPort.PendingSignIn attempt) {
        /** The sign-in page's address, or null. */
        public String link() {
            return attempt.link();
        }
    }

    private final OrganizationsPort organizations;
    private final SignInPort signIn;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final Consumer<String> sync;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Pending> pending = new ReadOnlyObjectWrapper<>();
    /** The current attempt of each organization (FX thread). */
    private final Map<String, SignInPort.PendingSignIn> current = new HashMap<>();
    /** The Sync column per organization id. FX thread. */
    private final Map<String, String> syncs = new HashMap<>();
    /** A read is running; {@link #again} asks for one more when it ends. FX thread. */
    private boolean reading;
    private boolean again;

    /**
     * @param fx   runs a task on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param sync starts a sync of the organization with the given id
     */
    public OrganizationsViewModel(OrganizationsPort organizations, SignInPort signIn, TaskExecutor tasks, Executor fx,
                                  Consumer<String> sync) {
        this.organizations = organizations;
        this.signIn = signIn;
        this.tasks = tasks;
        this.fx = fx;
        this.sync = sync;
    }

    /**
     * Reads every organization, its sign-in status and how many patients are cached from it (calls
     * during a read are coalesced into one more).
     */
    public void refresh() {
        if (reading) {
            again = true;
            return;
        }
        reading = true;
        tasks.submit(() -> {
            List<Row> out = new ArrayList<>();
            for (Organization o : organizations.organizations()) {
                OrganizationStatus s;
                int cached;
                try {
                    s = signIn.status(o.id());
                } catch (RuntimeException e) {
                    s = OrganizationStatus.signedOut("status unavailable");
                }
                try {
                    cached = organizations.cachedPatients(o.id());
                } catch (RuntimeException e) {
                    cached = 0;
                }
                out.add(new Row(o, s, cached, ""));
            }
            return out;
        }, read -> {
            rows.setAll(read.stream().map(r -> new Row(r.org(), r.status(), r.cachedPatients(), syncs.getOrDefault(r.org().id(), ""))).toList());
            readDone();
        }, e -> {
            message.set("Organizations could not be read.");
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

    /** A sync of {@code orgId} is running: {@code progress} says how far (counts only). FX thread. */
    public void syncing(String orgId, String progress) {
        setSync(orgId, "Syncing: " + progress);
    }

    /** A sync of {@code orgId} ended: {@code failure} is null when it completed. FX thread. */
    public void synced(String orgId, String failure, String at) {
        setSync(orgId, failure == null ? "Synced at " + at : "Stopped: " + failure);
    }

    private void setSync(String orgId, String text) {
        syncs.put(orgId, text);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.org().id().equals(orgId) && !r.sync().equals(text)) {
                rows.set(i, new Row(r.org(), r.status(), r.cachedPatients(), text));
            }
        }
    }

    /** The row's main action: sync when it can work, else sign in. */
    public void primary(Row r) {
        if (r.canSync()) {
            sync(r);
        } else {
            signIn(r);
        }
    }

    /** Starts a sign-in at an organization known by its id (a chart's Completeness tab, issue 17). */
    public void signIn(String orgId) {
        tasks.submit(() -> organizations.organizations().stream().filter(o -> o.id().equals(orgId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This organization is no longer configured.")),
                org -> signIn(new Row(org, OrganizationStatus.signedOut(null), 0, "")),
                e -> message.set("Sign-in failed: " + why(e)));
    }

    /** Starts a sign-in (replacing this organization's pending one); the browser opens. */
    public void signIn(Row r) {
        String id = r.org().id();
        SignInPort.PendingSignIn before = current.remove(id);
        if (before != null) {
            before.cancel();
        }
        message.set("Opening the sign-in page of " + r.org().name() + " in your browser…");
        tasks.submit(() -> signIn.startSignIn(id), attempt -> {
            current.put(id, attempt);
            pending.set(new Pending(id, r.org().name(), attempt));
            message.set(""); // the waiting sign-in shows with its own actions (pendingProperty)
            attempt.outcome().whenComplete((status, error) -> fx.execute(() -> ended(r.org(), attempt, error)));
        }, e -> message.set("Sign-in to " + r.org().name() + " failed: " + why(e)));
    }

    /** One attempt ended: shown only if it is still its organization's current attempt. FX thread. */
    private void ended(Organization org, SignInPort.PendingSignIn attempt, Throwable error) {
        if (!current.remove(org.id(), attempt)) {
            return; // cancelled or replaced: its outcome belongs to no one any more
        }
        if (pending.get() != null && pending.get().attempt() == attempt) {
            pending.set(null);
        }
        Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        message.set(e == null ? "Signed in to " + org.name() + "." : "Sign-in to " + org.name() + " failed: " + why(e));
        refresh();
    }

    /** Cancels the sign-in waiting in the browser. */
    public void cancelSignIn() {
        Pending p = pending.get();
        if (p == null) {
            return;
        }
        current.remove(p.orgId(), p.attempt());
        pending.set(null);
        p.attempt().cancel();
        message.set("Sign-in to " + p.orgName() + " cancelled.");
    }

    /** Opens the waiting sign-in's page in the browser again. */
    public void openAgain() {
        Pending p = pending.get();
        if (p != null) {
            tasks.submit(() -> {
                p.attempt().openAgain();
                return true;
            }, ok -> { }, e -> message.set("The browser could not be opened: " + why(e) + " Copy the link instead."));
        }
    }

    /** The link was copied (the view puts it on the clipboard). */
    public void linkCopied() {
        Pending p = pending.get();
        if (p != null) {
            message.set("Link copied: paste it into your browser to sign in to " + p.orgName() + ".");
        }
    }

    public void signOut(Row r) {
        tasks.submit(() -> {
            signIn.signOut(r.org().id());
            return true;
        }, ok -> {
            message.set("Signed out of " + r.org().name() + ".");
            refresh();
        }, e -> message.set("Sign-out failed."));
    }

    public void sync(Row r) {
        sync.accept(r.org().id());
    }

    /** A new editor adding an organization. */
    public OrganizationEditorViewModel adding() {
        return new OrganizationEditorViewModel(organizations, tasks, null, this::saved);
    }

    /** A new editor for the row's organization (name, client id, flow, scopes). */
    public OrganizationEditorViewModel editing(Row r) {
        return new OrganizationEditorViewModel(organizations, tasks, r.org(), this::saved);
    }

    private void saved(Organization o, boolean added) {
        message.set(added ? "Added " + o.name() + ". Sign in to it to sync." : "Saved " + o.name() + ".");
        refresh();
    }

    /** Removes the row's organization; its cached charts are kept or deleted as the user chose. */
    public void remove(Row r, boolean keepCharts) {
        tasks.submit(() -> {
            organizations.removeOrganization(r.org().id(), keepCharts);
            return true;
        }, ok -> {
            message.set("Removed " + r.org().name() + (r.cachedPatients() == 0 ? "."
                    : keepCharts ? "; its cached charts are kept." : " and deleted its cached charts."));
            refresh();
        }, e -> message.set("Removing " + r.org().name() + " failed: " + why(e)));
    }

    static String why(Throwable e) {
        return e.getMessage() == null ? "unknown reason" : e.getMessage();
    }

    /** The rows, read-only; FX thread. */
    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The sign-in waiting in the browser, or null. */
    public ReadOnlyObjectProperty<Pending> pendingProperty() {
        return pending.getReadOnlyProperty();
    }
}
