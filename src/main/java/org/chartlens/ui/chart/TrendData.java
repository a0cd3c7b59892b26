package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.chartlens.domain.ReferenceBand;
import org.chartlens.domain.VitalReading;

/**
 * What a trend chart draws, as arrays (no JavaFX): the points shown (time, value, and a second
 * value for blood pressure), the reference band that applies at each point (the patient's age
 * and sex at that reading, or the lab's own range), the title, unit and legend words. Built once
 * per chart; immutable after construction. A chart of 100,000 results draws a decimated sample
 * ({@link #decimate}), never one node per point.
 */
final class TrendData {
    final String title;
    final String unit;
    final long[] t;
    final double[] v;
    final double[] v2;
    /** Each point's source (a person's chart marks which organizations recorded it); null entries allowed. */
    final org.chartlens.domain.Source[] sources;
    /** Band of each point (NaN where that end, or the whole band, is unknown). */
    final double[] lo;
    final double[] hi;
    final double[] lo2;
    final double[] hi2;
    /** Legend names of the two lines (blood pressure), or null for one line. */
    final String firstName;
    final String secondName;
    /** "Normal range for age at each reading", or the one range's words; null when no band. */
    final String bandName;
    /** How many dated points there were before decimation. */
    final int total;

    TrendData(String title, String unit, int n, int total, String firstName, String secondName) {
        this.title = title;
        this.unit = unit;
        this.t = new long[n];
        this.v = new double[n];
        this.v2 = new double[n];
        this.sources = new org.chartlens.domain.Source[n];
        this.lo = nan(n);
        this.hi = nan(n);
        this.lo2 = nan(n);
        this.hi2 = nan(n);
        java.util.Arrays.fill(v2, Double.NaN);
        this.firstName = firstName;
        this.secondName = secondName;
        this.total = total;
        this.bandName = null;
    }

    private TrendData(TrendData d, String bandName) {
        this.title = d.title;
        this.unit = d.unit;
        this.t = d.t;
        this.v = d.v;
        this.v2 = d.v2;
        this.sources = d.sources;
        this.lo = d.lo;
        this.hi = d.hi;
        this.lo2 = d.lo2;
        this.hi2 = d.hi2;
        this.firstName = d.firstName;
        this.secondName = d.secondName;
        this.total = d.total;
        this.bandName = bandName;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    int size() {
        return t.length;
    }

    boolean twoValues() {
        return secondName != null;
    }

    void band(int i, ReferenceBand b) {
        if (b != null) {
            lo[i] = b.low();
            hi[i] = b.high();
        }
    }

    void band2(int i, ReferenceBand b) {
        if (b != null) {
            lo2[i] = b.low();
            hi2[i] = b.high();
        }
    }

    boolean hasBand(int i) {
        return !Double.isNaN(lo[i]) || !Double.isNaN(hi[i]);
    }

    /**
     * The same data with its legend's band words: the one range when every point has the same,
     * else "{@code varying}" (e.g. "Normal range for the age at each reading").
     */
    TrendData withBandName(String prefix, String varying) {
        int first = -1;
        boolean same = true;
        for (int i = 0; i < size(); i++) {
            if (!hasBand(i)) {
                continue;
            }
            if (first < 0) {
                first = i;
            } else if (!sameBand(first, i)) {
                same = false;
                break;
            }
        }
        if (first < 0) {
            return this;
        }
        boolean open = false;
        for (int i = 0; i < size() && !open; i++) {
            open = Double.isNaN(lo[i]) != Double.isNaN(hi[i]) || Double.isNaN(lo2[i]) != Double.isNaN(hi2[i]);
        }
        if (!same) {
            return new TrendData(this, varying + (open ? " (dashed: a limit only)" : ""));
        }
        String r = range(lo[first], hi[first]);
        if (!Double.isNaN(lo2[first]) || !Double.isNaN(hi2[first])) {
            r = r + " / " + range(lo2[first], hi2[first]);
        }
        return new TrendData(this, prefix + " " + r + " " + unit);
    }

    boolean sameBand(int a, int b) {
        return same(lo[a], lo[b]) && same(hi[a], hi[b]) && same(lo2[a], lo2[b]) && same(hi2[a], hi2[b]);
    }

    private static boolean same(double x, double y) {
        return Double.compare(x, y) == 0;
    }

    static String range(double low, double high) {
        if (Double.isNaN(low)) {
            return "below " + VitalReading.format(high);
        }
        if (Double.isNaN(high)) {
            return "from " + VitalReading.format(low);
        }
        return VitalReading.format(low) + "–" + VitalReading.format(high);
    }

    /**
     * Display-only decimation: splits the points into buckets of equal count and keeps each
     * bucket's first, lowest and highest, so peaks survive. O(n); the table keeps every point.
     */
    static <T> List<T> decimate(List<T> in, int max, ToLongFunction<T> time, ToDoubleFunction<T> value) {
        if (in.size() <= max) {
            return in;
        }
        int buckets = Math.max(1, max / 3);
        double per = in.size() / (double) buckets;
        List<T> out = new ArrayList<>(buckets * 3);
        for (int b = 0; b < buckets; b++) {
            int from = (int) (b * per);
            int to = Math.min(in.size(), (int) ((b + 1) * per));
            if (from >= to) {
                continue;
            }
            T lo = in.get(from);
            T hi = in.get(from);
            for (int i = from; i < to; i++) {
                T x = in.get(i);
                if (value.applyAsDouble(x) < value.applyAsDouble(lo)) {
                    lo = x;
                }
                if (value.applyAsDouble(x) > value.applyAsDouble(hi)) {
                    hi = x;
                }
            }
            List<T> keep = new ArrayList<>(3);
            keep.add(in.get(from));
            if (lo != keep.get(0)) {
                keep.add(lo);
            }
            if (hi != keep.get(0) && hi != lo) {
                keep.add(hi);
            }
            keep.sort(Comparator.comparingLong(time));
            out.addAll(keep);
        }
        return out;
    }
}
