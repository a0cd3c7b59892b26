package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws one trend (a vital sign, a lab analyte) on its Canvas: title, each point's reference band, value gridlines and
 * unit, calendar-aligned date ticks, a line and a dot per reading (two for blood pressure), the
 * picked reading's marker, the legend and the focus ring. Keeps the plot area of the last
 * drawing, which maps times and values to pixels. FX thread; a redraw costs O(readings drawn).
 */
final class VitalsPainter {
    static final double DOT = 3.5;
    private static final Font TICK = Font.font("System", 12);
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 14);
    private static final Text MEASURE = new Text();

    /** The colours of one theme (AtlantaFX Primer's looked-up colours, which a Canvas cannot resolve). */
    record Palette(Color bg, Color fg, Color muted, Color grid, Color band, Color focus, Color first, Color second) {
        static Palette of(boolean dark) {
            return dark
                    ? new Palette(Color.web("#0d1117"), Color.web("#c9d1d9"), Color.web("#8b949e"), Color.web("#262c34"),
                            Color.rgb(46, 160, 67, 0.22), Color.web("#58a6ff"), Color.web("#f3622d"), Color.web("#fba71b"))
                    : new Palette(Color.WHITE, Color.web("#24292f"), Color.web("#57606a"), Color.web("#e6e9ed"),
                            Color.rgb(74, 194, 107, 0.16), Color.web("#0969da"), Color.web("#e0531c"), Color.web("#e39400"));
        }
    }

    private final Canvas canvas;
    private final TrendData data;
    private final boolean twoValues;
    private final Palette colors;
    private final VitalsAxes axes;
    /** Tick labels repeat on every redraw: measure each once. */
    private final Map<String, Double> tickWidths = new HashMap<>();
    // Plot area, in canvas pixels; set by each redraw.
    private double left;
    private double top;
    private double right;
    private double bottom;
    private List<CalendarTicks.Tick> xTicks = List.of();

    VitalsPainter(Canvas canvas, TrendData data, VitalsAxes axes, boolean dark) {
        this.canvas = canvas;
        this.data = data;
        this.twoValues = data.twoValues();
        this.axes = axes;
        this.colors = Palette.of(dark);
        this.orgs = org.chartlens.ui.common.OrgLegend.current();
    }

    /** A person's chart (issue 14): the organizations, each point marked with its sources below the lines. */
    private final org.chartlens.ui.common.OrgLegend orgs;

    double xOf(long millis) {
        return left + (millis - axes.fromX) / (double) (axes.toX - axes.fromX) * (right - left);
    }

    double yOf(double v) {
        return bottom - (v - axes.fromY) / (axes.toY - axes.fromY) * (bottom - top);
    }

    /** The date ticks of the last drawing. */
    List<CalendarTicks.Tick> xTicks() {
        return xTicks;
    }

    private double tickWidth(String s) {
        return tickWidths.computeIfAbsent(s, k -> textWidth(TICK, k));
    }

    static double textWidth(Font f, String s) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private List<String[]> legend() {
        List<String[]> l = new ArrayList<>();
        if (twoValues) {
            l.add(new String[] {"line1", data.firstName});
            l.add(new String[] {"line2", data.secondName});
        }
        if (data.bandName != null) {
            l.add(new String[] {"band", data.bandName});
        }
        if (orgs.isPerson()) {
            for (String o : orgs.orgs()) {
                l.add(new String[] {"org:" + o, orgs.name(o)});
            }
        }
        return l;
    }

    /**
     * Draws everything; called on resize, pick and focus change.
     *
     * @param current index into the readings drawn of the one picked, or -1
     */
    void redraw(int current) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 20 || h < 20) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        Palette c = colors;
        g.setFill(c.bg());
        g.fillRect(0, 0, w, h);

        List<String[]> legend = legend();
        double yLabelW = 0;
        for (double v = axes.fromY; v <= axes.toY + axes.tickY / 2; v += axes.tickY) {
            yLabelW = Math.max(yLabelW, tickWidth(axes.yLabel(v)));
        }
        left = 8 + 16 + 6 + yLabelW + 6;
        right = w - 28;
        top = 34;
        bottom = h - 26 - (legend.isEmpty() ? 0 : 24);
        if (right - left < 20 || bottom - top < 20) {
            return;
        }

        // Title.
        g.setFont(TITLE);
        g.setFill(c.fg());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(data.title + (data.unit.isEmpty() ? "" : " (" + data.unit + ")"), (left + right) / 2, 16);

        // The reference band that applies at each point (age, sex, the lab's range), behind everything else.
        g.setFill(c.band());
        bands(g, data.lo, data.hi);
        bands(g, data.lo2, data.hi2);

        valueAxis(g, c);
        dateAxis(g, c, w);

        // Lines, then dots on top so each reading stays visible where lines cross.
        line(g, false, c.first());
        if (twoValues) {
            line(g, true, c.second());
        }
        dots(g, false, c.first());
        if (twoValues) {
            dots(g, true, c.second());
        }
        if (orgs.isPerson()) {
            sourceMarks(g);
        }

        if (data.size() < data.total) {
            g.setFont(TICK);
            g.setFill(c.muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(data.size() + " of " + data.total + " readings drawn (highs and lows kept); the table lists all",
                    right - 4, top + 4);
        }

        if (current >= 0) {
            double x = xOf(data.t[current]);
            g.setStroke(c.muted());
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeLine(x, top, x, bottom);
            g.setLineDashes((double[]) null);
            marker(g, x, data.v[current], c.first());
            marker(g, x, data.v2[current], c.second());
        }

        if (!legend.isEmpty()) {
            drawLegend(g, legend, (left + right) / 2, h - 14);
        }

        if (canvas.isFocused()) {
            g.setStroke(c.focus());
            g.setLineWidth(2);
            g.strokeRoundRect(1, 1, w - 2, h - 2, 6, 6);
        }
    }

    /** Value gridlines and labels, and the unit turned to read bottom to top. */
    private void valueAxis(GraphicsContext g, Palette c) {
        // Gridlines are 1-pixel rectangles: axis-aligned fills are the software renderer's fast path.
        g.setFont(TICK);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v = axes.fromY; v <= axes.toY + axes.tickY / 2; v += axes.tickY) {
            double y = Math.round(yOf(v));
            g.setFill(c.grid());
            g.fillRect(left, y, right - left, 1);
            g.setFill(c.muted());
            g.fillText(axes.yLabel(v), left - 6, y + 0.5);
        }
        g.save();
        g.translate(14, (top + bottom) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(c.muted());
        g.fillText(data.unit, 0, 0);
        g.restore();
    }

    /** Date gridlines and labels on calendar boundaries, and the base line. */
    private void dateAxis(GraphicsContext g, Palette c, double w) {
        xTicks = CalendarTicks.ticks(axes.fromX, axes.toX, right - left, this::tickWidth);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (CalendarTicks.Tick t : xTicks) {
            double x = Math.round(xOf(t.millis()));
            g.setFill(c.grid());
            g.fillRect(x, top, 1, bottom + 4 - top);
            g.setFill(c.muted());
            double half = tickWidth(t.label()) / 2;
            g.fillText(t.label(), Math.max(half + 2, Math.min(w - half - 2, x)), bottom + 6);
        }
        g.setFill(c.muted());
        g.fillRect(left, Math.round(bottom), right - left, 1);
    }

    /**
     * Each point's band, as steps: a run of points with the same band is one rectangle, and the
     * band changes halfway between two readings whose bands differ (a child's heart-rate band
     * narrows as they grow; an adult band is never drawn over childhood readings). A limit with
     * no other end (a child's systolic blood pressure has a citable low limit only) is a dashed
     * line, not a band running to the edge of the plot: nothing above it is called normal. O(points).
     */
    private void bands(GraphicsContext g, double[] lo, double[] hi) {
        int n = data.size();
        int start = 0;
        Color limit = Color.color(colors.band().getRed(), colors.band().getGreen(), colors.band().getBlue(), 0.95);
        for (int i = 1; i <= n; i++) {
            if (i < n && Double.compare(lo[i], lo[start]) == 0 && Double.compare(hi[i], hi[start]) == 0) {
                continue;
            }
            double x0 = start == 0 ? left : (xOf(data.t[start - 1]) + xOf(data.t[start])) / 2;
            double x1 = i == n ? right : (xOf(data.t[i - 1]) + xOf(data.t[i])) / 2;
            boolean hasLo = !Double.isNaN(lo[start]);
            boolean hasHi = !Double.isNaN(hi[start]);
            if (hasLo && hasHi) {
                double y0 = yOf(Math.min(hi[start], axes.toY));
                double y1 = yOf(Math.max(lo[start], axes.fromY));
                if (y1 > y0 && x1 > x0) {
                    g.setFill(colors.band());
                    g.fillRect(x0, y0, x1 - x0, y1 - y0);
                }
            } else if (hasLo || hasHi) {
                double y = Math.round(yOf(hasLo ? lo[start] : hi[start]));
                g.setStroke(limit);
                g.setLineWidth(2);
                g.setLineDashes(6, 4);
                g.strokeLine(x0, y, x1, y);
                g.setLineDashes((double[]) null);
            }
            start = i;
        }
    }

    private void line(GraphicsContext g, boolean second, Color color) {
        double[] vs = second ? data.v2 : data.v;
        g.setStroke(color);
        g.setLineWidth(2);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < vs.length; i++) {
            if (Double.isNaN(vs[i])) {
                continue;
            }
            double x = xOf(data.t[i]);
            double y = yOf(vs[i]);
            if (started) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                started = true;
            }
        }
        g.stroke();
    }

    private void dots(GraphicsContext g, boolean second, Color color) {
        // Solid dots: one fill each (a ring is a fill and a stroke, twice the software rasterising).
        double[] vs = second ? data.v2 : data.v;
        g.setFill(color);
        for (int i = 0; i < vs.length; i++) {
            if (Double.isNaN(vs[i])) {
                continue;
            }
            double x = xOf(data.t[i]);
            double y = yOf(vs[i]);
            double[] lo = second ? data.lo2 : data.lo;
            double[] hi = second ? data.hi2 : data.hi;
            // Outside its band: a triangle pointing up (high) or down (low), a shape as well as a place.
            if (!Double.isNaN(hi[i]) && vs[i] > hi[i]) {
                g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {y + 4, y + 4, y - 5}, 3);
            } else if (!Double.isNaN(lo[i]) && vs[i] < lo[i]) {
                g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {y - 4, y - 4, y + 5}, 3);
            } else {
                g.fillOval(x - DOT, y - DOT, 2 * DOT, 2 * DOT);
            }
        }
    }

    /**
     * Under each point, one small square per organization that recorded it, in that organization's
     * row and colour (the legend names them): which points came from where, never by colour alone
     * (the row says it too, and the table lists the names).
     */
    private void sourceMarks(GraphicsContext g) {
        List<String> all = orgs.orgs();
        for (int i = 0; i < data.t.length; i++) {
            org.chartlens.domain.Source s = data.sources[i];
            if (s == null) {
                continue;
            }
            double x = xOf(data.t[i]);
            for (String o : s.orgs()) {
                int row = all.indexOf(o);
                if (row < 0) {
                    continue;
                }
                g.setFill(Color.web(orgs.colour(o)));
                g.fillRect(x - 2, bottom - 7 - row * 6, 4, 4);
            }
        }
    }

    private void marker(GraphicsContext g, double x, double v, Color color) {
        if (Double.isNaN(v)) {
            return;
        }
        double y = yOf(v);
        g.setFill(color);
        g.fillOval(x - 6, y - 6, 12, 12);
        g.setStroke(colors.bg());
        g.setLineWidth(2);
        g.strokeOval(x - 6, y - 6, 12, 12);
    }

    private void drawLegend(GraphicsContext g, List<String[]> entries, double centre, double y) {
        g.setFont(TICK);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double total = 0;
        for (String[] e : entries) {
            total += 22 + tickWidth(e[1]) + 18;
        }
        double x = Math.max(4, centre - total / 2);
        for (String[] e : entries) {
            switch (e[0]) {
                case "band" -> {
                    g.setFill(colors.band());
                    g.fillRect(x, y - 6, 18, 12);
                    g.setStroke(colors.grid());
                    g.setLineWidth(1);
                    g.strokeRect(x + 0.5, y - 5.5, 17, 11);
                }
                default -> {
                    if (e[0].startsWith("org:")) {
                        g.setFill(Color.web(orgs.colour(e[0].substring(4))));
                        g.fillRect(x + 5, y - 4, 8, 8);
                        g.setFill(colors.fg());
                        g.fillText(e[1], x + 22, y);
                        x += 22 + tickWidth(e[1]) + 18;
                        continue;
                    }
                    Color col = e[0].equals("line1") ? colors.first() : colors.second();
                    g.setStroke(col);
                    g.setLineWidth(2);
                    g.strokeLine(x, y, x + 18, y);
                    g.setFill(col);
                    g.fillOval(x + 9 - DOT, y - DOT, 2 * DOT, 2 * DOT);
                }
            }
            g.setFill(colors.fg());
            g.fillText(e[1], x + 22, y);
            x += 22 + tickWidth(e[1]) + 18;
        }
    }
}
