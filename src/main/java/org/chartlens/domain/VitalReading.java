package org.chartlens.domain;

/**
 * One vital-sign measurement, already in the preferred unit. Immutable.
 *
 * @param kind      which vital sign
 * @param when      effective date as given
 * @param value     the value (systolic for blood pressure), in {@code unit}
 * @param second    diastolic for blood pressure, else NaN
 * @param unit      display unit after normalisation
 * @param original  the value and unit as the server sent them ("165 [lb_av]"), for the table
 * @param source    organization and resource
 * @param assessment flag against the interval for the patient's age and sex then, or NONE
 */
public record VitalReading(VitalKind kind, ChartDate when, double value, double second,
                           String unit, String original, Source source, ResultFlag assessment) {

    public VitalReading {
        assessment = assessment == null ? ResultFlag.NONE : assessment;
    }

    public VitalReading(VitalKind kind, ChartDate when, double value, double second,
                        String unit, String original, Source source) {
        this(kind, when, value, second, unit, original, source, ResultFlag.NONE);
    }

    public VitalReading withAssessment(ResultFlag f) {
        return new VitalReading(kind, when, value, second, unit, original, source, f);
    }

    public boolean hasSecond() {
        return !Double.isNaN(second);
    }

    /** "120/80 mmHg", "72.5 kg". */
    public String valueText() {
        String v = format(value);
        if (hasSecond()) {
            v = v + "/" + format(second);
        }
        return v + " " + unit;
    }

    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "?";
        }
        if (Math.abs(d - Math.rint(d)) < 1e-9) {
            return Long.toString((long) Math.rint(d));
        }
        if (Double.isInfinite(d)) {
            return String.format(java.util.Locale.ROOT, "%.1f", d);
        }
        // what String.format(ROOT, "%.1f", d) gives (its digits are Double.toString's, rounded
        // half up), without a Formatter per call: the builders format every reading and claim
        String s = new java.math.BigDecimal(Double.toString(d)).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        return d < 0 && s.charAt(0) != '-' ? "-" + s : s;
    }
}
