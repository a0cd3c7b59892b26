package org.chartlens.ui.common;

import java.util.function.Function;
import javafx.application.Platform;
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
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
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

    /**
     * A text column. A value that does not fit is ended with an ellipsis and shown whole in a
     * tooltip; the cell's accessible text is always the whole value. The column is never
     * narrower than its header, so headers are never clipped.
     */
    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        return column(title, width, value, false);
    }

    /**
     * A text column whose values wrap onto as many lines as they need (the row grows), for the
     * names a clinician reads: tests, medications with their strength, problems.
     */
    public static <T> TableColumn<T, String> wrapped(String title, double width, Function<T, String> value) {
        return column(title, width, value, true);
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value,
                                                     boolean wrap) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(nz(value.apply(cd.getValue()))));
        c.setPrefWidth(Math.max(width, headerWidth(title)));
        c.setMinWidth(headerWidth(title));
        c.setCellFactory(col -> new TextCell<>(wrap));
        if (wrap) {
            c.widthProperty().addListener((o, was, now) -> remeasureRows(c.getTableView()));
        }
        return c;
    }

    /**
     * The table caches each row's height; when a wrapped column changes width (first layout,
     * window resize) the rows are measured again, once per pulse at most.
     */
    static void remeasureRows(TableView<?> t) {
        if (t != null && t.getProperties().putIfAbsent(REMEASURE, Boolean.TRUE) == null) {
            Platform.runLater(() -> {
                t.getProperties().remove(REMEASURE);
                t.refresh();
            });
        }
    }

    private static final String REMEASURE = "chartlens.remeasureRows";

    /** Wide enough for the header text in the table header's bold font, plus its padding. */
    public static double headerWidth(String title) {
        return Math.ceil(textWidth(title, HEADER_FONT)) + HEADER_PADDING;
    }

    private static final Font HEADER_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
    private static final double HEADER_PADDING = 22;
    // One measuring node for every cell: cells are only touched on the FX thread.
    private static final Text MEASURE = new Text();

    static double textWidth(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setWrappingWidth(0);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    static double textHeight(String s, Font font, double wrappingWidth) {
        MEASURE.setFont(font);
        MEASURE.setWrappingWidth(wrappingWidth);
        MEASURE.setText(s);
        double h = MEASURE.getLayoutBounds().getHeight();
        MEASURE.setWrappingWidth(0);
        return h;
    }

    /**
     * A read-only text cell. The tooltip is installed only while the value is clipped, so short
     * values don't pop up noise; at most one tooltip per cell (cells are recycled, so this is
     * bounded), made the first time the cell's value is clipped: a Tooltip is a popup window,
     * and making one for every cell up front was a sixth of a large table's first render.
     */
    static final class TextCell<T> extends TableCell<T, String> {
        private static final double WRAP_SLACK = 4;
        private Tooltip tip;

        TextCell(boolean wrap) {
            setWrapText(wrap);
            if (wrap) {
                getStyleClass().add("wrapped-cell");
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String s = empty || item == null || item.isEmpty() ? null : item;
            setText(s);
            setAccessibleText(s);
            if (tip != null) {
                tip.setText(s == null ? "" : s);
            }
            if (s == null) {
                setTooltip(null);
            }
            requestLayout();
        }

        private Tooltip tip() {
            if (tip == null) {
                tip = new Tooltip(getText());
                tip.setWrapText(true);
                tip.setMaxWidth(480);
            }
            return tip;
        }

        /** Wrapped cells ask for the height their text needs at the column's width. */
        @Override
        protected double computePrefHeight(double width) {
            if (isWrapText() && getTableColumn() != null) {
                // TableCellSkin lays the text out in its height less the bottom padding once more,
                // and clips wrapped text a few pixels early: ask for that much on top.
                return super.computePrefHeight(getTableColumn().getWidth()) + snappedBottomInset() + WRAP_SLACK;
            }
            return super.computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            boolean clipped = getText() != null && clipped();
            if (clipped != (getTooltip() != null)) {
                setTooltip(clipped ? tip() : null);
            }
        }

        /** True when the value is not shown whole (ellipsis). */
        boolean clipped() {
            double avail = getWidth() - snappedLeftInset() - snappedRightInset();
            if (avail <= 0) {
                return true;
            }
            if (!isWrapText()) {
                return textWidth(getText(), getFont()) > avail + 0.5;
            }
            // the skin lays wrapped text out in the height less the bottom padding twice
            return textHeight(getText(), getFont(), avail) > getHeight() - snappedTopInset() - 2 * snappedBottomInset() + 0.5;
        }
    }

    /** Wide enough for "2022-01-25 05:00" in the default font. */
    static final double DATE_MIN_WIDTH = 150;

    /** A date column: sorts by the instant (undated last), shows the date as given. */
    public static <T> TableColumn<T, ChartDate> date(String title, double width, Function<T, ChartDate> value) {
        return dateColumn(title, Math.max(width, DATE_MIN_WIDTH), value, false);
    }

    /** Wide enough for "2022-01-25". */
    static final double DAY_MIN_WIDTH = 100;

    /**
     * A date column showing the day only (lists where the time of day is noise, e.g. lab
     * reports); the full date and time is in the cell's tooltip and accessible text.
     */
    public static <T> TableColumn<T, ChartDate> day(String title, Function<T, ChartDate> value) {
        return dateColumn(title, DAY_MIN_WIDTH, value, true);
    }

    private static <T> TableColumn<T, ChartDate> dateColumn(String title, double width, Function<T, ChartDate> value,
                                                            boolean dayOnly) {
        TableColumn<T, ChartDate> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        // a date is never squeezed into "2022-01-..." by the constrained resize policy
        c.setMinWidth(Math.max(width, headerWidth(title)));
        c.setComparator((a, b) -> Long.compare(a.millisOr(Long.MIN_VALUE), b.millisOr(Long.MIN_VALUE)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ChartDate item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null && item.isPresent();
                setText(!shown ? null : dayOnly && item.instant() != null ? item.dateOnly() : item.display());
                setAccessibleText(shown ? item.display() : null);
                getStyleClass().remove("date-as-given");
                if (shown && item.instant() == null) {
                    getStyleClass().add("date-as-given");
                    setTooltip(new Tooltip("Shown exactly as the server sent it (not a standard date)"));
                } else if (shown && dayOnly && !item.display().equals(getText())) {
                    setTooltip(new Tooltip(item.display()));
                } else {
                    setTooltip(null);
                }
            }
        });
        return c;
    }

    /**
     * The source organization column (by name) plus the raw-JSON action. In a person's chart
     * ({@link OrgLegend#current()} has several organizations, issue 14): "Recorded at" with each
     * organization as a chip and "Organizations differ" with each one's value side by side.
     */
    public static <T> void withSource(TableView<T> table, Function<T, Source> source) {
        OrgLegend legend = OrgLegend.current();
        org.chartlens.clinical.ReviewDiff review = ReviewBadges.current();
        boolean marks = ReviewBadges.marks(review);
        if (marks) {
            // issue 17: what arrived or changed since the reviewer's last review, first column
            table.getColumns().add(0, ReviewBadges.column(review, source));
        }
        if (legend.isPerson()) {
            table.getColumns().add(OrgChips.column(legend, source));
            table.getColumns().add(wrapped("Organizations differ", 260, r -> legend.differences(source.apply(r))));
        } else {
            table.getColumns().add(text("Source", 90, r -> {
                Source s = source.apply(r);
                return s == null ? "" : legend.name(s.org());
            }));
        }
        RestrictedRows.mark(table, source); // issue 18: which rows are restricted, once shown
        MenuItem raw = new MenuItem("Show raw JSON and source");
        raw.setAccelerator(new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN));
        raw.setOnAction(e -> showSelected(table, source, legend));
        table.setContextMenu(new ContextMenu(raw));
        if (marks) {
            MenuItem beforeAfter = new MenuItem("Show what changed since your review");
            beforeAfter.setOnAction(e -> {
                T item = table.getSelectionModel().getSelectedItem();
                if (item != null) {
                    BeforeAfterDialog.show(table, review, source.apply(item), legend);
                }
            });
            table.getContextMenu().getItems().add(beforeAfter);
        }
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                showSelected(table, source, legend);
                e.consume();
            }
        });
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<T> row = new javafx.scene.control.TableRow<>();
            if (marks) {
                ReviewBadges.style(row, review, source);
            }
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    RawJsonDialog.show(table, source.apply(row.getItem()), legend);
                }
            });
            return row;
        });
    }

    private static <T> void showSelected(TableView<T> table, Function<T, Source> source, OrgLegend legend) {
        T item = table.getSelectionModel().getSelectedItem();
        if (item != null && source.apply(item) != null) {
            RawJsonDialog.show(table, source.apply(item), legend);
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
