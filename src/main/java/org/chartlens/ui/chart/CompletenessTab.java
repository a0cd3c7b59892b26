package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chartlens.domain.CompletenessMap;
import org.chartlens.domain.CompletenessMap.Fix;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.common.Tables;

/**
 * The Completeness tab (issue 17): one row per resource type, one column per organization, each cell
 * the count held and when it was pulled, or why nothing can be shown in words, with its fix as a
 * button ("Sign in again", "Sync now"); the first row is each organization's sign-in. Above it the
 * banner's one line. Reads nothing itself: the map comes from {@link ChartViewModel#completenessProperty()}.
 * FX thread.
 */
public final class CompletenessTab extends VBox {
    /** One table row: the sign-in line (type null) or a resource type. */
    record Line(String label, String type) {
    }

    private final CompletenessFixes fixes;
    private final Label summary = new Label("Reading what the cache holds…");
    private final TableView<Line> table = Tables.table("Nothing to show yet.");

    public CompletenessTab(ReadOnlyObjectProperty<CompletenessMap> map, CompletenessFixes fixes, Runnable checkAgain) {
        this.fixes = fixes;
        setId("completeness");
        setSpacing(8);
        setPadding(new Insets(10, 12, 10, 12));
        summary.setId("completeness-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("completeness-summary");
        Button again = new Button("Check again");
        again.setId("completeness-check-again");
        again.setOnAction(e -> checkAgain.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, summary, gap, again);
        Label help = new Label("What the cache holds from each organization, and why anything is missing. "
                + "\"None there\" means the organization has none; \"unknown\" means ChartLens could not find out.");
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        table.setId("completeness-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, help, table);
        map.addListener((o, a, m) -> show(m));
        show(map.get());
    }

    private void show(CompletenessMap m) {
        if (m == null) {
            return;
        }
        summary.setText(m.summary());
        summary.getStyleClass().remove("completeness-gaps");
        if (m.attention()) {
            summary.getStyleClass().add("completeness-gaps");
        }
        table.getColumns().clear();
        TableColumn<Line, Line> what = new TableColumn<>("Type");
        what.setId("completeness-col-type");
        what.setPrefWidth(150);
        what.setMinWidth(130);
        what.setSortable(false);
        what.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        what.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.label());
                setAlignment(javafx.geometry.Pos.TOP_LEFT);
                getStyleClass().remove("completeness-type");
                if (!empty) {
                    getStyleClass().add("completeness-type");
                }
            }
        });
        table.getColumns().add(what);
        for (CompletenessMap.Row row : m.rows()) {
            TableColumn<Line, Line> col = new TableColumn<>(m.rows().size() > 1 && m.rows().stream()
                    .filter(r -> r.orgName().equals(row.orgName())).count() > 1
                    ? row.orgName() + " (" + row.record().id() + ")" : row.orgName());
            col.setId("completeness-col-" + row.record().org());
            col.setSortable(false);
            col.setPrefWidth(260);
            col.setMinWidth(180);
            col.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
            col.setCellFactory(c -> new Cell(m, row));
            col.widthProperty().addListener((o, a, w) -> remeasure());
            table.getColumns().add(col);
        }
        List<Line> lines = new ArrayList<>();
        if (m.rows().stream().anyMatch(r -> !r.access().isEmpty())) {
            lines.add(new Line("Sign-in", null));
        }
        for (String type : m.types()) {
            String label = m.cells().stream().filter(c -> c.type().equals(type)).findFirst()
                    .map(CompletenessMap.Cell::label).orElse(type);
            lines.add(new Line(label, type));
        }
        table.setItems(FXCollections.observableArrayList(lines));
    }

    /** Rows are measured again once per pulse when a column's width changes (wrapped words). */
    private void remeasure() {
        if (!remeasuring) {
            remeasuring = true;
            javafx.application.Platform.runLater(() -> {
                remeasuring = false;
                table.refresh();
            });
        }
    }

    private boolean remeasuring;

    /** One organization x type: the words, coloured by status, and the fix's button. */
    private final class Cell extends TableCell<Line, Line> {
        private final CompletenessMap map;
        private final CompletenessMap.Row row;

        Cell(CompletenessMap map, CompletenessMap.Row row) {
            this.map = map;
            this.row = row;
            setAlignment(javafx.geometry.Pos.TOP_LEFT);
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            String words;
            String style;
            Fix fix;
            if (line.type() == null) {
                words = row.access().isEmpty() ? "" : Character.toUpperCase(row.access().charAt(0)) + row.access().substring(1);
                style = row.accessFix() == Fix.NONE ? "completeness-ok" : "completeness-unknown";
                fix = row.accessFix();
            } else {
                CompletenessMap.Cell c = map.cell(row.record(), line.type()).orElse(null);
                if (c == null) {
                    setGraphic(null);
                    return;
                }
                words = c.status().unknown() ? "Unknown: " + c.words() : c.words();
                // not offered is known and permanent: said quietly; the rest of "unknown" stands out
                style = switch (c.status()) {
                    case HELD -> "completeness-ok";
                    case NONE_THERE, UNSUPPORTED -> "completeness-none";
                    default -> "completeness-unknown";
                };
                fix = c.fix();
            }
            Label l = new Label(words);
            l.setWrapText(true);
            l.getStyleClass().add(style);
            l.setMaxWidth(Double.MAX_VALUE);
            VBox box = new VBox(4, l);
            if (fix != Fix.NONE && fixes.available()) {
                Button b = new Button(fix.label());
                b.getStyleClass().add("small");
                b.setId("fix-" + row.record().org() + "-" + (line.type() == null ? "sign-in" : line.type())
                        .toLowerCase(Locale.ROOT));
                PatientRef r = row.record();
                b.setOnAction(e -> {
                    if (fix == Fix.SIGN_IN_AGAIN) {
                        fixes.signInAgain(r.org());
                    } else {
                        fixes.syncNow(r.org(), r.id());
                    }
                });
                box.getChildren().add(b);
            }
            box.setMinWidth(0);
            setGraphic(box);
            setAccessibleText(line.label() + " at " + row.orgName() + ": " + words
                    + (fix == Fix.NONE ? "" : ". " + fix.label()));
        }

        /** The wrapped words ask for the height they need at the column's width (not one word per line). */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() instanceof Region g && getTableColumn() != null) {
                double w = getTableColumn().getWidth() - snappedLeftInset() - snappedRightInset();
                return Math.ceil(g.prefHeight(w)) + snappedTopInset() + snappedBottomInset() + 2;
            }
            return super.computePrefHeight(width);
        }
    }

    /** The summary line (tests). */
    String summaryText() {
        return summary.getText();
    }

    TableView<Line> table() {
        return table;
    }
}
