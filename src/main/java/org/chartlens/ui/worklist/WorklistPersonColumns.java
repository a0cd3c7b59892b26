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

    /**
     * "Name", and below it, for a person with restricted records, a grey "Restricted records" chip
     * (that they exist, never what; issue 18), as the chart's banner says.
     */
    static TableColumn<WorklistRow, WorklistRow> name(java.util.function.Function<WorklistRow, String> restricted) {
        TableColumn<WorklistRow, WorklistRow> c = new TableColumn<>("Name");
        c.setId("worklist-name");
        c.setPrefWidth(240);
        c.setMinWidth(Tables.headerWidth("Name"));
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(cd.getValue()));
        c.setComparator((a, b) -> a.summary().name().compareToIgnoreCase(b.summary().name()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(WorklistRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                javafx.scene.control.Label name = new javafx.scene.control.Label(r.summary().name());
                name.setWrapText(true);
                name.setMaxWidth(Double.MAX_VALUE);
                VBox box = new VBox(3, name);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                String note = restricted.apply(r);
                if (!note.isEmpty()) {
                    javafx.scene.control.Label chip = new javafx.scene.control.Label(note);
                    chip.getStyleClass().add("worklist-restricted");
                    chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    box.getChildren().add(chip);
                }
                setGraphic(box);
                setAccessibleText(note.isEmpty() ? r.summary().name() : r.summary().name() + ", " + note.toLowerCase());
            }

            /** The height the wrapped name (and the chip) need at the column's width, not at no width. */
            @Override
            protected double computePrefHeight(double width) {
                if (getGraphic() instanceof VBox box && getTableColumn() != null) {
                    double w = getTableColumn().getWidth() - snappedLeftInset() - snappedRightInset();
                    return snappedTopInset() + snappedBottomInset() + box.prefHeight(w);
                }
                return super.computePrefHeight(width);
            }
        });
        return c;
    }

    /** "Organizations": one chip per record's organization (each once), then "⚠ ..." per warning. */
    static TableColumn<WorklistRow, WorklistRow> organizations(Supplier<OrgLegend> legend) {
        TableColumn<WorklistRow, WorklistRow> c = new TableColumn<>("Organizations");
        c.setId("worklist-organizations");
        c.setPrefWidth(290);
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
                // one line per chip and per kind of warning (never wrapped: the row's height stays what its lines need)
                VBox box = new VBox(2);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                orgs.forEach(o -> box.getChildren().add(OrgChips.chip(l, o)));
                for (String w : r.warnings().stream().map(WorklistPersonColumns::shortWarning).distinct().toList()) {
                    javafx.scene.control.Label warn = new javafx.scene.control.Label("⚠ " + w);
                    warn.getStyleClass().add("stale");
                    box.getChildren().add(warn);
                }
                setGraphic(box);
                String text = (r.linked() ? "Linked records at " : "Recorded at ") + names(r)
                        + (r.warnings().isEmpty() ? "" : ".\nWarning: " + String.join(";\n", r.warnings()));
                setTooltip(new Tooltip(text));
                setAccessibleText(text);
            }
        });
        return c;
    }

    /**
     * "Last synced": the newest sync per organization, one line each beside its chip in
     * "Organizations" (the same order and spacing; the organization named in the tooltip and the
     * accessible text), "⚠ out of date" on the warning colours.
     */
    static TableColumn<WorklistRow, WorklistRow> synced() {
        TableColumn<WorklistRow, WorklistRow> c = new TableColumn<>("Last synced");
        c.setId("worklist-synced");
        c.setPrefWidth(170);
        c.setMinWidth(Tables.headerWidth("Last synced"));
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(cd.getValue()));
        c.setComparator((a, b) -> java.util.Comparator.nullsFirst(java.util.Comparator.<java.time.Instant>naturalOrder())
                .compare(a.lastSynced(), b.lastSynced()));
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
                List<String> when = PersonRows.syncedByOrganization(r, java.time.Instant.now());
                List<String> orgs = PersonRows.organizations(r);
                VBox box = new VBox(2);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                StringBuilder said = new StringBuilder();
                for (int i = 0; i < when.size(); i++) {
                    javafx.scene.control.Label l = new javafx.scene.control.Label(when.get(i));
                    if (when.get(i).contains("⚠")) {
                        l.getStyleClass().add("stale");
                    }
                    box.getChildren().add(l);
                    said.append(i == 0 ? "" : "\n").append(orgs.get(i)).append(": ").append(when.get(i));
                }
                // as many lines as the chips' column (its warnings too), so each time stays beside its organization
                r.warnings().stream().map(WorklistPersonColumns::shortWarning).distinct()
                        .forEach(w -> box.getChildren().add(new javafx.scene.control.Label(" ")));
                setGraphic(box);
                setTooltip(new Tooltip(said.toString()));
                setAccessibleText("Last synced: " + said);
            }
        });
        return c;
    }

    /** "birth dates differ" from "birth dates differ (1964-02-12 at A, 1964-12-02 at B)". */
    static String shortWarning(String warning) {
        int paren = warning.indexOf(" (");
        return paren > 0 ? warning.substring(0, paren) : warning;
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

    /** Open the chart; add to referrals; review the possible matches; unlink each record of a linked person. */
    static void contextMenu(TableRow<WorklistRow> row, Consumer<WorklistRow> open, Consumer<WorklistRow> refer,
                            Consumer<WorklistRow> review, BiConsumer<WorklistRow, PatientRef> unlink) {
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
            MenuItem referItem = new MenuItem("Add to referrals…"); // issue 17; Ctrl+R on the table
            referItem.setId("worklist-refer");
            referItem.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.R,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
            referItem.setOnAction(e -> refer.accept(r));
            menu.getItems().add(referItem);
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
