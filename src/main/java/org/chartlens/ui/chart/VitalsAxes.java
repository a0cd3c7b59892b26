package org.chartlens.ui.chart;

import java.util.List;
import java.util.Locale;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;

/**
 * The ranges a vital sign's chart shows: time from a little before the first reading to a
 * little after the last, values on round steps around every reading and the adult normal
 * range, never below zero when no reading is. No JavaFX; immutable. Cost O(readings).
 */
final class VitalsAxes {
    private static final long DAY = 86_400_000L;

    final long fromX;
    final long toX;
    final double fromY;
    final double toY;
    final double tickY;
    private final VitalKind kind;

    VitalsAxes(VitalSeries series, List<VitalReading> shown) {
        this.kind = series.kind();
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
    }

    /** The diastolic normal range's low end (blood pressure), else null. */
    Double lowBand2() {
        return kind == VitalKind.BLOOD_PRESSURE ? 60.0 : null;
    }

    /** The diastolic normal range's high end (blood pressure), else null. */
    Double highBand2() {
        return kind == VitalKind.BLOOD_PRESSURE ? 80.0 : null;
    }

    /** A value gridline's label, with as many decimals as the step needs. */
    String yLabel(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(tickY) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
