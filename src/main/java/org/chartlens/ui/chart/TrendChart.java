package org.chartlens.ui.chart;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.chartlens.domain.Source;
import org.chartlens.ui.common.RawJsonDialog;

/**
 * A trend over time (a vital sign, a lab analyte) drawn on a single Canvas (a chart made of nodes
 * cost most of a tab's first render in CSS and layout; one node per point is not acceptable for
 * 100,000 results): calendar-aligned date ticks, value gridlines, the reference band that applies
 * at each point, a line and a dot per displayed point (two for blood pressure) and a legend. The
 * pointer or the arrow keys pick a point; its value, date and source go to the read-out, the
 * tooltip and the accessible text. FX thread; a redraw costs O(displayed points).
 *
 * <p>This class holds the picked point and the pointer, keyboard and read-out handling;
 * {@link VitalsAxes} chooses the ranges and {@link VitalsPainter} draws. Subclasses say what a
 * point is ({@link #describe}, {@link #sourceOf}).
 *
 * @param <T> the record of one point
 */
public abstract class TrendChart<T> extends Region {
    private static final double HOVER_RADIUS = 10;

    private final Canvas canvas = new Canvas();
    private final List<T> shown;
    private final TrendData data;
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

    /**
     * @param shown   the points drawn, oldest first (already decimated), in step with {@code data}
     * @param summary the accessible text when nothing is picked
     */
    TrendChart(List<T> shown, TrendData data, boolean dark, String styleClass, String summary) {
        this.shown = shown;
        this.data = data;
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        setMinSize(240, 180);
        axes = new VitalsAxes(data);
        painter = new VitalsPainter(canvas, data, axes, dark);
        this.summary = summary;
        canvas.setFocusTraversable(true);
        canvas.setId(styleClass.replace("-chart", "") + "-canvas");
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
                        RawJsonDialog.show(this, sourceOf(shown.get(current)), legend);
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
        return data.twoValues() ? 2 : 1;
    }

    /** What is drawn, as arrays (points, each point's band, legend words). */
    TrendData data() {
        return data;
    }

    /** The points drawn, oldest first (all of them unless more than the display maximum). */
    public List<T> shown() {
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

    /** The point picked now, or null. */
    public T current() {
        return current < 0 ? null : shown.get(current);
    }

    /** The read-out of one point: value, date as given, source. */
    abstract String describe(T point);

    /** The record a point came from (Enter opens it). */
    abstract Source sourceOf(T point);

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
        for (int i = 0; i < data.size(); i++) {
            double dx = xOf(data.t[i]) - x;
            if (dx * dx > bestD) {
                continue;
            }
            for (double v : new double[] {data.v[i], data.v2[i]}) {
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
