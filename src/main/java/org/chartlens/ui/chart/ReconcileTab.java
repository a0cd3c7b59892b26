package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.chartlens.domain.ReconcileMark;
import org.chartlens.domain.ReconcileRow;
import org.chartlens.ui.common.Tables;

/**
 * The Reconcile tab (issue 17 section 3): one row per medication (by ingredient), problem and
 * allergy; one column per organization with its latest entry (status, dates, dose); the rows where
 * the organizations differ first, and said so in words ("⚠ Differs: status, dose"), not by colour
 * alone. Under the table the reviewer marks the selected row Same / Not the same / Not relevant
 * (Alt+S, Alt+N, Alt+R) with an optional note. A chart of one organization says there is nothing to
 * reconcile. Reads nothing itself: the state comes from {@link ReconcileViewModel}. FX thread.
 */
public final class ReconcileTab extends VBox {
    private final ReconcileViewModel vm;
    private final Function<String, String> orgName;
    private final Label summary = new Label("Comparing the organizations…");
    private final Label message = new Label();
    private final TableView<ReconcileRow> table = Tables.table("Nothing to compare: no medications, problems or allergies.");
    private final TextField note = new TextField();
    private final List<Button> verdicts = new ArrayList<>();
    private final Label selected = new Label("Select a row to mark it.");
    private final VBox body = new VBox(8);

    public ReconcileTab(ReconcileViewModel vm, Function<String, String> orgName) {
        this.vm = vm;
        this.orgName = orgName;
        setId("reconcile");
        setSpacing(8);
        setPadding(new Insets(10, 12, 10, 12));
        summary.setId("reconcile-summary");
        summary.getStyleClass().add("completeness-summary");
        summary.setWrapText(true);
        Label help = new Label("One row per medication (matched by ingredient), problem and allergy; one column per "
                + "organization with its latest entry. Rows where the organizations differ come first.");
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        table.setId("reconcile-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ReconcileRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("reconcile-differs");
                if (!empty && r != null && r.agreement() == ReconcileRow.Agreement.DIFFERS) {
                    getStyleClass().add("reconcile-differs");
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        body.getChildren().addAll(help, table, markBar());
        message.setId("reconcile-message");
        message.getStyleClass().add("muted");
        getChildren().addAll(summary, body, message);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> selectedRow(r));
        vm.stateProperty().addListener((o, a, s) -> show(s));
        vm.messageProperty().addListener((o, a, m) -> message.setText(m));
        message.setText(vm.messageProperty().get());
        show(vm.stateProperty().get());
    }

    private HBox markBar() {
        selected.setId("reconcile-selected");
        selected.setMinWidth(160);
        selected.setMaxWidth(260);
        note.setId("reconcile-note");
        note.setPromptText("Note (optional)");
        note.setAccessibleText("Note with the mark (optional)");
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox bar = new HBox(8, selected);
        for (ReconcileMark.Verdict v : ReconcileMark.Verdict.values()) {
            String text = switch (v) {
                case SAME -> "_Same";
                case DIFFERENT -> "_Not the same";
                case NOT_RELEVANT -> "Not _relevant";
            };
            Button b = new Button(text);
            b.setMnemonicParsing(true);
            b.setId("reconcile-mark-" + v.key());
            b.setDisable(true);
            b.setOnAction(e -> {
                ReconcileRow r = table.getSelectionModel().getSelectedItem();
                if (r != null) {
                    vm.mark(r.key(), v, note.getText());
                }
            });
            verdicts.add(b);
        }
        bar.getChildren().addAll(verdicts);
        bar.getChildren().add(note);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void selectedRow(ReconcileRow r) {
        verdicts.forEach(b -> b.setDisable(r == null));
        ReconcileViewModel.State s = vm.stateProperty().get();
        ReconcileMark m = r == null || s == null ? null : s.marks().get(r.key());
        selected.setText(r == null ? "Select a row to mark it." : "Mark " + r.label() + ":");
        note.setText(m == null ? "" : m.note());
    }

    private void show(ReconcileViewModel.State s) {
        if (s == null) {
            return;
        }
        if (s.table().singleOrganization()) {
            summary.setText("One organization only: nothing to reconcile.");
            Label empty = new Label("Link this record with the same person's records at other organizations "
                    + "(worklist: possible matches) to compare their medications, problems and allergies here.");
            empty.setId("reconcile-empty");
            empty.getStyleClass().add("empty-state");
            empty.setWrapText(true);
            body.getChildren().setAll(empty);
            return;
        }
        long differ = s.table().differing();
        summary.setText(s.table().orgs().size() + " organizations · " + (differ == 0 ? "no row where they differ"
                : differ == 1 ? "1 row where they differ" : differ + " rows where they differ") + " · "
                + s.table().rows().size() + " rows · " + s.marks().size() + " marked by " + vm.reviewer());
        summary.getStyleClass().remove("completeness-gaps");
        if (differ > 0) {
            summary.getStyleClass().add("completeness-gaps");
        }
        String keep = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().key();
        table.getColumns().setAll(columns(s));
        table.getItems().setAll(s.table().rows());
        if (keep != null) {
            s.table().rows().stream().filter(r -> r.key().equals(keep)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
    }

    private List<TableColumn<ReconcileRow, ?>> columns(ReconcileViewModel.State s) {
        List<TableColumn<ReconcileRow, ?>> out = new ArrayList<>();
        TableColumn<ReconcileRow, String> agreement = wrapped("Agreement", 130, r -> (r.agreement()
                == ReconcileRow.Agreement.DIFFERS ? "⚠ " : "") + r.agreementText());
        agreement.setId("reconcile-col-agreement");
        agreement.setMaxWidth(200);
        out.add(agreement);
        TableColumn<ReconcileRow, String> item = wrapped("Item", 240, r -> r.label() + "\n" + r.kind().words());
        item.setId("reconcile-col-item");
        out.add(item);
        for (String org : s.table().orgs()) {
            TableColumn<ReconcileRow, String> c = wrapped(orgName.apply(org), 180, r -> cell(r.cell(org)));
            c.setId("reconcile-col-" + org);
            out.add(c);
        }
        TableColumn<ReconcileRow, String> mark = wrapped("Your mark", 150, r -> {
            ReconcileMark m = s.marks().get(r.key());
            return m == null ? "Not marked" : m.describe();
        });
        mark.setId("reconcile-col-mark");
        out.add(mark);
        return out;
    }

    /** "active · 2026-09-21\n10 MG · 1 dose once a day\n(+11 earlier)" or "Not listed". */
    static String cell(ReconcileRow.Cell c) {
        if (c == null || !c.listed()) {
            return "Not listed";
        }
        StringBuilder b = new StringBuilder(c.status().isEmpty() ? "(no status)" : c.status());
        if (!c.dates().isEmpty()) {
            b.append(" · ").append(c.dates());
        }
        if (!c.detail().isEmpty()) {
            b.append('\n').append(c.detail());
        }
        if (c.earlier() > 0) {
            b.append("\n(+").append(c.earlier()).append(" earlier)");
        }
        return b.toString();
    }

    private static TableColumn<ReconcileRow, String> wrapped(String title, double width, Function<ReconcileRow, String> value) {
        TableColumn<ReconcileRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 110));
        c.setSortable(false);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setWrapText(true);
                setTooltip(empty || v == null ? null : new Tooltip(v));
                setAccessibleText(empty ? null : title + ": " + v);
                getStyleClass().removeAll("completeness-none", "reconcile-differs-text");
                if (!empty && ("Not listed".equals(v) || "Same everywhere".equals(v) || "Not marked".equals(v))) {
                    getStyleClass().add("completeness-none");
                }
                if (!empty && v != null && v.startsWith("⚠")) {
                    getStyleClass().add("reconcile-differs-text");
                }
            }
        });
        return c;
    }
}
