package org.chartlens.ui.chart;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
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
 *
 * <p>This class holds the picked reading and the pointer, keyboard and read-out handling;
 * {@link VitalsAxes} chooses the ranges and {@link VitalsPainter} draws.
 */
public final class VitalsChart extends Region {
    private static final double HOVER_RADIUS = 10;

    private final Canvas canvas = new Canvas();
    private final VitalSeries series;
    private final List<VitalReading> shown;
    private final int datedCount;
    private final boolean twoValues;
    private final VitalsAxes axes;
    private final VitalsPainter painter;
    /** Made on the first pick: a Tooltip is a popup window with its own CSS, not worth it before. */
    private Tooltip tip;
    private boolean tipInstalled;
    /** Index into {@link #shown} of the reading read out now, or -1. */
    private int current = -1;
    private IntConsumer onPick = i -> { };
    private final String summary;
    /** The chart's organizations, as they were when this chart was built. */
    private final org.chartlens.ui.common.OrgLegend legend = org.chartlens.ui.common.OrgLegend.current();

    VitalsChart(VitalSeries series, List<VitalReading> dated, int maxPoints, boolean dark) {
        this.series = series;
        this.shown = VitalsTab.downsample(dated, maxPoints);
        this.datedCount = dated.size();
        this.twoValues = shown.stream().anyMatch(VitalReading::hasSecond);
        getStyleClass().add("vitals-chart");
        setId("vitals-chart");
        getChildren().add(canvas);
        setMinSize(240, 180);

        axes = new VitalsAxes(series, shown);
        painter = new VitalsPainter(canvas, series, shown, datedCount, twoValues, axes, dark);

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
                        RawJsonDialog.show(this, shown.get(current).source(), legend);
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
        return new double[] {axes.fromY, axes.toY, axes.tickY};
    }

    /** The date ticks of the last drawing. */
    List<CalendarTicks.Tick> xTicks() {
        return painter.xTicks();
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
        return painter.xOf(millis);
    }

    double yOf(double v) {
        return painter.yOf(v);
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

    /** Draws everything; called on resize, pick and focus change. */
    void redraw() {
        painter.redraw(current);
    }
}
