package org.chartlens.app.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One measured figure: repeated samples (after warm-up), summarised as median, min and max.
 * A figure may name a baseline measured in the same run; its ratio is median / baseline median.
 */
public final class Figure {
    private final String name;
    private final String unit;
    private final List<Double> samples = new ArrayList<>();
    private String baseline;
    private Double ratio;
    private String target;
    private Boolean met;
    private String note;

    public Figure(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    public Figure add(double sample) {
        samples.add(sample);
        return this;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public List<Double> samples() {
        return Collections.unmodifiableList(samples);
    }

    public double median() {
        return percentile(0.5);
    }

    public double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private double percentile(double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n % 2 == 1 || p != 0.5) {
            return sorted.get((int) Math.floor(p * (n - 1) + 0.5));
        }
        return (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Records the ratio of this figure's median to {@code base}'s median. */
    public Figure comparedTo(Figure base) {
        this.baseline = base.name();
        this.ratio = median() / base.median();
        return this;
    }

    /** A target, checked on the median: "lower" figures must be at most {@code limit}. */
    public Figure target(String description, boolean isMet) {
        this.target = description;
        this.met = isMet;
        return this;
    }

    public Figure note(String text) {
        this.note = text;
        return this;
    }

    public String baseline() {
        return baseline;
    }

    public Double ratio() {
        return ratio;
    }

    public String targetDescription() {
        return target;
    }

    public Boolean met() {
        return met;
    }

    public String noteText() {
        return note;
    }
}
