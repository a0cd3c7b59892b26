package org.chartlens.ui.worklist;

import static org.chartlens.ui.common.Tables.text;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.chartlens.ui.common.Tables;

/** The worklist table with search and sync actions. Enter or double click opens a chart. FX thread. */
public final class WorklistView extends BorderPane {
    private final Button find = new Button("Find a patient…");
    private final TableView<WorklistRow> table = Tables.table(
            "No patients in the cache yet. Open the demo organization or sign in to your organization and sync.");
    /** Opens the candidate dialog: for a row's person, or every proposal (null). */
    private Consumer<WorklistRow> reviewMatches = r -> { };
    /** "Add to referrals…" for a row (issue 17). */
    private Consumer<WorklistRow> refer = r -> { };
    /** Takes one record out of a row's person. */
    private java.util.function.BiConsumer<WorklistRow, org.chartlens.domain.PatientRef> unlink = (r, ref) -> { };

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
        find.setId("worklist-find");
        find.setTooltip(new javafx.scene.control.Tooltip("Search your signed-in organizations for a patient not on "
                + "the worklist yet (Ctrl+Shift+F)"));
        find.setVisible(false);
        find.managedProperty().bind(find.visibleProperty());
        Label status = new Label();
        status.setId("worklist-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button review = new Button();
        review.setId("worklist-review-matches");
        review.textProperty().bind(vm.possibleMatchesProperty().asString("Review possible matches (%d)"));
        review.visibleProperty().bind(vm.possibleMatchesProperty().greaterThan(0));
        review.managedProperty().bind(review.visibleProperty());
        review.setOnAction(e -> reviewMatches.accept(null));
        HBox bar = new HBox(10, search, status, grow, review, find, refresh, all);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12));
        setTop(new javafx.scene.layout.VBox(bar, cacheNote(vm)));

        table.setId("worklist-table");
        table.getColumns().add(WorklistPersonColumns.name(vm::restrictedNote));
        table.getColumns().add(text("Date of birth", 110, r -> r.summary().birthDate().dateOnly()));
        table.getColumns().add(text("Age", 60, r -> r.summary().age()));
        table.getColumns().add(text("Sex", 70, r -> r.summary().sex()));
        table.getColumns().add(WorklistPersonColumns.organizations(vm::legend));
        table.getColumns().add(text("Identifier", 170, r -> r.summary().identifiers().stream()
                .filter(i -> i.label().contains("Medical Record") || i.label().equals("MR"))
                .map(i -> "MRN " + i.value()).findFirst().orElse(r.id())));
        table.getColumns().add(WorklistPersonColumns.synced());
        table.getColumns().add(WorklistPersonColumns.matches(r -> reviewMatches.accept(r)));
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
            WorklistPersonColumns.contextMenu(row, open, r -> refer.accept(r), r -> reviewMatches.accept(r),
                    (r, ref) -> unlink.accept(r, ref));
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
            } else if (e.getCode() == KeyCode.R && e.isShortcutDown() && table.getSelectionModel().getSelectedItem() != null) {
                refer.accept(table.getSelectionModel().getSelectedItem());
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
        WorklistRow[] selected = {null};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selected[0] = now;
            }
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<WorklistRow>) c -> {
            if (selected[0] == null || table.getSelectionModel().getSelectedItem() != null) {
                return;
            }
            int at = -1;
            for (int i = 0; i < vm.rows().size() && at < 0; i++) {
                if (key(vm.rows().get(i)).equals(key(selected[0]))) {
                    at = i;
                }
            }
            // linked or unlinked since: the row that now holds the selected person's first record
            for (int i = 0; i < vm.rows().size() && at < 0; i++) {
                if (vm.rows().get(i).refs().contains(selected[0].refs().get(0))) {
                    at = i;
                }
            }
            if (at >= 0) {
                table.getSelectionModel().select(at);
            }
        });
    }

    private static String key(WorklistRow r) {
        return r.personId();
    }

    /** What the possible-matches action and "Review possible matches (N)" open (null: every proposal). */
    public void setOnReviewMatches(Consumer<WorklistRow> review) {
        reviewMatches = review;
    }

    /** What "Add to referrals…" (row menu, Ctrl+R) does with the row. */
    public void setOnRefer(Consumer<WorklistRow> action) {
        refer = action;
    }

    /** What the context menu's "Unlink ..." does with the row and the record to take out. */
    public void setOnUnlink(java.util.function.BiConsumer<WorklistRow, org.chartlens.domain.PatientRef> action) {
        unlink = action;
    }

    /** Shows "Find a patient…" in the toolbar, which runs {@code open}. */
    public void setOnFind(Runnable open) {
        find.setOnAction(e -> open.run());
        find.setVisible(true);
    }

    public TableView<WorklistRow> table() {
        return table;
    }
}
