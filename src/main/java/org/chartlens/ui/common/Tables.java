package org.chartlens.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Source;

/**
 * Builds the read-only tables every tab uses: text columns with tooltips for long values, date
 * columns that sort by instant but show the date as given, an empty-state placeholder, and the
 * "Show raw JSON and source" action on every row (context menu, Enter, double click). FX thread.
 */
public final class Tables {
    private Tables() {
    }

    public static <T> TableView<T> table(String emptyText) {
        TableView<T> t = new TableView<>();
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(emptyText);
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        t.setPlaceholder(empty);
        return t;
    }

    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(nz(value.apply(cd.getValue()))));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 30 ? null : new Tooltip(item));
            }
        });
        return c;
    }

    /** A date column: sorts by the instant (undated last), shows the date as given. */
    /** Wide enough for "2022-01-25 05:00" in the default font. */
    static final double DATE_MIN_WIDTH = 150;

    public static <T> TableColumn<T, ChartDate> date(String title, double width, Function<T, ChartDate> value) {
        TableColumn<T, ChartDate> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        // a date is never squeezed into "2022-01-..." by the constrained resize policy
        c.setMinWidth(Math.max(width, DATE_MIN_WIDTH));
        c.setComparator((a, b) -> Long.compare(a.millisOr(Long.MIN_VALUE), b.millisOr(Long.MIN_VALUE)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ChartDate item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.display());
                getStyleClass().remove("date-as-given");
                if (!empty && item != null && item.isPresent() && item.instant() == null) {
                    getStyleClass().add("date-as-given");
                    setTooltip(new Tooltip("Shown exactly as the server sent it (not a standard date)"));
                } else {
                    setTooltip(null);
                }
            }
        });
        return c;
    }

    /** The source organization column plus the raw-JSON action. */
    public static <T> void withSource(TableView<T> table, Function<T, Source> source) {
        table.getColumns().add(text("Source", 90, r -> {
            Source s = source.apply(r);
            return s == null ? "" : s.org();
        }));
        MenuItem raw = new MenuItem("Show raw JSON and source");
        raw.setAccelerator(new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN));
        raw.setOnAction(e -> showSelected(table, source));
        table.setContextMenu(new ContextMenu(raw));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                showSelected(table, source);
                e.consume();
            }
        });
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<T> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    RawJsonDialog.show(table, source.apply(row.getItem()));
                }
            });
            return row;
        });
    }

    private static <T> void showSelected(TableView<T> table, Function<T, Source> source) {
        T item = table.getSelectionModel().getSelectedItem();
        if (item != null && source.apply(item) != null) {
            RawJsonDialog.show(table, source.apply(item));
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
