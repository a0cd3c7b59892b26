package org.chartlens.ui.worklist;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.common.OrgChips;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.common.Tables;
import org.chartlens.ui.port.PersonsPort;

/**
 * The worklist's person columns and row menu (issue 14): the organizations as chips (name and
 * colour, never the colour alone; the warnings of a linked person below them), the possible
 * matches as an action ("2 possible matches"), and the context menu: open the chart, review the
 * matches, unlink a record. FX thread.
 */
final class WorklistPersonColumns {
    private WorklistPersonColumns() {
    }

    /** "Organizations": one chip per record's organization (each once), then "⚠ ..." per warning. */
    static TableColumn<WorklistRow, WorklistRow> organizations(Supplier<OrgLegend> legend) {
        TableColumn<WorklistRow, WorklistRow> c = new TableColumn<>("Organizations");
        c.setId("worklist-organizations");
        c.setPrefWidth(230);
        c.setMinWidth(Tables.headerWidth("Organizations"));
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(cd.getValue()));
        c.setComparator((a, b) -> names(a).compareTo(names(b)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(WorklistRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    setTooltip(null);
                    setAccessibleText(null);
                    return;
                }
                OrgLegend l = legend.get();
                List<String> orgs = r.records().stream().map(x -> x.ref().org()).distinct().toList();
                VBox box = new VBox(2, OrgChips.chips(l, orgs));
                for (String w : r.warnings()) {
                    javafx.scene.control.Label warn = new javafx.scene.control.Label("⚠ " + w);
                    warn.getStyleClass().add("stale");
                    warn.setWrapText(true);
                    box.getChildren().add(warn);
                }
                setGraphic(box);
                String text = (r.linked() ? "Linked records at " : "Recorded at ") + names(r)
                        + (r.warnings().isEmpty() ? "" : ". Warning: " + String.join("; ", r.warnings()));
                setTooltip(new Tooltip(text));
                setAccessibleText(text);
            }
        });
        return c;
    }

    private static String names(WorklistRow r) {
        return String.join(", ", r.records().stream().map(PersonsPort.Record::organization).distinct().toList());
    }

    /** "Possible matches": a button "2 possible matches" that opens the candidate dialog for the row's person. */
    static TableColumn<WorklistRow, WorklistRow> matches(Consumer<WorklistRow> review) {
        TableColumn<WorklistRow, WorklistRow> c = new TableColumn<>("Possible matches");
        c.setId("worklist-matches");
        c.setPrefWidth(170);
        c.setMinWidth(Tables.headerWidth("Possible matches"));
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(cd.getValue()));
        c.setComparator((a, b) -> Integer.compare(a.possibleMatches(), b.possibleMatches()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(WorklistRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null || r.possibleMatches() == 0) {
                    setGraphic(null);
                    return;
                }
                Button b = new Button(matchesText(r.possibleMatches()));
                b.getStyleClass().addAll("flat", "worklist-matches");
                b.setTooltip(new Tooltip("Review the records at other organizations that may be this person"));
                b.setOnAction(e -> review.accept(r));
                setGraphic(b);
            }
        });
        return c;
    }

    /** "1 possible match", "2 possible matches". */
    static String matchesText(int n) {
        return n + (n == 1 ? " possible match" : " possible matches");
    }

    /** Open the chart; review the possible matches; unlink each record of a linked person. */
    static void contextMenu(TableRow<WorklistRow> row, Consumer<WorklistRow> open, Consumer<WorklistRow> review,
                            BiConsumer<WorklistRow, PatientRef> unlink) {
        row.itemProperty().addListener((o, was, r) -> {
            if (r == null) {
                row.setContextMenu(null);
                return;
            }
            ContextMenu menu = new ContextMenu();
            MenuItem openItem = new MenuItem(r.linked() ? "Open the person's chart (" + r.records().size() + " records)"
                    : "Open the chart");
            openItem.setOnAction(e -> open.accept(r));
            menu.getItems().add(openItem);
            if (r.possibleMatches() > 0) {
                MenuItem m = new MenuItem("Review " + matchesText(r.possibleMatches()) + "…");
                m.setOnAction(e -> review.accept(r));
                menu.getItems().add(m);
            }
            if (r.linked()) {
                menu.getItems().add(new SeparatorMenuItem());
                for (PersonsPort.Record rec : r.records()) {
                    MenuItem u = new MenuItem("Unlink the record at " + rec.organization() + " (" + rec.ref().id() + ")");
                    u.setId("unlink-" + rec.ref().qualified());
                    u.setOnAction(e -> unlink.accept(r, rec.ref()));
                    menu.getItems().add(u);
                }
            }
            row.setContextMenu(menu);
        });
    }
}
