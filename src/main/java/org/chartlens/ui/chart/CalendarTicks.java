package org.chartlens.ui.chart;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Time-axis ticks on calendar boundaries (UTC, as dates are shown elsewhere): 1 January for
 * spans of years, the first of a month for spans of months, whole days below that. Picks the
 * finest step whose labels, as measured, fit side by side with a gap, so labels never overlap.
 * Stateless; cost proportional to the number of ticks tried (a few hundred at most).
 */
final class CalendarTicks {
    /** One tick: epoch millis at 00:00 UTC of a calendar boundary and its label. */
    record Tick(long millis, String label) {
    }

    private enum Unit { DAY, MONTH, YEAR }

    private record Step(Unit unit, int n) {
    }

    private static final Step[] DAYS = {new Step(Unit.DAY, 1), new Step(Unit.DAY, 2), new Step(Unit.DAY, 7),
        new Step(Unit.DAY, 14)};
    private static final Step[] MONTHS = {new Step(Unit.MONTH, 1), new Step(Unit.MONTH, 2), new Step(Unit.MONTH, 3),
        new Step(Unit.MONTH, 6)};
    private static final Step[] YEARS = {new Step(Unit.YEAR, 1), new Step(Unit.YEAR, 2), new Step(Unit.YEAR, 5),
        new Step(Unit.YEAR, 10), new Step(Unit.YEAR, 20), new Step(Unit.YEAR, 50), new Step(Unit.YEAR, 100)};
    private static final long DAY = 86_400_000L;
    /** Minimum empty space between two labels, in pixels. */
    static final double GAP = 16;

    private CalendarTicks() {
    }

    /**
     * Ticks inside [from, to] for an axis {@code width} pixels wide.
     *
     * @param measure the width in pixels of a label as it will be drawn
     */
    static List<Tick> ticks(long from, long to, double width, ToDoubleFunction<String> measure) {
        if (to <= from || width <= 0) {
            return List.of();
        }
        long span = to - from;
        List<Step> candidates = new ArrayList<>();
        if (span <= 62 * DAY) {
            candidates.addAll(List.of(DAYS));
            candidates.addAll(List.of(MONTHS));
        } else if (span <= 2 * 366 * DAY) {
            candidates.addAll(List.of(MONTHS));
        }
        candidates.addAll(List.of(YEARS));
        double pxPerMs = width / span;
        List<Tick> last = List.of();
        for (Step s : candidates) {
            List<Tick> t = generate(s, from, to);
            last = t;
            if (fits(t, pxPerMs, measure)) {
                return t;
            }
        }
        // Even a century per label does not fit: show only the first label.
        return last.isEmpty() ? last : List.of(last.get(0));
    }

    private static boolean fits(List<Tick> ticks, double pxPerMs, ToDoubleFunction<String> measure) {
        if (ticks.size() < 2) {
            return true;
        }
        // Labels are centred on their tick: neighbours need half of each label plus the gap.
        for (int i = 1; i < ticks.size(); i++) {
            double dx = (ticks.get(i).millis() - ticks.get(i - 1).millis()) * pxPerMs;
            double need = measure.applyAsDouble(ticks.get(i).label()) / 2
                    + measure.applyAsDouble(ticks.get(i - 1).label()) / 2 + GAP;
            if (dx < need) {
                return false;
            }
        }
        return true;
    }

    private static List<Tick> generate(Step s, long from, long to) {
        LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(from, DAY));
        LocalDate end = LocalDate.ofEpochDay(Math.floorDiv(to, DAY));
        List<Tick> out = new ArrayList<>();
        LocalDate d;
        switch (s.unit()) {
            case YEAR -> {
                int y = Math.floorDiv(start.getYear(), s.n()) * s.n();
                for (; y <= end.getYear(); y += s.n()) {
                    add(out, LocalDate.of(y, 1, 1), Integer.toString(y), from, to);
                }
            }
            case MONTH -> {
                d = start.withDayOfMonth(1);
                d = d.withMonth((d.getMonthValue() - 1) / s.n() * s.n() + 1);
                for (; !d.isAfter(end); d = d.plusMonths(s.n())) {
                    add(out, d, d.toString().substring(0, 7), from, to);
                }
            }
            case DAY -> {
                for (d = start; !d.isAfter(end); d = d.plusDays(1)) {
                    int dom = d.getDayOfMonth();
                    boolean on = switch (s.n()) {
                        case 1 -> true;
                        case 2 -> dom % 2 == 1 && dom < 31;
                        case 7 -> dom == 1 || dom == 8 || dom == 15 || dom == 22;
                        default -> dom == 1 || dom == 15;
                    };
                    if (on) {
                        add(out, d, d.toString(), from, to);
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    private static void add(List<Tick> out, LocalDate d, String label, long from, long to) {
        long ms = d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        if (ms >= from && ms <= to) {
            out.add(new Tick(ms, label));
        }
    }
}
