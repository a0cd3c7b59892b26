package org.chartlens.domain;

/**
 * One lab result (Observation). Immutable.
 *
 * @param test      the analyte (LOINC display)
 * @param value     the value as text ("5.4", "Positive", "120 mg/dL" without the unit)
 * @param numeric   numeric value, or NaN
 * @param unit      unit, or ""
 * @param range     the reference range used, as text ("3.5–5.0 mmol/L"), or ""
 * @param flag      "H", "L", "HH", "LL", "A", "N" or "" (lab interpretation, else lab range,
 *                  else ChartLens's shipped range)
 * @param when      effective date as given
 * @param status    final, preliminary, amended...
 * @param source    organization and resource
 * @param assessment the flag with its source (lab or ChartLens) and the range used
 */
public record LabResult(Coded test, String value, double numeric, String unit, String range,
                        String flag, ChartDate when, String status, Source source,
                        ResultFlag assessment) {
    public LabResult {
        assessment = assessment == null ? ResultFlag.NONE : assessment;
    }

    /** A result flagged only by its code (no source known). */
    public LabResult(Coded test, String value, double numeric, String unit, String range,
                     String flag, ChartDate when, String status, Source source) {
        this(test, value, numeric, unit, range, flag, when, status, source,
                flag.isEmpty() ? ResultFlag.NONE : new ResultFlag(flag, FlagSource.LAB, range, "",
                        flag.equals("HH") || flag.equals("LL") || flag.equals("AA")));
    }

    public boolean isAbnormal() {
        return !flag.isEmpty() && !"N".equals(flag);
    }

    /** Critical (HH, LL, AA, or beyond a critical limit). */
    public boolean isCritical() {
        return assessment.critical();
    }
}
