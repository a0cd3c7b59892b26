package org.chartlens.ui.worklist;

import static org.chartlens.ui.common.Tables.text;

import java.time.Instant;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.chartlens.ui.chart.PatientBanner;
import org.chartlens.ui.common.Tables;

/** The worklist table with search and sync actions. Enter or double click opens a chart. FX thread. */
public final class WorklistView extends BorderPane {
    private final TableView<WorklistRow> table = Tables.table(
            "No patients in the cache yet. Open the demo organization or sign in to your organization and sync.");

    public WorklistView(WorklistViewModel vm, Consumer<WorklistRow> open, Consumer<WorklistRow> syncOne,
                        Runnable syncAll) {
        setId("worklist");
        TextField search = new TextField();
        search.setId("worklist-search");
        search.setPromptText("Search by name or identifier (Ctrl+F)");
        search.setPrefColumnCount(30);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });
        Button refresh = new Button("Sync selected");
        refresh.setOnAction(e -> {
            WorklistRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                syncOne.accept(r);
            }
        });
        refresh.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button all = new Button("Sync all organizations");
        all.setOnAction(e -> syncAll.run());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, search, status, grow, refresh, all);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12));
        setTop(bar);

        table.setId("worklist-table");
        table.getColumns().add(Tables.wrapped("Name", 240, r -> r.summary().name()));
        table.getColumns().add(text("Date of birth", 110, r -> r.summary().birthDate().dateOnly()));
        table.getColumns().add(text("Age", 60, r -> r.summary().age()));
        table.getColumns().add(text("Sex", 70, r -> r.summary().sex()));
        table.getColumns().add(text("Organization", 120, WorklistRow::org));
        table.getColumns().add(text("Identifier", 300, r -> r.summary().identifiers().stream()
                .filter(i -> i.label().contains("Medical Record") || i.label().equals("MR"))
                .map(i -> "MRN " + i.value()).findFirst().orElse(r.id())));
        TableColumn<WorklistRow, String> synced = text("Last synced", 170, r -> r.lastSynced() == null ? "never"
                : PatientBanner.ago(r.lastSynced(), Instant.now()) + (r.stale() ? "  ⚠ out of date" : ""));
        synced.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().remove("stale");
                if (!empty && s != null && s.contains("⚠")) {
                    getStyleClass().add("stale");
                }
            }
        });
        table.getColumns().add(synced);
        table.setItems(vm.rows());
        keepSelectionAcrossReloads(vm);
        table.setRowFactory(tv -> {
            TableRow<WorklistRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 12, 12, 12));
    }

    /**
     * The list reloads by itself while a sync writes: the patient the user selected stays
     * selected (matched by organization and id), so a keyboard user does not lose their place.
     */
    private void keepSelectionAcrossReloads(WorklistViewModel vm) {
        String[] selected = {null};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selected[0] = key(now);
            }
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<WorklistRow>) c -> {
            if (selected[0] == null || table.getSelectionModel().getSelectedItem() != null) {
                return;
            }
            for (int i = 0; i < vm.rows().size(); i++) {
                if (key(vm.rows().get(i)).equals(selected[0])) {
                    table.getSelectionModel().select(i);
                    return;
                }
            }
        });
    }

    private static String key(WorklistRow r) {
        return r.org() + ":" + r.id();
    }

    public TableView<WorklistRow> table() {
        return table;
    }
}
