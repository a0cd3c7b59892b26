package org.chartlens.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * The Organizations view's state: one row per organization of the user's with its sign-in status
 * and its sync (running: how far; ended: done or what stopped it), and a message line; sign in,
 * sign out and sync one. The shell keeps one and tells it what changed ({@link #refresh()},
 * {@link #syncing}, {@link #synced}): it never needs a reload button. Port calls run on the task
 * executor; properties and the list change on the FX thread. Testable without a stage.
 */
public final class OrganizationsViewModel {
    /**
     * One line of the table.
     *
     * @param sync the organization's sync as said in the Sync column ("" before any sync here)
     */
    public record Row(Organization org, OrganizationStatus status, String sync) {
    }

    private final OrganizationsPort organizations;
    private final SignInPort signIn;
    private final TaskExecutor tasks;
    private final Consumer<String> sync;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** The Sync column per organization id. FX thread. */
    private final Map<String, String> syncs = new HashMap<>();
    /** A read is running; {@link #again} asks for one more when it ends. FX thread. */
    private boolean reading;
    private boolean again;

    /** @param sync starts a sync of the organization with the given id */
    public OrganizationsViewModel(OrganizationsPort organizations, SignInPort signIn, TaskExecutor tasks,
                                  Consumer<String> sync) {
        this.organizations = organizations;
        this.signIn = signIn;
        this.tasks = tasks;
        this.sync = sync;
    }

    /** Reads every organization and its sign-in status (calls during a read are coalesced into one more). */
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
                try {
                    s = signIn.status(o.id());
                } catch (RuntimeException e) {
                    s = OrganizationStatus.signedOut("status unavailable");
                }
                out.add(new Row(o, s, ""));
            }
            return out;
        }, read -> {
            rows.setAll(read.stream().map(r -> new Row(r.org(), r.status(), syncs.getOrDefault(r.org().id(), ""))).toList());
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
                rows.set(i, new Row(r.org(), r.status(), text));
            }
        }
    }

    public void signIn(Row r) {
        message.set("Signing in to " + r.org().name() + " in your browser…");
        tasks.submit(() -> signIn.signIn(r.org().id()), s -> {
            message.set("Signed in to " + r.org().name());
            refresh(); // also told by the change signal; without one (tests, screenshots) this keeps it true
        }, e -> message.set("Sign-in failed: " + (e.getMessage() == null ? "unknown reason" : e.getMessage())));
    }

    public void signOut(Row r) {
        tasks.submit(() -> {
            signIn.signOut(r.org().id());
            return true;
        }, ok -> refresh(), e -> message.set("Sign-out failed."));
    }

    public void sync(Row r) {
        sync.accept(r.org().id());
    }

    /** The rows, read-only; FX thread. */
    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
