package org.chartlens.domain;

import java.util.List;
import java.util.Map;

/** Every vital-sign series of a chart, in {@link VitalKind} order; absent kinds are absent. */
public record Vitals(UnitSystem units, Map<VitalKind, VitalSeries> series) {
    public Vitals {
        series = Map.copyOf(series);
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    public VitalSeries get(VitalKind k) {
        return series.get(k);
    }

    /** All readings across kinds, newest first (the table view). */
    public List<VitalReading> allNewestFirst() {
        return series.values().stream().flatMap(s -> s.readings().stream())
                .sorted((a, b) -> Long.compare(b.when().millisOr(Long.MIN_VALUE),
                        a.when().millisOr(Long.MIN_VALUE)))
                .toList();
    }
}
