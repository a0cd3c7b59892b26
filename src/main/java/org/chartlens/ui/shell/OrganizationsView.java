package org.chartlens.ui.shell;

import static org.chartlens.ui.common.Tables.text;

import java.time.Instant;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chartlens.ui.common.Tables;
import org.chartlens.ui.shell.OrganizationsViewModel.Row;

/**
 * Organizations: who we are signed in as, the sync (running or how it ended), granted and
 * refused scopes, token and refresh expiry, the last error, cached patients; add, edit and
 * remove; the main action is Sync when a sync can work and Sign in otherwise; a sign-in waiting
 * in the browser has Cancel, Open again and Copy link. Follows its view model as it changes (no
 * reload button). Shows an {@link OrganizationsViewModel} and forwards the user's actions to it.
 * FX thread.
 */
public final class OrganizationsView extends BorderPane {
    /** The remove dialog's choices. */
    public static final ButtonType KEEP = new ButtonType("Remove, keep charts", ButtonBar.ButtonData.OTHER);
    public static final ButtonType DELETE = new ButtonType("Remove, delete charts", ButtonBar.ButtonData.OTHER);

    private final OrganizationsViewModel vm;
    private final TableView<Row> table = Tables.table("No organizations yet: Add organization… above, or open the demo organization from the welcome screen.");
    private OrganizationDialog dialog;
    private Alert removing;
    private String selectedId;

    public OrganizationsView(OrganizationsViewModel vm) {
        this.vm = vm;
        setId("organizations");
        table.setId("organizations-table");
        table.getColumns().add(text("Organization", 200, r -> r.org().name()));
        table.getColumns().add(text("FHIR base", 170, r -> r.org().sandboxProfile() != null ? "(built-in demo EHR)"
                : r.org().fhirBase() == null ? "not set: Edit… to enter it" : r.org().fhirBase().toString()));
        table.getColumns().add(text("Signed in as", 170, r -> r.status().signedIn()
                ? (r.status().signedInAs() == null ? "(signed in)" : r.status().signedInAs()) : "not signed in"));
        table.getColumns().add(text("Patients cached", 110, r -> Integer.toString(r.cachedPatients())));
        table.getColumns().add(text("Sync", 140, Row::sync));
        table.getColumns().add(text("Granted scopes", 140, r -> String.join(" ", r.status().grantedScopes())));
        table.getColumns().add(text("Refused", 80, r -> String.join(" ", r.status().refusedScopes())));
        table.getColumns().add(text("Token expires", 115, r -> when(r.status().tokenExpires())));
        table.getColumns().add(text("Refresh expires", 115, r -> when(r.status().refreshExpires())));
        table.getColumns().add(text("Last error", 160, r -> r.status().lastError() == null ? "" : r.status().lastError()));
        table.setItems(vm.rows());

        Button add = button("org-add", "Add organization…", e -> openEditor(vm.adding()));
        Button primary = button("org-primary", "Sign in", e -> withSelected(vm::primary));
        Button edit = button("org-edit", "Edit…", e -> withSelected(r -> openEditor(vm.editing(r))));
        Button remove = button("org-remove", "Remove…", e -> withSelected(this::confirmRemove));
        Button signOut = button("org-sign-out", "Sign out", e -> withSelected(vm::signOut));
        var selected = table.getSelectionModel().selectedItemProperty();
        selected.addListener((o, a, r) -> {
            primary.setText(r == null ? "Sign in" : r.action());
            if (r != null) {
                selectedId = r.org().id();
            }
        });
        // the rows are replaced after each change: the same organization stays selected, and the
        // main action follows its new state
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> {
            Row again = vm.rows().stream().filter(r -> r.org().id().equals(selectedId)).findFirst().orElse(null);
            if (again != null) {
                table.getSelectionModel().select(again);
            }
            Row r = table.getSelectionModel().getSelectedItem();
            primary.setText(r == null ? "Sign in" : r.action());
        });
        primary.disableProperty().bind(selected.isNull());
        edit.disableProperty().bind(selected.isNull());
        remove.disableProperty().bind(selected.isNull());
        signOut.disableProperty().bind(selected.isNull());
        Label message = new Label();
        message.setId("organizations-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        HBox bar = new HBox(10, add, primary, edit, remove, signOut);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, bar, pendingBar(), message);
        top.setPadding(new Insets(12));
        setTop(top);
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 12, 12, 12));
        vm.refresh();
    }

    /** "Waiting for you to sign in…" with Cancel, Open again and Copy link, while a sign-in waits. */
    private HBox pendingBar() {
        Label waiting = new Label();
        Button cancel = button("sign-in-cancel", "Cancel sign-in", e -> vm.cancelSignIn());
        Button again = button("sign-in-open-again", "Open again", e -> vm.openAgain());
        Button copy = button("sign-in-copy-link", "Copy link", e -> {
            OrganizationsViewModel.Pending p = vm.pendingProperty().get();
            if (p != null && p.link() != null) {
                ClipboardContent c = new ClipboardContent();
                c.putString(p.link());
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
                vm.linkCopied();
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox pending = new HBox(10, waiting, grow, again, copy, cancel);
        pending.setId("sign-in-pending");
        pending.setAlignment(Pos.CENTER_LEFT);
        pending.setPadding(new Insets(8));
        pending.getStyleClass().add("welcome-card");
        pending.visibleProperty().bind(vm.pendingProperty().isNotNull());
        pending.managedProperty().bind(pending.visibleProperty());
        vm.pendingProperty().addListener((o, a, p) -> {
            waiting.setText(p == null ? "" : "Waiting for you to sign in to " + p.orgName() + " in your browser.");
            copy.setDisable(p == null || p.link() == null);
            again.setDisable(p == null || p.link() == null);
        });
        return pending;
    }

    /** Opens the add form with an address and client id typed elsewhere (the welcome screen), and checks it. */
    public void add(String url, String clientId) {
        OrganizationEditorViewModel editor = vm.adding();
        editor.urlProperty().set(url);
        editor.clientIdProperty().set(clientId);
        openEditor(editor);
        editor.check();
    }

    private void openEditor(OrganizationEditorViewModel editor) {
        dialog = new OrganizationDialog(editor);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.show();
    }

    private void confirmRemove(Row r) {
        removing = new Alert(Alert.AlertType.CONFIRMATION);
        removing.setTitle("Remove " + r.org().name());
        removing.setHeaderText("Remove " + r.org().name() + "?");
        removing.getDialogPane().setId("remove-dialog");
        removing.setContentText(r.cachedPatients() == 0 ? "ChartLens signs out of it. No charts from it are cached."
                : "ChartLens signs out of it. " + (r.cachedPatients() == 1 ? "1 patient's chart from it is"
                : r.cachedPatients() + " patients' charts from it are") + " cached on this computer: keep them"
                + " (still readable, no longer synced) or delete them?");
        removing.getDialogPane().setPrefWidth(640);
        removing.getButtonTypes().setAll(KEEP, DELETE, ButtonType.CANCEL);
        if (getScene() != null) {
            removing.initOwner(getScene().getWindow());
        }
        removing.resultProperty().addListener((o, a, b) -> {
            if (b == KEEP || b == DELETE) {
                vm.remove(r, b == KEEP);
            }
        });
        removing.show();
    }

    private static Button button(String id, String text, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(action);
        return b;
    }

    /** "today 09:47", "tomorrow 09:47", or "5 Mar 2027" (local time): short enough for its column. */
    static String when(Instant t) {
        if (t == null) {
            return "";
        }
        java.time.ZonedDateTime z = t.atZone(java.time.ZoneId.systemDefault());
        java.time.LocalDate today = java.time.LocalDate.now(z.getZone());
        String time = String.format(java.util.Locale.ROOT, "%02d:%02d", z.getHour(), z.getMinute());
        if (z.toLocalDate().equals(today)) {
            return "today " + time;
        }
        if (z.toLocalDate().equals(today.plusDays(1))) {
            return "tomorrow " + time;
        }
        return z.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH));
    }

    private void withSelected(Consumer<Row> c) {
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

    /** The add / edit dialog last opened, or null. */
    public OrganizationDialog dialog() {
        return dialog;
    }

    /** The remove confirmation last opened, or null. */
    public Alert removeDialog() {
        return removing;
    }
}
