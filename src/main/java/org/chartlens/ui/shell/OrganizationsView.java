package org.chartlens.ui.shell;

import static org.chartlens.ui.common.Tables.text;

import java.time.Instant;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.chartlens.ui.common.Tables;
import org.chartlens.ui.shell.OrganizationsViewModel.Row;

/**
 * Organizations: who we are signed in as, the sync (running or how it ended), granted and
 * refused scopes, token and refresh expiry, the last error; sign in, sign out, sync. Follows its
 * view model as it changes (no reload button). Shows an {@link OrganizationsViewModel} and
 * forwards the user's actions to it. FX thread.
 */
public final class OrganizationsView extends BorderPane {
    private final OrganizationsViewModel vm;
    private final TableView<Row> table = Tables.table("No organizations yet: Add organization (in the toolbar) or open the demo organization.");

    public OrganizationsView(OrganizationsViewModel vm) {
        this.vm = vm;
        setId("organizations");
        table.setId("organizations-table");
        table.getColumns().add(text("Organization", 170, r -> r.org().name()));
        table.getColumns().add(text("FHIR base", 180, r -> r.org().fhirBase() != null ? r.org().fhirBase().toString()
                : r.org().sandboxProfile() != null ? "on this computer" : ""));
        table.getColumns().add(text("Signed in as", 150, r -> r.status().signedIn()
                ? (r.status().signedInAs() == null ? "(signed in)" : r.status().signedInAs()) : "not signed in"));
        table.getColumns().add(text("Sync", 180, Row::sync));
        table.getColumns().add(text("Granted scopes", 130, r -> String.join(" ", r.status().grantedScopes())));
        table.getColumns().add(text("Refused", 80, r -> String.join(" ", r.status().refusedScopes())));
        table.getColumns().add(text("Token expires", 175, r -> when(r.status().tokenExpires())));
        table.getColumns().add(text("Refresh expires", 175, r -> when(r.status().refreshExpires())));
        table.getColumns().add(text("Last error", 150, r -> r.status().lastError() == null ? "" : r.status().lastError()));
        table.setItems(vm.rows());
        Button signIn = new Button("Sign in");
        signIn.setOnAction(e -> withSelected(vm::signIn));
        Button signOut = new Button("Sign out");
        signOut.setOnAction(e -> withSelected(vm::signOut));
        Button syncBtn = new Button("Sync");
        syncBtn.setOnAction(e -> withSelected(vm::sync));
        for (Button b : List.of(signIn, signOut, syncBtn)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(10, signIn, signOut, syncBtn, message);
        bar.setPadding(new Insets(12));
        setTop(bar);
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 12, 12, 12));
        vm.refresh();
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

    public OrganizationsViewModel viewModel() {
        return vm;
    }

    public TableView<Row> table() {
        return table;
    }
}
