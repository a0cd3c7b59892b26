package org.chartlens.ui.worklist;

import static org.chartlens.ui.common.Tables.text;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chartlens.ui.common.Tables;

/**
 * The "Find a patient" panel over a {@link FindViewModel}: the criteria and the organization
 * chooser on top (Enter in any field searches), the progress with Cancel, the notes in words, the
 * candidates; Enter or a double click on one (or Sync and open) brings the chart onto the
 * worklist and opens it. FX thread.
 */
public final class FindView extends BorderPane {
    private final TableView<FindViewModel.Row> table = Tables.table(
            "Type what you know about the patient and press Enter: each organization's own patient search "
                    + "answers. Nothing is stored until you choose a patient.");
    private final TextField name = field("find-name", "Any part of the name", 22);

    public FindView(FindViewModel vm) {
        setId("find");
        TextField birth = field("find-birth-date", "YYYY-MM-DD", 11);
        ComboBox<String> sex = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(FindViewModel.SEXES));
        sex.setId("find-sex");
        sex.valueProperty().bindBidirectional(vm.sexProperty());
        TextField identifier = field("find-identifier", "MRN or SYSTEM|VALUE", 18);
        ComboBox<FindViewModel.Choice> org = new ComboBox<>(vm.organizationChoices());
        org.setId("find-organization");
        org.valueProperty().bindBidirectional(vm.organizationProperty());
        name.textProperty().bindBidirectional(vm.nameProperty());
        birth.textProperty().bindBidirectional(vm.birthDateProperty());
        identifier.textProperty().bindBidirectional(vm.identifierProperty());
        for (TextField f : new TextField[] {name, birth, identifier}) {
            f.setOnAction(e -> vm.search());
        }

        Button search = new Button("Find");
        search.setId("find-search");
        search.getStyleClass().add("accent");
        search.setOnAction(e -> vm.search());
        Button cancel = new Button("Cancel");
        cancel.setId("find-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        String[] labels = {"Name", "Birth date", "Sex", "Identifier", "Organization"};
        Region[] inputs = {name, birth, sex, identifier, org};
        for (int i = 0; i < labels.length; i++) {
            Label l = new Label(labels[i]);
            l.setLabelFor(inputs[i]);
            l.getStyleClass().add("muted");
            form.add(l, i, 0);
            form.add(inputs[i], i, 1);
        }
        HBox buttons = new HBox(8, search, cancel);
        buttons.setAlignment(Pos.BOTTOM_LEFT);
        form.add(buttons, labels.length, 1);

        ProgressIndicator running = new ProgressIndicator();
        running.setId("find-progress");
        running.setPrefSize(18, 18);
        running.progressProperty().bind(vm.progressProperty());
        running.visibleProperty().bind(vm.busyProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label message = new Label();
        message.setId("find-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox status = new HBox(8, running, message);
        status.setAlignment(Pos.CENTER_LEFT);
        Label notes = new Label();
        notes.setId("find-notes");
        notes.textProperty().bind(vm.notesProperty());
        notes.getStyleClass().add("muted");
        notes.setWrapText(true);
        notes.setMinHeight(Region.USE_PREF_SIZE);
        notes.visibleProperty().bind(vm.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        VBox top = new VBox(10, form, status, notes);
        top.setPadding(new Insets(12));
        setTop(top);

        table.setId("find-results");
        table.getColumns().add(Tables.wrapped("Name", 220, r -> r.candidate().name()));
        table.getColumns().add(text("Birth date", 110, r -> r.candidate().birthDate()));
        table.getColumns().add(text("Sex", 80, r -> r.candidate().sex()));
        table.getColumns().add(text("City", 170, r -> r.candidate().city()));
        table.getColumns().add(Tables.wrapped("Identifiers", 380, FindViewModel.Row::identifiers));
        table.getColumns().add(text("Organization", 190, FindViewModel.Row::orgName));
        table.setItems(vm.rows());
        table.setRowFactory(tv -> {
            TableRow<FindViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.choose(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                e.consume();
                vm.choose(table.getSelectionModel().getSelectedItem());
            }
        });
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 12, 0, 12));

        Button open = new Button("Sync and open");
        open.setId("find-open");
        open.setOnAction(e -> vm.choose(table.getSelectionModel().getSelectedItem()));
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        Label hint = new Label("The chosen patient's chart is synced from their organization, added to the worklist"
                + " and opened.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox bottom = new HBox(10, hint, open);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(10, 12, 12, 12));
        setBottom(bottom);
        // after a search, Down in a field goes to the first candidate
        for (TextField f : new TextField[] {name, birth, identifier}) {
            f.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                    table.requestFocus();
                    table.getSelectionModel().selectFirst();
                }
            });
        }
        vm.refreshOrganizations();
    }

    private static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }

    /** Puts the caret in the name field (Ctrl+Shift+F). */
    public void focusName() {
        name.requestFocus();
    }

    public TableView<FindViewModel.Row> table() {
        return table;
    }
}
