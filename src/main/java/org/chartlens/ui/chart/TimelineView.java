package org.chartlens.ui.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;
import org.chartlens.ui.common.RawJsonDialog;

/**
 * The timeline: lanes drawn on one Canvas, culled to the visible range, so thousands of items
 * stay smooth. Wheel or +/- zooms (days to decades) around the pointer, drag or arrow keys
 * scroll, a check box per lane filters, a red line marks today, a click shows the item's
 * details (Enter there opens its raw JSON). FX thread.
 */
public final class TimelineView extends BorderPane {
    static final long DAY = 86_400_000L;
    static final long MIN_SPAN = 3 * DAY;
    static final long MAX_SPAN = 120L * 365 * DAY;
    static final double LANE_LABEL = 130;
    static final double ROW = 18;
    static final int MAX_ROWS = 6;
    static final double AXIS = 28;

    private final Timeline timeline;
    private final Canvas canvas = new Canvas();
    private final Map<TimelineLane, Boolean> visible = new EnumMap<>(TimelineLane.class);
    /** Row (within its lane) per item, packed once so spans do not overlap. */
    private final Map<TimelineLane, int[]> rows = new EnumMap<>(TimelineLane.class);
    private final Map<TimelineLane, Integer> rowCount = new EnumMap<>(TimelineLane.class);
    /** Per item, the index of the next item (by start) in the same row, or -1. */
    private final Map<TimelineLane, int[]> next = new EnumMap<>(TimelineLane.class);
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
        getStyleClass().add("timeline-view");
        for (TimelineLane l : TimelineLane.values()) {
            visible.put(l, true);
            pack(l);
        }
        long span = Math.max(timeline.last() - timeline.first(), 30 * DAY);
        viewStart = timeline.first() - span / 40;
        viewEnd = Math.max(timeline.last(), now) + span / 40;

        FlowPane filters = new FlowPane(12, 6);
        filters.setPadding(new Insets(8, 12, 8, 12));
        filters.setAlignment(Pos.CENTER_LEFT);
        for (TimelineLane l : TimelineLane.values()) {
            CheckBox cb = new CheckBox(l.label() + " (" + timeline.lane(l).size() + ")");
            cb.setId("lane-" + l.name().toLowerCase());
            cb.setSelected(true);
            cb.selectedProperty().addListener((o, a, b) -> {
                visible.put(l, b);
                redraw();
            });
            filters.getChildren().add(cb);
        }
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
                RawJsonDialog.show(this, selected.source());
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
            zoom(f, fraction(e.getX()));
        });
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            dragX = e.getX();
        });
        canvas.setOnMouseDragged(e -> {
            if (!Double.isNaN(dragX)) {
                pan(-(e.getX() - dragX) / plotWidth());
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
                        RawJsonDialog.show(this, selected.source());
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

    public void setDark(boolean dark) {
        this.dark = dark;
        redraw();
    }

    private void pack(TimelineLane l) {
        List<TimelineItem> items = timeline.lane(l);
        int[] r = new int[items.size()];
        long[] rowEnd = new long[MAX_ROWS];
        java.util.Arrays.fill(rowEnd, Long.MIN_VALUE);
        int used = 1;
        boolean spans = l == TimelineLane.CONDITIONS || l == TimelineLane.MEDICATIONS;
        for (int i = 0; i < items.size(); i++) {
            if (!spans) {
                r[i] = 0;
                continue;
            }
            TimelineItem it = items.get(i);
            long end = it.ongoing() ? now : Math.max(it.end(), it.start() + 20 * DAY);
            int chosen = MAX_ROWS - 1;
            for (int k = 0; k < MAX_ROWS; k++) {
                if (rowEnd[k] < it.start()) {
                    chosen = k;
                    break;
                }
            }
            rowEnd[chosen] = Math.max(rowEnd[chosen], end);
            r[i] = chosen;
            used = Math.max(used, chosen + 1);
        }
        rows.put(l, r);
        rowCount.put(l, used);
        int[] nx = new int[items.size()];
        int[] lastInRow = new int[MAX_ROWS];
        java.util.Arrays.fill(lastInRow, -1);
        for (int i = 0; i < items.size(); i++) {
            nx[i] = -1;
            if (lastInRow[r[i]] >= 0) {
                nx[lastInRow[r[i]]] = i;
            }
            lastInRow[r[i]] = i;
        }
        next.put(l, nx);
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

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - LANE_LABEL - 10);
    }

    private double fraction(double x) {
        return Math.max(0, Math.min(1, (x - LANE_LABEL) / plotWidth()));
    }

    private double xOf(long t) {
        return LANE_LABEL + (t - viewStart) / (double) (viewEnd - viewStart) * plotWidth();
    }

    private double laneHeight(TimelineLane l) {
        return rowCount.get(l) * ROW + 14;
    }

    /** Selects an item (click, tests) and shows its details. */
    public void select(TimelineItem item) {
        selected = item;
        if (item == null) {
            details.setText("Click an item to see its details.");
        } else {
            details.setText(item.lane().label() + ":  " + item.label() + "\n" + item.when()
                    + (item.detail().isEmpty() ? "" : "   ·   " + item.detail())
                    + "\nSource: " + item.source().org() + " · " + item.source().reference());
        }
        updateRangeLabel();
        redraw();
    }

    public Label details() {
        return details;
    }

    TimelineItem hit(double x, double y) {
        double top = AXIS;
        for (TimelineLane l : TimelineLane.values()) {
            if (!visible.get(l)) {
                continue;
            }
            double h = laneHeight(l);
            if (y >= top && y < top + h) {
                List<TimelineItem> items = timeline.lane(l);
                int[] r = rows.get(l);
                TimelineItem best = null;
                double bestD = 6;
                for (int i = 0; i < items.size(); i++) {
                    TimelineItem it = items.get(i);
                    double rowY = top + 7 + r[i] * ROW;
                    if (y < rowY - 2 || y > rowY + ROW) {
                        continue;
                    }
                    double x0 = xOf(it.start());
                    double x1 = it.isSpan() ? xOf(it.ongoing() ? now : it.end()) : x0;
                    double d = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
                    if (d < bestD) {
                        bestD = d;
                        best = it;
                    }
                }
                return best;
            }
            top += h;
        }
        return null;
    }

    private Color laneColor(TimelineLane l) {
        return switch (l) {
            case ENCOUNTERS -> Color.web("#3b6fb6");
            case CONDITIONS -> Color.web("#c0504d");
            case PROCEDURES -> Color.web("#7a5aa6");
            case MEDICATIONS -> Color.web("#2e8b57");
            case IMMUNIZATIONS -> Color.web("#d08a1e");
            case LAB_REPORTS -> Color.web("#1f8a9e");
            case DOCUMENTS -> Color.web("#6b6b6b");
        };
    }

    /** Redraws only what is in view; cost proportional to the items in the visible range. */
    public void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 10 || h < 10) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        drawnLabels.clear();
        drawnMarks.clear();
        Color bg = dark ? Color.web("#1e2227") : Color.WHITE;
        Color fg = dark ? Color.web("#e6e6e6") : Color.web("#222222");
        Color grid = dark ? Color.web("#3a3f46") : Color.web("#e4e4e4");
        Color band = dark ? Color.web("#252a30") : Color.web("#f6f7f9");
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        Font small = Font.font("System", 11);
        Font laneFont = Font.font("System", FontWeight.BOLD, 12);
        g.setFont(small);

        // Axis ticks: pick a unit that gives about one label per 90 px.
        long span = viewEnd - viewStart;
        double pxPerDay = plotWidth() / (span / (double) DAY);
        int[] yearSteps = {1, 2, 5, 10, 20, 50};
        int yearStep = 0;
        for (int s : yearSteps) {
            if (s * 365 * pxPerDay >= 70) {
                yearStep = s;
                break;
            }
        }
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(grid);
        g.setLineWidth(1);
        LocalDate startDate = Instant.ofEpochMilli(viewStart).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate endDate = Instant.ofEpochMilli(viewEnd).atZone(ZoneOffset.UTC).toLocalDate();
        List<long[]> ticks = new ArrayList<>();
        List<String> tickLabels = new ArrayList<>();
        if (yearStep > 0 && 365 * pxPerDay < 400) {
            int y0 = startDate.getYear() - startDate.getYear() % yearStep;
            for (int y = y0; y <= endDate.getYear() + 1; y += yearStep) {
                ticks.add(new long[] {LocalDate.of(y, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()});
                tickLabels.add(Integer.toString(y));
            }
        } else if (30 * pxPerDay >= 45) {
            boolean days = pxPerDay >= 40;
            LocalDate d = days ? startDate : startDate.withDayOfMonth(1);
            int stepDays = pxPerDay >= 40 ? 1 : pxPerDay >= 12 ? 7 : 0;
            while (!d.isAfter(endDate.plusDays(1))) {
                ticks.add(new long[] {d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()});
                tickLabels.add(stepDays > 0 ? d.toString() : d.toString().substring(0, 7));
                d = stepDays > 0 ? d.plusDays(stepDays) : d.plusMonths(1);
            }
        } else {
            LocalDate d = startDate.withDayOfMonth(1);
            int step = 30 * pxPerDay * 3 >= 45 ? 3 : 6;
            d = d.withMonth(((d.getMonthValue() - 1) / step) * step + 1);
            while (!d.isAfter(endDate.plusMonths(1))) {
                ticks.add(new long[] {d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()});
                tickLabels.add(d.toString().substring(0, 7));
                d = d.plusMonths(step);
            }
        }
        // Tick labels: measured, never past the right edge and never under the "today" label.
        double tx0 = xOf(now);
        double todayLeft = tx0 - 4 - textWidth("today");
        double lastLabelEnd = -1000;
        for (int i = 0; i < ticks.size(); i++) {
            double x = xOf(ticks.get(i)[0]);
            if (x < LANE_LABEL || x > w) {
                continue;
            }
            g.strokeLine(x, AXIS - 4, x, h);
            String label = tickLabels.get(i);
            double x0 = x + 3;
            double x1 = x0 + textWidth(label);
            boolean clearOfToday = x1 + 4 < todayLeft || x0 > tx0 + 2 || tx0 < LANE_LABEL || tx0 > w;
            if (x0 > lastLabelEnd + 12 && x1 <= w - 2 && clearOfToday) {
                g.setFill(fg);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(label, x0, AXIS / 2);
                drawnLabels.add(new LabelBox(null, -1, x0, 0, x1, AXIS - 4, label));
                lastLabelEnd = x1;
            }
        }

        double top = AXIS;
        boolean alt = false;
        for (TimelineLane l : TimelineLane.values()) {
            if (!visible.get(l)) {
                continue;
            }
            double lh = laneHeight(l);
            if (alt) {
                g.setFill(band);
                g.fillRect(0, top, w, lh);
            }
            alt = !alt;
            g.setFill(fg);
            g.setFont(laneFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(l.label(), 8, top + Math.min(lh / 2, 16));
            g.setFont(small);
            drawLane(g, l, top, w, fg);
            top += lh;
        }
        // Today marker.
        double tx = xOf(now);
        if (tx >= LANE_LABEL && tx <= w) {
            g.setStroke(Color.web("#d62728"));
            g.setLineWidth(2);
            g.strokeLine(tx, AXIS - 6, tx, h);
            g.setFill(Color.web("#d62728"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("today", tx - 4, AXIS - 8);
            drawnLabels.add(new LabelBox(null, -1, tx - 4 - textWidth("today"), 0, tx - 4, AXIS - 4, "today"));
        }
        g.setStroke(grid);
        g.setLineWidth(1);
        g.strokeLine(LANE_LABEL, AXIS, LANE_LABEL, h);
    }

    /** A label as drawn: its box in canvas pixels (tests check that none overlap). */
    record LabelBox(TimelineLane lane, int row, double x0, double y0, double x1, double y1, String text) {
        boolean intersects(LabelBox o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    /** The labels of the last redraw. */
    List<LabelBox> drawnLabels() {
        return List.copyOf(drawnLabels);
    }

    /** The marks (bars and ticks) of the last redraw, as boxes. */
    List<LabelBox> drawnMarks() {
        return List.copyOf(drawnMarks);
    }

    private final List<LabelBox> drawnLabels = new ArrayList<>();
    private final List<LabelBox> drawnMarks = new ArrayList<>();
    private static final Font LABEL_FONT = Font.font("System", 11);
    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();
    /** Labels repeat (the same encounter type, the same drug): measure each once. */
    private final Map<String, Double> widths = new java.util.HashMap<>();

    double textWidth(String s) {
        return widths.computeIfAbsent(s, k -> {
            MEASURE.setFont(LABEL_FONT);
            MEASURE.setText(k);
            return MEASURE.getLayoutBounds().getWidth();
        });
    }

    /** The longest prefix of {@code s} (with an ellipsis when cut) that fits in {@code px}; "" if under 4 characters fit. */
    String fit(String s, double px) {
        if (px <= 0) {
            return "";
        }
        if (textWidth(s) <= px) {
            return s;
        }
        int n = (int) Math.min(s.length() - 1, Math.floor(s.length() * px / textWidth(s)));
        while (n >= 3) {
            String t = s.substring(0, n) + "…";
            if (textWidth(t) <= px) {
                return t;
            }
            n--;
        }
        return "";
    }

    /**
     * Draws a lane in two passes: marks first, then labels. A label goes only where its row is
     * free of other marks and labels (inside its own bar, or to the right of a point up to the
     * next mark in the row and the edge of the view), cut with an ellipsis to fit, else left out;
     * a click still shows every item's details.
     */
    private void drawLane(GraphicsContext g, TimelineLane l, double top, double w, Color fg) {
        List<TimelineItem> items = timeline.lane(l);
        int[] r = rows.get(l);
        int[] nextInRow = next.get(l);
        Color c = laneColor(l);
        // Per row: where the last point was drawn, to cull points that would land on the same pixel.
        double[] lastPointX = new double[MAX_ROWS];
        java.util.Arrays.fill(lastPointX, -10);
        int first = -1;
        int last = -1;
        // Items are sorted by start: everything after the view's end is skipped in one step.
        for (int i = 0; i < items.size(); i++) {
            TimelineItem it = items.get(i);
            if (it.start() > viewEnd) {
                break;
            }
            long end = it.ongoing() ? now : it.end();
            if (end < viewStart) {
                continue;
            }
            if (first < 0) {
                first = i;
            }
            last = i;
            double y = top + 7 + r[i] * ROW;
            double x0 = Math.max(LANE_LABEL, xOf(it.start()));
            boolean sel = it == selected;
            if (isBar(it, end)) {
                double x1 = Math.min(w, xOf(end));
                g.setFill(sel ? c.darker() : c.deriveColor(0, 1, 1, 0.75));
                g.fillRoundRect(x0, y + 2, Math.max(3, x1 - x0), ROW - 5, 6, 6);
                if (it.ongoing() && x1 < w) {
                    g.fillPolygon(new double[] {x1, x1 + 6, x1}, new double[] {y + 2, y + ROW / 2 - 1, y + ROW - 3}, 3);
                }
                drawnMarks.add(new LabelBox(l, r[i], x0, y + 2, Math.max(x0 + 3, x1), y + ROW - 3, it.label()));
            } else {
                double x = xOf(it.start());
                if (x < LANE_LABEL) {
                    continue;
                }
                if (!sel && x - lastPointX[r[i]] < 1.5) {
                    continue; // a pixel already drawn: cull dense points
                }
                lastPointX[r[i]] = x;
                g.setFill(sel ? (dark ? Color.WHITE : Color.BLACK) : c);
                g.fillRect(x - 1.5, y + 1, 3, ROW - 3);
                drawnMarks.add(new LabelBox(l, r[i], x - 1.5, y + 1, x + 1.5, y + ROW - 2, it.label()));
            }
            if (sel) {
                g.setStroke(fg);
                g.setLineWidth(1.5);
                g.strokeRect(x0 - 3, y, Math.max(6, xOf(end) - x0 + 6), ROW - 1);
            }
        }
        if (first < 0) {
            return;
        }
        // Labels. Per row: how far right the marks and labels drawn so far reach.
        double[] reach = new double[MAX_ROWS];
        java.util.Arrays.fill(reach, -1);
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = first; i <= last; i++) {
            TimelineItem it = items.get(i);
            long end = it.ongoing() ? now : it.end();
            if (end < viewStart) {
                continue;
            }
            int row = r[i];
            double y = top + 7 + row * ROW;
            boolean bar = isBar(it, end);
            double x0 = bar ? Math.max(LANE_LABEL, xOf(it.start())) : xOf(it.start());
            double markEnd = bar ? Math.min(w, xOf(end) + (it.ongoing() ? 6 : 0)) : x0 + 1.5;
            if (x0 < LANE_LABEL) {
                continue;
            }
            // The next item in this row starts where this label must stop.
            double limit = nextInRow[i] >= 0 ? Math.min(w, xOf(items.get(nextInRow[i]).start())) : w;
            double from;
            double to;
            if (bar) {
                from = x0 + 4;
                to = Math.min(markEnd, limit) - 4;
            } else {
                from = x0 + 4;
                to = Math.min(limit, w) - 6;
            }
            boolean covered = reach[row] > x0 - (bar ? 0 : 1.5);
            reach[row] = Math.max(reach[row], markEnd);
            if (covered || to - from < 24) {
                continue;
            }
            String text = fit(it.label(), Math.min(to - from, bar ? Double.MAX_VALUE : 220));
            if (text.isEmpty()) {
                continue;
            }
            double tw = textWidth(text);
            g.setFill(bar ? Color.WHITE : fg);
            g.fillText(text, from, y + ROW / 2 - 0.5);
            drawnLabels.add(new LabelBox(l, row, from, y + 2, from + tw, y + ROW - 3, text));
            reach[row] = Math.max(reach[row], from + tw);
        }
    }

    private boolean isBar(TimelineItem it, long end) {
        return it.isSpan() && xOf(end) - xOf(it.start()) >= 3;
    }

    /** For keyboard users and tests: focus the canvas. */
    public Canvas canvas() {
        return canvas;
    }

    static boolean isZoomKey(KeyCode k) {
        return k == KeyCode.PLUS || k == KeyCode.MINUS;
    }
}
