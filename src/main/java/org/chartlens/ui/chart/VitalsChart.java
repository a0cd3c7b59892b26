package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;
import org.chartlens.ui.common.RawJsonDialog;

/**
 * One vital sign's readings over time, drawn on a single Canvas (a chart made of nodes cost most
 * of the tab's first render in CSS and layout): calendar-aligned date ticks, value gridlines,
 * the adult normal range shaded, a line and a dot per displayed reading (systolic and diastolic
 * together for blood pressure) and a legend. The pointer or the arrow keys pick a reading; its
 * value, date and source go to the read-out, the tooltip and the accessible text. FX thread;
 * a redraw costs O(displayed points).
 */
public final class VitalsChart extends Region {
    private static final long DAY = 86_400_000L;
    private static final double HOVER_RADIUS = 10;
    private static final double DOT = 3.5;
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

    private final Canvas canvas = new Canvas();
    private final VitalSeries series;
    private final List<VitalReading> shown;
    private final int datedCount;
    private final boolean twoValues;
    private final Palette colors;
    /** Made on the first pick: a Tooltip is a popup window with its own CSS, not worth it before. */
    private Tooltip tip;
    private boolean tipInstalled;
    private final long fromX;
    private final long toX;
    private final double fromY;
    private final double toY;
    private final double tickY;
    /** Index into {@link #shown} of the reading read out now, or -1. */
    private int current = -1;
    private IntConsumer onPick = i -> { };
    private final String summary;
    // Plot area, in canvas pixels; set by each redraw.
    private double left;
    private double top;
    private double right;
    private double bottom;
    private List<CalendarTicks.Tick> xTicks = List.of();

    VitalsChart(VitalSeries series, List<VitalReading> dated, int maxPoints, boolean dark) {
        this.series = series;
        this.shown = VitalsTab.downsample(dated, maxPoints);
        this.datedCount = dated.size();
        this.colors = Palette.of(dark);
        this.twoValues = shown.stream().anyMatch(VitalReading::hasSecond);
        getStyleClass().add("vitals-chart");
        setId("vitals-chart");
        getChildren().add(canvas);
        setMinSize(240, 180);

        long minX = Long.MAX_VALUE;
        long maxX = Long.MIN_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (VitalReading r : shown) {
            long t = r.when().millisOr(0);
            minX = Math.min(minX, t);
            maxX = Math.max(maxX, t);
            if (!Double.isNaN(r.value())) {
                minY = Math.min(minY, r.value());
                maxY = Math.max(maxY, r.value());
            }
            if (r.hasSecond()) {
                minY = Math.min(minY, r.second());
                maxY = Math.max(maxY, r.second());
            }
        }
        if (minY > maxY) {
            minY = 0;
            maxY = 1;
        }
        if (series.normalLow() != null) {
            minY = Math.min(minY, lowBand2() != null ? lowBand2() : series.normalLow());
            maxY = Math.max(maxY, series.normalHigh());
        }
        long padX = Math.max(15 * DAY, (long) ((maxX - minX) * 0.03));
        fromX = minX - padX;
        toX = maxX + padX;
        double padY = Math.max((maxY - minY) * 0.08, Math.abs(maxY) * 0.01 + 0.1);
        tickY = VitalsTab.niceTick(maxY - minY + 2 * padY);
        // No vital sign is negative: never start the axis below zero.
        fromY = minY >= 0 ? Math.max(0, Math.floor((minY - padY) / tickY) * tickY) : Math.floor((minY - padY) / tickY) * tickY;
        toY = Math.ceil((maxY + padY) / tickY) * tickY;

        VitalReading last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        summary = series.kind().label() + " chart, " + datedCount + " readings"
                + (shown.isEmpty() ? "" : " from " + shown.get(0).when().dateOnly() + " to " + last.when().dateOnly()
                        + ". Latest " + last.valueText() + " on " + last.when().dateOnly())
                + ".";
        canvas.setFocusTraversable(true);
        canvas.setId("vitals-canvas");
        canvas.setAccessibleRole(AccessibleRole.TEXT);
        canvas.setAccessibleText(summary);
        canvas.setAccessibleHelp("Left and right arrow keys step through the readings, Home and End go to the first "
                + "and latest; Enter shows the reading's source record.");
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (!canvas.isFocused()) {
                setCurrent(-1, false);
            }
        });
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            int i = nearest(e.getX(), e.getY());
            if (i >= 0) {
                setCurrent(i, true);
            }
        });
        canvas.focusedProperty().addListener((o, a, f) -> {
            if (f && current < 0 && !shown.isEmpty()) {
                setCurrent(shown.size() - 1, false);
            } else {
                redraw();
            }
        });
        canvas.setOnKeyPressed(e -> {
            int n = shown.size();
            if (n == 0) {
                return;
            }
            int at = current < 0 ? n - 1 : current;
            switch (e.getCode()) {
                case LEFT, KP_LEFT -> setCurrent(Math.max(0, at - 1), true);
                case RIGHT, KP_RIGHT -> setCurrent(Math.min(n - 1, at + 1), true);
                case PAGE_UP -> setCurrent(Math.max(0, at - 10), true);
                case PAGE_DOWN -> setCurrent(Math.min(n - 1, at + 10), true);
                case HOME -> setCurrent(0, true);
                case END -> setCurrent(n - 1, true);
                case ENTER -> {
                    if (current >= 0) {
                        RawJsonDialog.show(this, shown.get(current).source());
                    }
                }
                case ESCAPE -> setCurrent(-1, false);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Called with the index into {@link #shown()} when a reading is picked by click or key. */
    void setOnPick(IntConsumer onPick) {
        this.onPick = onPick;
    }

    /** How many lines are drawn: 2 for blood pressure (systolic and diastolic), else 1. */
    public int seriesCount() {
        return twoValues ? 2 : 1;
    }

    /** The readings drawn, oldest first (all of them unless more than the display maximum). */
    public List<VitalReading> shown() {
        return shown;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** The value axis: {lowest, highest, step}. */
    double[] valueAxis() {
        return new double[] {fromY, toY, tickY};
    }

    /** The date ticks of the last drawing. */
    List<CalendarTicks.Tick> xTicks() {
        return xTicks;
    }

    /** The read-out of the reading picked now (value, date, source), or null. */
    public String readout() {
        return current < 0 ? null : describe(shown.get(current));
    }

    /** The reading picked now, or null. */
    public VitalReading current() {
        return current < 0 ? null : shown.get(current);
    }

    String describe(VitalReading r) {
        String what = twoValues ? "Systolic/diastolic " : series.kind().label() + " ";
        return what + r.valueText() + "  ·  " + r.when().display() + "  ·  Source: " + r.source().org() + " · "
                + r.source().reference();
    }

    /** Picks a reading (also from the table); {@code fromUser} tells listeners to follow. */
    void setCurrent(int i, boolean fromUser) {
        if (i == current) {
            if (fromUser && i >= 0) {
                onPick.accept(i);
            }
            return;
        }
        current = i;
        String text = readout();
        canvas.setAccessibleText(text == null ? summary : text);
        if (text != null) {
            if (tip == null) {
                tip = new Tooltip();
                tip.setShowDelay(Duration.millis(150));
            }
            tip.setText(text);
            if (!tipInstalled) {
                Tooltip.install(canvas, tip);
                tipInstalled = true;
            }
        } else if (tipInstalled) {
            Tooltip.uninstall(canvas, tip);
            tip.hide();
            tipInstalled = false;
        }
        redraw();
        notifyReadout();
        if (fromUser) {
            onPick.accept(i);
        }
    }

    private Runnable onReadout = () -> { };

    void setOnReadout(Runnable r) {
        this.onReadout = r;
    }

    private void notifyReadout() {
        onReadout.run();
    }

    /** Picks the displayed reading nearest the point (canvas coordinates), if within a few pixels. */
    void hoverAt(double x, double y) {
        setCurrent(nearest(x, y), false);
    }

    private int nearest(double x, double y) {
        int best = -1;
        double bestD = HOVER_RADIUS * HOVER_RADIUS;
        for (int i = 0; i < shown.size(); i++) {
            VitalReading r = shown.get(i);
            double px = xOf(r.when().millisOr(0));
            double dx = px - x;
            if (dx * dx > bestD) {
                continue;
            }
            for (double v : new double[] {r.value(), r.second()}) {
                if (Double.isNaN(v)) {
                    continue;
                }
                double dy = yOf(v) - y;
                double d = dx * dx + dy * dy;
                if (d <= bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    double xOf(long millis) {
        return left + (millis - fromX) / (double) (toX - fromX) * (right - left);
    }

    double yOf(double v) {
        return bottom - (v - fromY) / (toY - fromY) * (bottom - top);
    }

    private Double lowBand2() {
        return series.kind() == VitalKind.BLOOD_PRESSURE ? 60.0 : null;
    }

    private Double highBand2() {
        return series.kind() == VitalKind.BLOOD_PRESSURE ? 80.0 : null;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 320;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        canvas.relocate(0, 0);
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** Tick labels repeat on every redraw: measure each once. */
    private final java.util.Map<String, Double> tickWidths = new java.util.HashMap<>();

    private double tickWidth(String s) {
        return tickWidths.computeIfAbsent(s, k -> textWidth(TICK, k));
    }

    static double textWidth(Font f, String s) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private String yLabel(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(tickY) + 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }

    private List<String[]> legend() {
        List<String[]> l = new ArrayList<>();
        if (twoValues) {
            l.add(new String[] {"line1", "Systolic"});
            l.add(new String[] {"line2", "Diastolic"});
        }
        if (series.normalLow() != null) {
            String unit = " " + series.unit();
            String range = twoValues && lowBand2() != null
                    ? fmt(series.normalLow()) + "–" + fmt(series.normalHigh()) + " / " + fmt(lowBand2()) + "–"
                            + fmt(highBand2()) + unit
                    : fmt(series.normalLow()) + "–" + fmt(series.normalHigh()) + unit;
            l.add(new String[] {"band", "Adult normal range " + range});
        }
        return l;
    }

    private static String fmt(double d) {
        return VitalReading.format(d);
    }

    /** Draws everything; called on resize, pick and focus change. */
    void redraw() {
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
        for (double v = fromY; v <= toY + tickY / 2; v += tickY) {
            yLabelW = Math.max(yLabelW, tickWidth(yLabel(v)));
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
        g.fillText(series.kind().label() + " (" + series.unit() + ")", (left + right) / 2, 16);

        // Normal range band(s), behind everything else.
        g.setFill(c.band());
        band(g, series.normalLow(), series.normalHigh());
        band(g, lowBand2(), highBand2());

        // Value gridlines and labels.
        // Gridlines are 1-pixel rectangles: axis-aligned fills are the software renderer's fast path.
        g.setFont(TICK);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v = fromY; v <= toY + tickY / 2; v += tickY) {
            double y = Math.round(yOf(v));
            g.setFill(c.grid());
            g.fillRect(left, y, right - left, 1);
            g.setFill(c.muted());
            g.fillText(yLabel(v), left - 6, y + 0.5);
        }
        // Unit, turned to read bottom to top.
        g.save();
        g.translate(14, (top + bottom) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(c.muted());
        g.fillText(series.unit(), 0, 0);
        g.restore();

        // Date gridlines and labels on calendar boundaries.
        xTicks = CalendarTicks.ticks(fromX, toX, right - left, this::tickWidth);
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

        // Lines, then dots on top so each reading stays visible where lines cross.
        line(g, false, c.first());
        if (twoValues) {
            line(g, true, c.second());
        }
        dots(g, false, c.first());
        if (twoValues) {
            dots(g, true, c.second());
        }

        if (shown.size() < datedCount) {
            g.setFont(TICK);
            g.setFill(c.muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(shown.size() + " of " + datedCount + " readings drawn (highs and lows kept); the table lists all",
                    right - 4, top + 4);
        }

        if (current >= 0) {
            VitalReading r = shown.get(current);
            double x = xOf(r.when().millisOr(0));
            g.setStroke(c.muted());
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeLine(x, top, x, bottom);
            g.setLineDashes((double[]) null);
            marker(g, x, r.value(), c.first());
            if (r.hasSecond()) {
                marker(g, x, r.second(), c.second());
            }
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

    private void band(GraphicsContext g, Double lo, Double hi) {
        if (lo == null || hi == null) {
            return;
        }
        double y0 = yOf(Math.min(hi, toY));
        double y1 = yOf(Math.max(lo, fromY));
        if (y1 > y0) {
            g.fillRect(left, y0, right - left, y1 - y0);
        }
    }

    private void line(GraphicsContext g, boolean second, Color color) {
        g.setStroke(color);
        g.setLineWidth(2);
        g.beginPath();
        boolean started = false;
        for (VitalReading r : shown) {
            double v = second ? r.second() : r.value();
            if (Double.isNaN(v)) {
                continue;
            }
            double x = xOf(r.when().millisOr(0));
            double y = yOf(v);
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
        g.setFill(color);
        for (VitalReading r : shown) {
            double v = second ? r.second() : r.value();
            if (Double.isNaN(v)) {
                continue;
            }
            double x = xOf(r.when().millisOr(0));
            double y = yOf(v);
            g.fillOval(x - DOT, y - DOT, 2 * DOT, 2 * DOT);
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
