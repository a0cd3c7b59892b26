package org.chartlens.ui.chart;

import java.util.Locale;

/**
 * The ranges a trend chart shows: time from a little before the first point to a little after
 * the last, values on round steps around every point and every reference band drawn, never
 * below zero when no value is. No JavaFX; immutable. Cost O(points).
 */
final class VitalsAxes {
    private static final long DAY = 86_400_000L;

    final long fromX;
    final long toX;
    final double fromY;
    final double toY;
    final double tickY;

    VitalsAxes(TrendData d) {
        long minX = Long.MAX_VALUE;
        long maxX = Long.MIN_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < d.size(); i++) {
            minX = Math.min(minX, d.t[i]);
            maxX = Math.max(maxX, d.t[i]);
            for (double v : new double[] {d.v[i], d.v2[i], d.lo[i], d.hi[i], d.lo2[i], d.hi2[i]}) {
                if (!Double.isNaN(v)) {
                    minY = Math.min(minY, v);
                    maxY = Math.max(maxY, v);
                }
            }
        }
        if (minX > maxX) {
            minX = 0;
            maxX = DAY;
        }
        if (minY > maxY) {
            minY = 0;
            maxY = 1;
        }
        long padX = Math.max(15 * DAY, (long) ((maxX - minX) * 0.03));
        fromX = minX - padX;
        toX = maxX + padX;
        double padY = Math.max((maxY - minY) * 0.08, Math.abs(maxY) * 0.01 + 0.1);
        tickY = VitalsTab.niceTick(maxY - minY + 2 * padY);
        // No vital sign or lab value is negative: never start the axis below zero.
        fromY = minY >= 0 ? Math.max(0, Math.floor((minY - padY) / tickY) * tickY) : Math.floor((minY - padY) / tickY) * tickY;
        toY = Math.ceil((maxY + padY) / tickY) * tickY;
    }

    /** A value gridline's label, with as many decimals as the step needs. */
    String yLabel(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(tickY) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
