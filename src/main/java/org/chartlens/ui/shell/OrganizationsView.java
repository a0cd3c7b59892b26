package org.chartlens.ui.shell;

import static org.chartlens.ui.common.Tables.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.chartlens.connect.Organization;
import org.chartlens.ui.common.Tables;
import org.chartlens.ui.common.TaskExecutor;

/**
 * Organizations: who we are signed in as, granted and refused scopes, token and refresh
 * expiry, the last error; sign in, sign out, sync. Every service call runs off the FX thread.
 */
public final class OrganizationsView extends BorderPane {
    /** One line of the table. */
    public record Row(Organization org, AppServices.OrganizationStatus status) {
    }

    private final AppServices services;
    private final TaskExecutor tasks;
    private final TableView<Row> table = Tables.table("No organizations yet. Add one from the welcome screen.");
    private final Label message = new Label();

    public OrganizationsView(AppServices services, TaskExecutor tasks, java.util.function.Consumer<String> sync) {
        this.services = services;
        this.tasks = tasks;
        setId("organizations");
        table.setId("organizations-table");
        table.getColumns().add(text("Organization", 180, r -> r.org().name()));
        table.getColumns().add(text("FHIR base", 220, r -> r.org().fhirBase() == null ? "" : r.org().fhirBase().toString()));
        table.getColumns().add(text("Signed in as", 150, r -> r.status().signedIn()
                ? (r.status().signedInAs() == null ? "(signed in)" : r.status().signedInAs()) : "not signed in"));
        table.getColumns().add(text("Granted scopes", 200, r -> String.join(" ", r.status().grantedScopes())));
        table.getColumns().add(text("Refused", 120, r -> String.join(" ", r.status().refusedScopes())));
        table.getColumns().add(text("Token expires", 120, r -> when(r.status().tokenExpires())));
        table.getColumns().add(text("Refresh expires", 120, r -> when(r.status().refreshExpires())));
        table.getColumns().add(text("Last error", 200, r -> r.status().lastError() == null ? "" : r.status().lastError()));
        Button signIn = new Button("Sign in");
        signIn.setOnAction(e -> withSelected(r -> {
            message.setText("Signing in to " + r.org().name() + " in your browser…");
            tasks.submit(() -> services.signIn(r.org().id()), s -> {
                message.setText("Signed in to " + r.org().name());
                refresh();
            }, ex -> message.setText("Sign-in failed: " + (ex.getMessage() == null ? "unknown reason" : ex.getMessage())));
        }));
        Button signOut = new Button("Sign out");
        signOut.setOnAction(e -> withSelected(r -> tasks.submit(() -> {
            services.signOut(r.org().id());
            return true;
        }, ok -> refresh(), ex -> message.setText("Sign-out failed."))));
        Button syncBtn = new Button("Sync");
        syncBtn.setOnAction(e -> withSelected(r -> sync.accept(r.org().id())));
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> refresh());
        for (Button b : List.of(signIn, signOut, syncBtn)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox bar = new HBox(10, signIn, signOut, syncBtn, reload, message);
        bar.setPadding(new Insets(12));
        setTop(bar);
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 12, 12, 12));
        refresh();
    }

    static String when(Instant t) {
        return t == null ? "" : t.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    private void withSelected(java.util.function.Consumer<Row> c) {
        Row r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            c.accept(r);
        }
    }

    public void refresh() {
        tasks.submit(() -> {
            List<Row> rows = new ArrayList<>();
            for (Organization o : services.organizations()) {
                AppServices.OrganizationStatus s;
                try {
                    s = services.status(o.id());
                } catch (RuntimeException e) {
                    s = AppServices.OrganizationStatus.signedOut("status unavailable");
                }
                rows.add(new Row(o, s));
            }
            return rows;
        }, rows -> table.getItems().setAll(rows), e -> message.setText("Organizations could not be read."));
    }

    public TableView<Row> table() {
        return table;
    }
}
