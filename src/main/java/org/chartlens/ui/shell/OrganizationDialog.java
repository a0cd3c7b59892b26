package org.chartlens.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.chartlens.connect.Organization;

/**
 * Add or edit an organization: name, FHIR base (checked as soon as it is typed, fixed when
 * editing), client id, sign-in flow and scopes, and what the check found. Save stays open on a
 * refusal and says why; it closes once the organization is stored. Shows an
 * {@link OrganizationEditorViewModel}. FX thread.
 */
public final class OrganizationDialog extends Dialog<Boolean> {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    public OrganizationDialog(OrganizationEditorViewModel vm) {
        setTitle(vm.adding() ? "Add an organization" : "Edit organization");
        getDialogPane().setId("organization-dialog");
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);

        TextField name = field("org-name", "e.g. St Mary's Clinic", vm.nameProperty());
        TextField url = field("org-url", "https://fhir.example.org/r4", vm.urlProperty());
        url.setEditable(vm.baseEditable());
        url.setDisable(!vm.baseEditable());
        Button check = new Button("Check");
        check.setId("org-check");
        check.setOnAction(e -> vm.check());
        check.disableProperty().bind(vm.busyProperty());
        check.setVisible(vm.baseEditable());
        check.setManaged(vm.baseEditable());
        // checked as soon as the user leaves the field
        url.focusedProperty().addListener((o, was, now) -> {
            if (was && !now && vm.baseEditable() && !url.getText().isBlank()) {
                vm.check();
            }
        });
        TextField clientId = field("org-client-id", "client id from your app registration", vm.clientIdProperty());
        ComboBox<Organization.Flow> flow = new ComboBox<>();
        flow.setId("org-flow");
        flow.getItems().setAll(vm.flows());
        flow.valueProperty().bindBidirectional(vm.flowProperty());
        flow.setConverter(new StringConverter<>() {
            @Override
            public String toString(Organization.Flow f) {
                return f == null ? "" : flowName(f);
            }

            @Override
            public Organization.Flow fromString(String s) {
                return null;
            }
        });
        TextField scopes = field("org-scopes", "space-separated scopes", vm.scopesProperty());

        Label found = new Label();
        found.setId("org-found");
        found.setWrapText(true);
        found.textProperty().bind(vm.foundProperty());
        found.managedProperty().bind(found.textProperty().isNotEmpty());
        Label error = new Label();
        error.setId("org-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.getStyleClass().add("status-error");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("FHIR base URL"), url, check);
        form.addRow(2, new Label("Client id"), clientId);
        form.addRow(3, new Label("Sign-in"), flow);
        form.addRow(4, new Label("Scopes"), scopes);
        GridPane.setHgrow(url, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "FHIR base URL" never cut short
        form.getColumnConstraints().add(labels);
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane.setColumnSpan(name, 2);
        GridPane.setColumnSpan(clientId, 2);
        GridPane.setColumnSpan(scopes, 2);
        Label note = new Label(vm.baseEditable()
                ? "ChartLens looks at the server as soon as you type its address: it must answer as a FHIR server."
                + " The client id comes from registering ChartLens with the organization."
                : "The FHIR base is this organization's identity: to use another server, add it as its own"
                + " organization.");
        note.setWrapText(true);
        note.getStyleClass().add("preset-description");
        VBox content = new VBox(12, form, found, error, note);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(640);
        // the messages wrap at the form's width and take the height they need
        for (Label l : new Label[] {found, error, note}) {
            l.setMaxWidth(632);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getDialogPane().setContent(content);

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("org-save");
        save.disableProperty().bind(vm.busyProperty());
        // Save closes the dialog only once stored; a refusal keeps it open with the reason
        save.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.save();
        });
        vm.doneProperty().addListener((o, was, done) -> {
            if (done) {
                setResult(true);
                close();
            }
        });
        setResultConverter(b -> b == SAVE);
    }

    static String flowName(Organization.Flow f) {
        return switch (f) {
            case PKCE -> "In the browser (authorization code + PKCE)";
            case SECRET -> "In the browser, with a client secret";
            case BACKEND -> "Backend service (no user; a registered key)";
            case PASSWORD -> "Password (only where the vendor requires it)";
        };
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(34);
        f.textProperty().bindBidirectional(value);
        return f;
    }
}
