package org.chartlens.ui.worklist;

import static org.chartlens.ui.common.Tables.text;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.common.Tables;

/**
 * The referral list (issue 17, the clinic day): by due day, "Overdue by 2 days" and "Due today" in
 * words (and in the warning colours), the reason, and what is new since your review. Enter or a
 * double click opens the person's chart; the row menu and the buttons change or remove an entry.
 * People are added from the worklist's row menu ("Add to referrals…"). FX thread.
 */
public final class ReferralsView extends BorderPane {
    private final TableView<ReferralsViewModel.Row> table = Tables.table(
            "Nobody is on the referral list. On the worklist, right-click a patient (or select one and press Ctrl+R) "
                    + "and choose \"Add to referrals…\" to put them on it with the day they are due.");

    /**
     * @param open opens the chart of a person's records
     * @param edit opens the referral dialog for a person's records and name
     */
    public ReferralsView(ReferralsViewModel vm, Consumer<List<PatientRef>> open,
                         java.util.function.BiConsumer<List<PatientRef>, String> edit) {
        setId("referrals");
        Label title = new Label("Referral list");
        title.getStyleClass().add("card-title");
        Label status = new Label();
        status.setId("referrals-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button openBtn = new Button("Open chart");
        openBtn.setOnAction(e -> selected(r -> open.accept(r.entry().records())));
        Button editBtn = new Button("Change due day or reason…");
        editBtn.setId("referrals-edit");
        editBtn.setOnAction(e -> selected(r -> edit.accept(r.entry().records(), r.entry().name())));
        Button removeBtn = new Button("Take off the list…");
        removeBtn.setId("referrals-remove");
        removeBtn.setOnAction(e -> selected(r -> confirmRemove(vm, r)));
        for (Button b : List.of(openBtn, editBtn, removeBtn)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox bar = new HBox(10, title, status, grow, openBtn, editBtn, removeBtn);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12));
        setTop(bar);

        table.setId("referrals-table");
        table.getColumns().add(text("Due", 130, ReferralsViewModel.Row::dueText));
        table.getColumns().add(when());
        table.getColumns().add(Tables.wrapped("Name", 180, r -> r.entry().name()));
        table.getColumns().add(text("Date of birth", 110, r -> r.entry().birthDate()));
        table.getColumns().add(Tables.wrapped("Reason", 360, r -> r.entry().reason()));
        TableColumn<ReferralsViewModel.Row, String> since = text("Since your review", 170,
                ReferralsViewModel.Row::sinceReview);
        since.setId("referrals-since-review");
        table.getColumns().add(since);
        table.getColumns().add(text("Organizations", 180, r -> String.join(", ", r.entry().organizations())));
        table.setItems(vm.rows());
        table.setRowFactory(tv -> {
            TableRow<ReferralsViewModel.Row> row = new TableRow<>();
            row.itemProperty().addListener((o, was, r) -> row.setContextMenu(r == null ? null : menu(vm, r, open, edit)));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().entry().records());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selected(r -> open.accept(r.entry().records()));
            } else if (e.getCode() == KeyCode.DELETE) {
                selected(r -> confirmRemove(vm, r));
            }
        });
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 12, 12, 12));
    }

    /** "Overdue by 2 days" / "Due today" in bold warning colours, "Tomorrow" / "In 5 days" plain. */
    private static TableColumn<ReferralsViewModel.Row, String> when() {
        TableColumn<ReferralsViewModel.Row, String> c = text("When", 150, ReferralsViewModel.Row::when);
        c.setId("referrals-when");
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("referral-overdue", "referral-today");
                ReferralsViewModel.Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : s);
                if (r != null && r.urgency() > 0) {
                    getStyleClass().add(r.urgency() == 2 ? "referral-overdue" : "referral-today");
                }
            }
        });
        return c;
    }

    private static ContextMenu menu(ReferralsViewModel vm, ReferralsViewModel.Row r, Consumer<List<PatientRef>> open,
                                    java.util.function.BiConsumer<List<PatientRef>, String> edit) {
        MenuItem o = new MenuItem("Open the chart");
        o.setOnAction(e -> open.accept(r.entry().records()));
        MenuItem ed = new MenuItem("Change due day or reason…");
        ed.setOnAction(e -> edit.accept(r.entry().records(), r.entry().name()));
        MenuItem rm = new MenuItem("Take off the referral list…");
        rm.setOnAction(e -> confirmRemove(vm, r));
        return new ContextMenu(o, ed, rm);
    }

    /** Asks first: a tired click must not drop someone from tomorrow's clinic. */
    private static void confirmRemove(ReferralsViewModel vm, ReferralsViewModel.Row r) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Take " + r.entry().name() + " (due " + r.dueText() + ") off the referral list?",
                new ButtonType("Take off the list", javafx.scene.control.ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        a.setHeaderText(null);
        a.setTitle("Referral list");
        a.showAndWait().filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> vm.remove(r));
    }

    private void selected(Consumer<ReferralsViewModel.Row> action) {
        ReferralsViewModel.Row r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            action.accept(r);
        }
    }

    public TableView<ReferralsViewModel.Row> table() {
        return table;
    }
}
