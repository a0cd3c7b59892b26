package org.chartlens.domain;

import java.util.List;

/**
 * Every reading of one vital sign, oldest first, in one unit. Readings without a readable date
 * are kept (the table shows them) but {@link #dated()} leaves them out of charts. Immutable.
 *
 * @param kind       which vital sign
 * @param unit       the display unit of every reading
 * @param normalLow  normal range low end in {@code unit}, or null
 * @param normalHigh normal range high end in {@code unit}, or null
 * @param readings   all readings, oldest first, undated last
 */
public record VitalSeries(VitalKind kind, String unit, Double normalLow, Double normalHigh,
                          List<VitalReading> readings) {
    public VitalSeries {
        readings = List.copyOf(readings);
    }

    public List<VitalReading> dated() {
        return readings.stream().filter(r -> r.when().instant() != null).toList();
    }

    public VitalReading latest() {
        VitalReading last = null;
        for (VitalReading r : readings) {
            if (r.when().instant() != null) {
                last = r;
            }
        }
        return last;
    }
}
