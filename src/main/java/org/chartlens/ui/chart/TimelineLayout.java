package org.chartlens.ui.chart;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineItem;

/**
 * Where the timeline's items sit: each lane's items packed once into rows so spans do not
 * overlap, the lanes' heights, and which item is under a point. No JavaFX; immutable after
 * construction. Packing costs O(items x {@link #MAX_ROWS}); a hit test O(items in the lane).
 */
final class TimelineLayout {
    static final long DAY = 86_400_000L;
    static final double ROW = 18;
    static final int MAX_ROWS = 6;
    static final double AXIS = 28;

    private final Timeline timeline;
    private final TimelineLanes lanes;
    private final long now;
    /** Row (within its lane) per item, by lane key. */
    private final Map<String, int[]> rows = new HashMap<>();
    private final Map<String, Integer> rowCount = new HashMap<>();
    /** Per item, the index of the next item (by start) in the same row, or -1. */
    private final Map<String, int[]> next = new HashMap<>();

    /** Lanes by kind. @param now where ongoing items end (epoch millis) */
    TimelineLayout(Timeline timeline, long now) {
        this(timeline, TimelineLanes.byKind(timeline), now);
    }

    TimelineLayout(Timeline timeline, TimelineLanes lanes, long now) {
        this.timeline = timeline;
        this.lanes = lanes;
        this.now = now;
        for (TimelineLanes.Lane l : lanes.lanes()) {
            pack(l);
        }
    }

    private void pack(TimelineLanes.Lane l) {
        List<TimelineItem> items = l.items();
        int[] r = new int[items.size()];
        long[] rowEnd = new long[MAX_ROWS];
        Arrays.fill(rowEnd, Long.MIN_VALUE);
        int used = 1;
        boolean spans = l.packed();
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
        rows.put(l.key(), r);
        rowCount.put(l.key(), used);
        int[] nx = new int[items.size()];
        int[] lastInRow = new int[MAX_ROWS];
        Arrays.fill(lastInRow, -1);
        for (int i = 0; i < items.size(); i++) {
            nx[i] = -1;
            if (lastInRow[r[i]] >= 0) {
                nx[lastInRow[r[i]]] = i;
            }
            lastInRow[r[i]] = i;
        }
        next.put(l.key(), nx);
    }

    Timeline timeline() {
        return timeline;
    }

    TimelineLanes lanes() {
        return lanes;
    }

    long now() {
        return now;
    }

    /** Row per item of the lane (same order as {@code l.items()}). */
    int[] rows(TimelineLanes.Lane l) {
        return rows.get(l.key());
    }

    /** Per item of the lane, the index of the next item in its row, or -1. */
    int[] nextInRow(TimelineLanes.Lane l) {
        return next.get(l.key());
    }

    double laneHeight(TimelineLanes.Lane l) {
        return rowCount.get(l.key()) * ROW + 14;
    }

    /** The item within a few pixels of (x, y) on the canvas, or null. */
    TimelineItem hit(double x, double y, TimeScale scale, Predicate<String> visible) {
        double top = AXIS;
        for (TimelineLanes.Lane l : lanes.lanes()) {
            if (!visible.test(l.key())) {
                continue;
            }
            double h = laneHeight(l);
            if (y >= top && y < top + h) {
                List<TimelineItem> items = l.items();
                int[] r = rows.get(l.key());
                TimelineItem best = null;
                double bestD = 6;
                for (int i = 0; i < items.size(); i++) {
                    TimelineItem it = items.get(i);
                    double rowY = top + 7 + r[i] * ROW;
                    if (y < rowY - 2 || y > rowY + ROW) {
                        continue;
                    }
                    double x0 = scale.xOf(it.start());
                    double x1 = it.isSpan() ? scale.xOf(it.ongoing() ? now : it.end()) : x0;
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
}
