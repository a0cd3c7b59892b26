package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineLane;
import org.chartlens.domain.TimelineItem;

/**
 * Where the timeline's items sit: each lane's items packed once into rows so spans do not
 * overlap, the lanes' heights, and which item is under a point. No JavaFX; immutable after
 * construction. Packing costs O(items x {@link #MAX_ROWS}); a hit test O(items in the lane).
 */
final class TimelineLayout {
    static final long DAY = 86_400_000L;
    static final double ROW = 18;
    /** Rows a lane's lighter items may use; the last is the shared overflow row. */
    static final int MAX_ROWS = 6;
    /** Items of this weight or more (active clinical problems) always get a row of their own. */
    static final int HEAVY = 3;
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
        int used = 1;
        boolean spans = l.packed();
        if (spans) {
            used = packByWeight(items, r);
        }
        rows.put(l.key(), r);
        rowCount.put(l.key(), used);
        int[] nx = new int[items.size()];
        int[] lastInRow = new int[used];
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

    /**
     * Rows for spans, the heaviest first (issue 16): items are placed by clinical weight, then
     * length, then start, each in the first row where it overlaps nothing. Active clinical
     * problems (weight 3 and up) always get a row of their own (rows are added for them), so a
     * chronic active problem's label is never hidden in the shared overflow row; lighter items
     * that find no free row among the first {@link #MAX_ROWS} - 1 share the overflow row below.
     * O(n log n).
     */
    private int packByWeight(List<TimelineItem> items, int[] r) {
        Integer[] order = new Integer[items.size()];
        long[] ends = new long[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            TimelineItem it = items.get(i);
            ends[i] = it.ongoing() ? Math.max(now, it.start()) : Math.max(it.end(), it.start() + 20 * DAY);
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -items.get(i).weight())
                .thenComparingLong(i -> -(ends[i] - items.get(i).start()))
                .thenComparingLong(i -> items.get(i).start()));
        List<TreeMap<Long, Long>> rowSpans = new ArrayList<>();
        int heavyRows = 0;
        List<Integer> overflow = new ArrayList<>();
        for (int i : order) {
            TimelineItem it = items.get(i);
            boolean heavy = it.weight() >= HEAVY;
            int limit = heavy ? Integer.MAX_VALUE : Math.max(heavyRows, MAX_ROWS - 1);
            int chosen = -1;
            for (int k = 0; k < Math.min(limit, rowSpans.size() + 1); k++) {
                if (k == rowSpans.size()) {
                    rowSpans.add(new TreeMap<>());
                }
                if (free(rowSpans.get(k), it.start(), ends[i])) {
                    chosen = k;
                    break;
                }
            }
            if (chosen < 0) {
                overflow.add(i);
                continue;
            }
            rowSpans.get(chosen).put(it.start(), ends[i]);
            r[i] = chosen;
            if (heavy) {
                heavyRows = Math.max(heavyRows, chosen + 1);
            }
        }
        int rowsUsed = Math.max(1, rowSpans.size());
        for (int i : overflow) {
            r[i] = rowsUsed;
        }
        return overflow.isEmpty() ? rowsUsed : rowsUsed + 1;
    }

    /** True when [start, end] overlaps no span of the row (spans in a row never overlap). */
    private static boolean free(TreeMap<Long, Long> row, long start, long end) {
        Map.Entry<Long, Long> before = row.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            return false;
        }
        Long after = row.ceilingKey(start);
        return after == null || after > end;
    }

    /** Rows of a lane (the overflow row included). */
    int rowCount(TimelineLane l) {
        return rowCount.get(key(l));
    }

    /** Rows of a lane (the overflow row included). */
    int rowCount(TimelineLanes.Lane l) {
        return rowCount.get(l.key());
    }

    /** Per item of a lane by kind, its row (tests). */
    int[] rows(TimelineLane l) {
        return rows.get(key(l));
    }

    /** The key of a lane by kind ({@link TimelineLanes#byKind}). */
    private static String key(TimelineLane l) {
        return l.name().toLowerCase(java.util.Locale.ROOT);
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
