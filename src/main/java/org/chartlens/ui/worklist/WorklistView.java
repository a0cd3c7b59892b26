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
        status.setId("worklist-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, search, status, grow, refresh, all);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12));
        setTop(new javafx.scene.layout.VBox(bar, cacheNote(vm)));

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
        // issue 17: what arrived or changed since the reviewer's last review of the person
        TableColumn<WorklistRow, String> since = text("Since your review", 170, vm::reviewNote);
        since.setId("worklist-since-review");
        table.getColumns().add(since);
        table.setItems(vm.rows());
        javafx.scene.Node empty = table.getPlaceholder();
        Label unreadable = new Label("The patient list cannot be shown while the cache cannot be read.");
        unreadable.getStyleClass().add("empty-state");
        unreadable.setWrapText(true);
        vm.cacheNoteProperty().addListener((o, was, now) -> table.setPlaceholder(now.isEmpty() ? empty : unreadable));
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
     * The grey note under the search bar when the cache cannot be read, with "Rebuild the cache"
     * and, while it runs, its progress; hidden otherwise.
     */
    private static HBox cacheNote(WorklistViewModel vm) {
        Label note = new Label();
        note.setId("worklist-cache-note");
        note.textProperty().bind(vm.cacheNoteProperty());
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(note, Priority.ALWAYS);
        Button rebuild = new Button("Rebuild the cache");
        rebuild.setId("worklist-rebuild");
        rebuild.setMinWidth(Region.USE_PREF_SIZE);
        rebuild.setTooltip(new javafx.scene.control.Tooltip("Moves the damaged file aside (it is kept), creates a new "
                + "cache and syncs every signed-in organization again."));
        rebuild.visibleProperty().bind(vm.rebuildableProperty());
        rebuild.managedProperty().bind(rebuild.visibleProperty());
        rebuild.setOnAction(e -> vm.rebuild());
        javafx.scene.control.ProgressIndicator running = new javafx.scene.control.ProgressIndicator();
        running.setId("worklist-rebuilding");
        running.setPrefSize(18, 18);
        running.visibleProperty().bind(vm.rebuildingProperty());
        running.managedProperty().bind(running.visibleProperty());
        HBox box = new HBox(10, running, note, rebuild);
        box.setId("worklist-cache-problem");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 12, 12, 12));
        box.visibleProperty().bind(vm.cacheNoteProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
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
