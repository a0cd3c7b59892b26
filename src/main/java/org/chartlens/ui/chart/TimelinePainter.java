package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;

/**
 * Draws the timeline on its Canvas: the date axis, the lanes (bands, names, bars and points)
 * and the "today" line, culled to the visible range, and places item labels where they fit.
 * Remembers the boxes of what it drew (tests check that labels never overlap). FX thread;
 * a redraw costs O(items in view).
 */
final class TimelinePainter {
    private static final double LANE_LABEL = TimelineView.LANE_LABEL;
    private static final double ROW = TimelineLayout.ROW;
    private static final double AXIS = TimelineLayout.AXIS;
    private static final Font LABEL_FONT = Font.font("System", 11);
    private static final Text MEASURE = new Text();

    private final Canvas canvas;
    private final TimelineLayout layout;
    private final long now;
    private final List<TimelineView.LabelBox> drawnLabels = new ArrayList<>();
    private final List<TimelineView.LabelBox> drawnMarks = new ArrayList<>();
    /** Labels repeat (the same encounter type, the same drug): measure each once. */
    private final Map<String, Double> widths = new HashMap<>();
    // The state of the drawing under way.
    private TimeScale scale;
    private TimelineItem selected;
    private boolean dark;

    TimelinePainter(Canvas canvas, TimelineLayout layout) {
        this.canvas = canvas;
        this.layout = layout;
        this.now = layout.now();
    }

    /** Redraws only what is in view; cost proportional to the items in the visible range. */
    void redraw(TimeScale scale, Predicate<String> visible, TimelineItem selected, boolean dark) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 10 || h < 10) {
            return;
        }
        this.scale = scale;
        this.selected = selected;
        this.dark = dark;
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
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(grid);
        g.setLineWidth(1);
        axis(g, w, h, fg);

        double top = AXIS;
        boolean alt = false;
        for (TimelineLanes.Lane l : layout.lanes().lanes()) {
            if (!visible.test(l.key())) {
                continue;
            }
            double lh = layout.laneHeight(l);
            if (alt) {
                g.setFill(band);
                g.fillRect(0, top, w, lh);
            }
            alt = !alt;
            g.setFill(fg);
            g.setFont(laneFont);
            g.setTextAlign(TextAlignment.LEFT);
            double nameX = 8;
            if (l.swatch() != null) {
                // an organization's lane: its colour beside its name (never the colour alone)
                g.setFill(Color.web(l.swatch()));
                g.fillRect(8, top + Math.min(lh / 2, 16) - 5, 10, 10);
                g.setFill(fg);
                nameX = 22;
            }
            double room = LANE_LABEL - nameX - 4;
            String[] two = twoLines(l.label(), room, laneFont);
            g.fillText(fit(two[0], room, laneFont), nameX, top + Math.min(lh / 2, 16));
            if (two[1] != null && lh > 36) {
                g.fillText(fit(two[1], room, laneFont), nameX, top + Math.min(lh / 2, 16) + 15);
            }
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
            drawnLabels.add(new TimelineView.LabelBox(null, -1, tx - 4 - textWidth("today"), 0, tx - 4, AXIS - 4, "today"));
        }
        g.setStroke(grid);
        g.setLineWidth(1);
        g.strokeLine(LANE_LABEL, AXIS, LANE_LABEL, h);
    }

    /** Gridlines and tick labels: measured, never past the right edge and never under the "today" label. */
    private void axis(GraphicsContext g, double w, double h, Color fg) {
        List<CalendarTicks.Tick> ticks = TimelineAxis.ticks(scale);
        double tx0 = xOf(now);
        double todayLeft = tx0 - 4 - textWidth("today");
        double lastLabelEnd = -1000;
        for (CalendarTicks.Tick t : ticks) {
            double x = xOf(t.millis());
            if (x < LANE_LABEL || x > w) {
                continue;
            }
            g.strokeLine(x, AXIS - 4, x, h);
            String label = t.label();
            double x0 = x + 3;
            double x1 = x0 + textWidth(label);
            boolean clearOfToday = x1 + 4 < todayLeft || x0 > tx0 + 2 || tx0 < LANE_LABEL || tx0 > w;
            if (x0 > lastLabelEnd + 12 && x1 <= w - 2 && clearOfToday) {
                g.setFill(fg);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(label, x0, AXIS / 2);
                drawnLabels.add(new TimelineView.LabelBox(null, -1, x0, 0, x1, AXIS - 4, label));
                lastLabelEnd = x1;
            }
        }
    }

    /**
     * Draws a lane in two passes: marks first, then labels. A label goes only where its row is
     * free of other marks and labels (inside its own bar, or to the right of a point up to the
     * next mark in the row and the edge of the view), cut with an ellipsis to fit, else left out;
     * a click still shows every item's details.
     */
    private void drawLane(GraphicsContext g, TimelineLanes.Lane l, double top, double w, Color fg) {
        List<TimelineItem> items = l.items();
        int[] r = layout.rows(l);
        long viewStart = scale.start();
        long viewEnd = scale.end();
        // Per row: where the last point was drawn, to cull points that would land on the same pixel.
        double[] lastPointX = new double[layout.rowCount(l)];
        Arrays.fill(lastPointX, -10);
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
            boolean masked = org.chartlens.domain.Restrictions.isMasked(it.source());
            Color c = masked ? RESTRICTED : laneColor(it.lane());
            if (masked) {
                // a hidden record (issue 18): a grey box, no label, no colour of its kind
                double x = xOf(it.start());
                if (x < LANE_LABEL) {
                    continue;
                }
                g.setFill(sel ? c.darker() : c);
                g.fillRect(x - 4, y + 1, 8, ROW - 3);
                g.setStroke(dark ? Color.web("#d0d0d0") : Color.web("#5a5a5a"));
                g.setLineWidth(1);
                g.strokeLine(x - 4, y + ROW - 2, x + 4, y + 1);
                drawnMarks.add(new TimelineView.LabelBox(l.key(), r[i], x - 4, y + 1, x + 4, y + ROW - 2, ""));
                continue;
            }
            if (isBar(it, end)) {
                double x1 = Math.min(w, xOf(end));
                g.setFill(sel ? c.darker() : c.deriveColor(0, 1, 1, 0.75));
                g.fillRoundRect(x0, y + 2, Math.max(3, x1 - x0), ROW - 5, 6, 6);
                if (it.ongoing() && x1 < w) {
                    g.fillPolygon(new double[] {x1, x1 + 6, x1}, new double[] {y + 2, y + ROW / 2 - 1, y + ROW - 3}, 3);
                }
                drawnMarks.add(new TimelineView.LabelBox(l.key(), r[i], x0, y + 2, Math.max(x0 + 3, x1), y + ROW - 3, it.label()));
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
                drawnMarks.add(new TimelineView.LabelBox(l.key(), r[i], x - 1.5, y + 1, x + 1.5, y + ROW - 2, it.label()));
            }
            if (sel) {
                g.setStroke(fg);
                g.setLineWidth(1.5);
                g.strokeRect(x0 - 3, y, Math.max(6, xOf(end) - x0 + 6), ROW - 1);
            }
        }
        if (first >= 0) {
            drawLabels(g, l, top, w, fg, first, last);
        }
    }

    /** The second pass of {@link #drawLane}: labels of items {@code first..last}. */
    private void drawLabels(GraphicsContext g, TimelineLanes.Lane l, double top, double w, Color fg, int first, int last) {
        List<TimelineItem> items = l.items();
        int[] r = layout.rows(l);
        int[] nextInRow = layout.nextInRow(l);
        // Per row: how far right the marks and labels drawn so far reach.
        double[] reach = new double[layout.rowCount(l)];
        Arrays.fill(reach, -1);
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = first; i <= last; i++) {
            TimelineItem it = items.get(i);
            long end = it.ongoing() ? now : it.end();
            if (end < scale.start()) {
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
            drawnLabels.add(new TimelineView.LabelBox(l.key(), row, from, y + 2, from + tw, y + ROW - 3, text));
            reach[row] = Math.max(reach[row], from + tw);
        }
    }

    private double xOf(long t) {
        return scale.xOf(t);
    }

    private boolean isBar(TimelineItem it, long end) {
        return it.isSpan() && xOf(end) - xOf(it.start()) >= 3;
    }

    /** A restricted record's grey (issue 18). */
    static final Color RESTRICTED = Color.web("#9aa0a6");

    static Color laneColor(TimelineLane l) {
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

    /** The labels of the last redraw. */
    List<TimelineView.LabelBox> drawnLabels() {
        return List.copyOf(drawnLabels);
    }

    /** The marks (bars and ticks) of the last redraw, as boxes. */
    List<TimelineView.LabelBox> drawnMarks() {
        return List.copyOf(drawnMarks);
    }

    double textWidth(String s) {
        return widths.computeIfAbsent(s, k -> {
            MEASURE.setFont(LABEL_FONT);
            MEASURE.setText(k);
            return MEASURE.getLayoutBounds().getWidth();
        });
    }

    /** A lane name that does not fit on one line, split at a space into two (else {name, null}). */
    private static String[] twoLines(String s, double px, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        if (MEASURE.getLayoutBounds().getWidth() <= px || s.indexOf(' ') < 0) {
            return new String[] {s, null};
        }
        int best = -1;
        for (int i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
            MEASURE.setText(s.substring(0, i));
            if (MEASURE.getLayoutBounds().getWidth() <= px) {
                best = i;
            }
        }
        return best < 0 ? new String[] {s, null} : new String[] {s.substring(0, best), s.substring(best + 1)};
    }

    /** {@link #fit} in another font (lane names). */
    private String fit(String s, double px, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        if (MEASURE.getLayoutBounds().getWidth() <= px) {
            return s;
        }
        for (int n = s.length() - 1; n >= 3; n--) {
            MEASURE.setText(s.substring(0, n) + "…");
            if (MEASURE.getLayoutBounds().getWidth() <= px) {
                return s.substring(0, n) + "…";
            }
        }
        return s.substring(0, Math.min(3, s.length()));
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
}
