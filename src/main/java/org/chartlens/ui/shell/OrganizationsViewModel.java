package org.chartlens.ui.shell;

import java.util.ArrayList;
import java.util.List;
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
 * The Organizations view's state: one row per organization with its sign-in status, and a
 * message line; sign in, sign out and sync one. Port calls run on the task executor; properties
 * and the list change on the FX thread. Testable without a stage.
 */
public final class OrganizationsViewModel {
    /** One line of the table. */
    public record Row(Organization org, OrganizationStatus status) {
    }

    private final OrganizationsPort organizations;
    private final SignInPort signIn;
    private final TaskExecutor tasks;
    private final Consumer<String> sync;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** @param sync starts a sync of the organization with the given id */
    public OrganizationsViewModel(OrganizationsPort organizations, SignInPort signIn, TaskExecutor tasks,
                                  Consumer<String> sync) {
        this.organizations = organizations;
        this.signIn = signIn;
        this.tasks = tasks;
        this.sync = sync;
    }

    /** Reads every organization and its sign-in status. */
    public void refresh() {
        tasks.submit(() -> {
            List<Row> out = new ArrayList<>();
            for (Organization o : organizations.organizations()) {
                OrganizationStatus s;
                try {
                    s = signIn.status(o.id());
                } catch (RuntimeException e) {
                    s = OrganizationStatus.signedOut("status unavailable");
                }
                out.add(new Row(o, s));
            }
            return out;
        }, rows::setAll, e -> message.set("Organizations could not be read."));
    }

    public void signIn(Row r) {
        message.set("Signing in to " + r.org().name() + " in your browser…");
        tasks.submit(() -> signIn.signIn(r.org().id()), s -> {
            message.set("Signed in to " + r.org().name());
            refresh();
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
