package org.chartlens.domain;

/**
 * One lab result (Observation). Immutable.
 *
 * @param test      the analyte (LOINC display)
 * @param value     the value as text ("5.4", "Positive", "120 mg/dL" without the unit)
 * @param numeric   numeric value, or NaN
 * @param unit      unit, or ""
 * @param range     reference range as text ("3.5-5.0"), or ""
 * @param flag      "H", "L", "HH", "LL", "A", "N" or "" (from interpretation, else range)
 * @param when      effective date as given
 * @param status    final, preliminary, amended...
 * @param source    organization and resource
 */
public record LabResult(Coded test, String value, double numeric, String unit, String range,
                        String flag, ChartDate when, String status, Source source) {
    public boolean isAbnormal() {
        return !flag.isEmpty() && !"N".equals(flag);
    }
}
