package org.chartlens.ui.chart;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineItem;
import org.chartlens.ui.common.OrgChips;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.common.RawJsonDialog;

/**
 * The timeline: lanes drawn on one Canvas, culled to the visible range, so thousands of items
 * stay smooth. Wheel or +/- zooms (days to decades) around the pointer, drag or arrow keys
 * scroll, a check box per lane filters, a red line marks today, a click shows the item's
 * details (Enter there opens its raw JSON). FX thread.
 *
 * <p>This class holds the controls, the range shown and the pointer and keyboard handling;
 * {@link TimelineLayout} packs items into rows and hit-tests, {@link TimelineAxis} picks the
 * date ticks and {@link TimelinePainter} draws and places the labels.
 */
public final class TimelineView extends BorderPane {
    static final long DAY = TimelineLayout.DAY;
    static final long MIN_SPAN = 3 * DAY;
    static final long MAX_SPAN = 120L * 365 * DAY;
    /** Width of the lane names on the left of the canvas. */
    static final double LANE_LABEL = 130;

    private final Timeline timeline;
    private final Canvas canvas = new Canvas();
    private final Map<String, Boolean> visible = new HashMap<>();
    private final OrgLegend legend;
    private final FlowPane filters = new FlowPane(12, 6);
    private TimelineLayout layout;
    private TimelinePainter painter;
    private final Label details = new Label("Click an item to see its details.");
    private final Label rangeLabel = new Label();
    private long viewStart;
    private long viewEnd;
    private TimelineItem selected;
    private double dragX = Double.NaN;
    private final long now = System.currentTimeMillis();
    private boolean dark;

    public TimelineView(Timeline timeline) {
        this.timeline = timeline;
        this.legend = OrgLegend.current();
        getStyleClass().add("timeline-view");
        long span = Math.max(timeline.last() - timeline.first(), 30 * DAY);
        viewStart = timeline.first() - span / 40;
        viewEnd = Math.max(timeline.last(), now) + span / 40;

        filters.setPadding(new Insets(8, 12, 8, 12));
        filters.setAlignment(Pos.CENTER_LEFT);
        useLanes(TimelineLanes.byKind(timeline));
        Button zoomIn = new Button("+");
        zoomIn.setOnAction(e -> zoom(0.5, 0.5));
        Button zoomOut = new Button("−");
        zoomOut.setOnAction(e -> zoom(2, 0.5));
        Button all = new Button("Whole life");
        all.setOnAction(e -> showAll());
        Button year = new Button("Last year");
        year.setOnAction(e -> setRange(now - 365 * DAY, now + 15 * DAY));
        zoomIn.setTooltip(new javafx.scene.control.Tooltip("Zoom in (+ or mouse wheel)"));
        zoomOut.setTooltip(new javafx.scene.control.Tooltip("Zoom out (−)"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, rangeLabel, grow, year, all, zoomOut, zoomIn);
        if (legend.isPerson()) {
            // a person's chart (issue 14): lanes per kind of item or per organization
            javafx.scene.control.ToggleGroup mode = new javafx.scene.control.ToggleGroup();
            javafx.scene.control.ToggleButton byKind = new javafx.scene.control.ToggleButton("Lanes by kind");
            javafx.scene.control.ToggleButton byOrg = new javafx.scene.control.ToggleButton("Lanes by organization");
            byKind.setId("timeline-lanes-kind");
            byOrg.setId("timeline-lanes-org");
            byKind.setToggleGroup(mode);
            byOrg.setToggleGroup(mode);
            byKind.setSelected(true);
            mode.selectedToggleProperty().addListener((o, a, t) -> {
                if (t == null) {
                    a.setSelected(true); // one is always on
                } else {
                    lanesByOrganization(t == byOrg);
                }
            });
            bar.getChildren().add(1, new HBox(0, byKind, byOrg));
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 12, 0, 12));
        BorderPane top = new BorderPane(filters);
        top.setBottom(bar);
        setTop(top);

        Pane holder = new Pane(canvas);
        holder.setMinSize(200, 120);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        canvas.setFocusTraversable(true);
        canvas.setId("timeline-canvas");
        canvas.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        canvas.setAccessibleHelp("Plus and minus zoom, left and right arrows scroll, Home shows the whole life; "
                + "Enter shows the selected item's source record.");
        setCenter(holder);

        details.setId("timeline-details");
        details.getStyleClass().add("timeline-details");
        details.setWrapText(true);
        details.setMaxWidth(Double.MAX_VALUE);
        details.setPadding(new Insets(8, 12, 8, 12));
        Button raw = new Button("Raw JSON…");
        raw.setOnAction(e -> {
            if (selected != null) {
                RawJsonDialog.show(this, selected.source(), legend);
            }
        });
        raw.disableProperty().bind(details.textProperty().isEqualTo("Click an item to see its details."));
        HBox bottom = new HBox(8, details, raw);
        HBox.setHgrow(details, Priority.ALWAYS);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(0, 12, 8, 0));
        setBottom(bottom);

        canvas.setOnScroll(e -> {
            double f = e.getDeltaY() > 0 ? 0.8 : 1.25;
            zoom(f, scale().fraction(e.getX()));
        });
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            dragX = e.getX();
        });
        canvas.setOnMouseDragged(e -> {
            if (!Double.isNaN(dragX)) {
                pan(-(e.getX() - dragX) / scale().plotWidth());
                dragX = e.getX();
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                select(hit(e.getX(), e.getY()));
            }
        });
        canvas.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case PLUS, ADD, EQUALS -> zoom(0.5, 0.5);
                case MINUS, SUBTRACT -> zoom(2, 0.5);
                case LEFT -> pan(-0.1);
                case RIGHT -> pan(0.1);
                case HOME -> showAll();
                case ENTER -> {
                    if (selected != null) {
                        RawJsonDialog.show(this, selected.source(), legend);
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        if (timeline.isEmpty()) {
            details.setText("Nothing with a date is recorded for this patient in the cache.");
        } else if (timeline.undated() > 0) {
            details.setText("Click an item to see its details.  (" + timeline.undated()
                    + " item(s) without a readable date are not drawn; see the other tabs.)");
        }
        updateRangeLabel();
    }

    /** Lanes per organization (a person's chart) or per kind of item. */
    public void lanesByOrganization(boolean byOrganization) {
        useLanes(byOrganization && legend.isPerson() ? TimelineLanes.byOrganization(timeline, legend)
                : TimelineLanes.byKind(timeline));
        redraw();
    }

    private void useLanes(TimelineLanes lanes) {
        layout = new TimelineLayout(timeline, lanes, now);
        painter = new TimelinePainter(canvas, layout);
        filters.getChildren().clear();
        for (TimelineLanes.Lane l : lanes.lanes()) {
            visible.putIfAbsent(l.key(), true);
            CheckBox cb = new CheckBox(l.label() + " (" + l.items().size() + ")");
            cb.setId("lane-" + l.key().replace(':', '-'));
            cb.setSelected(visible.get(l.key()));
            if (l.swatch() != null) {
                cb.setGraphic(OrgChips.chip(legend, l.key().substring("org:".length())).getGraphic());
            }
            cb.selectedProperty().addListener((o, a, b) -> {
                visible.put(l.key(), b);
                redraw();
            });
            filters.getChildren().add(cb);
        }
        if (lanes.lanes().stream().anyMatch(l -> l.swatch() != null)) {
            // lanes per organization: the marks keep their kind's colour, named here (not colour alone)
            Label key = new Label("Marks:");
            key.getStyleClass().add("muted");
            filters.getChildren().add(key);
            for (org.chartlens.domain.TimelineLane kind : org.chartlens.domain.TimelineLane.values()) {
                javafx.scene.layout.Region sw = new javafx.scene.layout.Region();
                sw.setMinSize(10, 10);
                sw.setMaxSize(10, 10);
                javafx.scene.paint.Color c = TimelinePainter.laneColor(kind);
                sw.setStyle("-fx-background-color: rgb(" + (int) (c.getRed() * 255) + "," + (int) (c.getGreen() * 255)
                        + "," + (int) (c.getBlue() * 255) + ");");
                filters.getChildren().add(new Label(kind.label(), sw));
            }
        }
    }

    /** The lanes drawn now, top to bottom. */
    TimelineLanes lanes() {
        return layout.lanes();
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        redraw();
    }

    public void setRange(long start, long end) {
        long span = Math.max(MIN_SPAN, Math.min(MAX_SPAN, end - start));
        long mid = start / 2 + end / 2;
        viewStart = mid - span / 2;
        viewEnd = viewStart + span;
        updateRangeLabel();
        redraw();
    }

    public void showAll() {
        long span = Math.max(timeline.last() - timeline.first(), 30 * DAY);
        setRange(timeline.first() - span / 40, Math.max(timeline.last(), now) + span / 40);
    }

    public long viewStart() {
        return viewStart;
    }

    public long viewEnd() {
        return viewEnd;
    }

    void zoom(double factor, double at) {
        long span = viewEnd - viewStart;
        long pivot = viewStart + (long) (span * at);
        long newSpan = (long) Math.max(MIN_SPAN, Math.min(MAX_SPAN, span * factor));
        viewStart = pivot - (long) (newSpan * at);
        viewEnd = viewStart + newSpan;
        updateRangeLabel();
        redraw();
    }

    void pan(double fractionOfView) {
        long d = (long) ((viewEnd - viewStart) * fractionOfView);
        viewStart += d;
        viewEnd += d;
        updateRangeLabel();
        redraw();
    }

    private void updateRangeLabel() {
        DateTimeFormatter f = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
        long days = (viewEnd - viewStart) / DAY;
        String span = days > 730 ? (days / 365) + " years" : days > 60 ? (days / 30) + " months" : days + " days";
        rangeLabel.setText(f.format(Instant.ofEpochMilli(viewStart)) + "  to  "
                + f.format(Instant.ofEpochMilli(viewEnd)) + "   (" + span + " shown · wheel or +/− to zoom, drag to scroll)");
        // A Canvas has no text of its own: screen readers get the range shown and the selected item.
        canvas.setAccessibleText("Timeline, " + f.format(Instant.ofEpochMilli(viewStart)) + " to "
                + f.format(Instant.ofEpochMilli(viewEnd)) + (selected == null ? "" : ". Selected: " + details.getText()));
    }

    /** The range shown, on the canvas as it is now. */
    private TimeScale scale() {
        return new TimeScale(viewStart, viewEnd, canvas.getWidth());
    }

    /** Selects an item (click, tests) and shows its details. */
    public void select(TimelineItem item) {
        selected = item;
        if (item == null) {
            details.setText("Click an item to see its details.");
        } else {
            details.setText(item.lane().label() + ":  " + item.label() + "\n" + item.when()
                    + (item.detail().isEmpty() ? "" : "   ·   " + item.detail())
                    + (legend.isPerson() ? "\nRecorded at: " + legend.names(item.source())
                    + (legend.differences(item.source()).isEmpty() ? "" : "   ·   they differ on "
                    + legend.differences(item.source()))
                    : "\nSource: " + legend.name(item.source().org()) + " · " + item.source().reference()));
        }
        updateRangeLabel();
        redraw();
    }

    public Label details() {
        return details;
    }

    TimelineItem hit(double x, double y) {
        return layout.hit(x, y, scale(), k -> visible.getOrDefault(k, true));
    }

    /** Redraws only what is in view; cost proportional to the items in the visible range. */
    public void redraw() {
        painter.redraw(scale(), k -> visible.getOrDefault(k, true), selected, dark);
    }

    /** A label or mark as drawn: its box in canvas pixels (tests check that none overlap). */
    record LabelBox(String lane, int row, double x0, double y0, double x1, double y1, String text) {
        boolean intersects(LabelBox o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    /** The labels of the last redraw. */
    List<LabelBox> drawnLabels() {
        return painter.drawnLabels();
    }

    /** The marks (bars and ticks) of the last redraw, as boxes. */
    List<LabelBox> drawnMarks() {
        return painter.drawnMarks();
    }

    double textWidth(String s) {
        return painter.textWidth(s);
    }

    String fit(String s, double px) {
        return painter.fit(s, px);
    }

    /** For keyboard users and tests: focus the canvas. */
    public Canvas canvas() {
        return canvas;
    }
}
