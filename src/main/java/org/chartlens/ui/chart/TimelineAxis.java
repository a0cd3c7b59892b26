package org.chartlens.ui.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's date ticks: a unit that gives about one label per 90 px (years in steps of
 * 1 to 50, else months or days, else quarters or half-years), on calendar boundaries in UTC.
 * Stateless, no JavaFX; cost proportional to the ticks in view.
 */
final class TimelineAxis {
    private static final long DAY = TimelineLayout.DAY;
    private static final int[] YEAR_STEPS = {1, 2, 5, 10, 20, 50};

    private TimelineAxis() {
    }

    /** The ticks (some may fall just outside the view; the painter skips those). */
    static List<CalendarTicks.Tick> ticks(TimeScale scale) {
        long span = scale.end() - scale.start();
        double pxPerDay = scale.plotWidth() / (span / (double) DAY);
        int yearStep = 0;
        for (int s : YEAR_STEPS) {
            if (s * 365 * pxPerDay >= 70) {
                yearStep = s;
                break;
            }
        }
        LocalDate startDate = Instant.ofEpochMilli(scale.start()).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate endDate = Instant.ofEpochMilli(scale.end()).atZone(ZoneOffset.UTC).toLocalDate();
        List<CalendarTicks.Tick> ticks = new ArrayList<>();
        if (yearStep > 0 && 365 * pxPerDay < 400) {
            int y0 = startDate.getYear() - startDate.getYear() % yearStep;
            for (int y = y0; y <= endDate.getYear() + 1; y += yearStep) {
                ticks.add(new CalendarTicks.Tick(millis(LocalDate.of(y, 1, 1)), Integer.toString(y)));
            }
        } else if (30 * pxPerDay >= 45) {
            boolean days = pxPerDay >= 40;
            LocalDate d = days ? startDate : startDate.withDayOfMonth(1);
            int stepDays = pxPerDay >= 40 ? 1 : pxPerDay >= 12 ? 7 : 0;
            while (!d.isAfter(endDate.plusDays(1))) {
                ticks.add(new CalendarTicks.Tick(millis(d), stepDays > 0 ? d.toString() : d.toString().substring(0, 7)));
                d = stepDays > 0 ? d.plusDays(stepDays) : d.plusMonths(1);
            }
        } else {
            LocalDate d = startDate.withDayOfMonth(1);
            int step = 30 * pxPerDay * 3 >= 45 ? 3 : 6;
            d = d.withMonth(((d.getMonthValue() - 1) / step) * step + 1);
            while (!d.isAfter(endDate.plusMonths(1))) {
                ticks.add(new CalendarTicks.Tick(millis(d), d.toString().substring(0, 7)));
                d = d.plusMonths(step);
            }
        }
        return ticks;
    }

    private static long millis(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
