package org.chartlens.clinical;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.FlagSource;
import org.chartlens.domain.ReferenceBand;
import org.chartlens.domain.ResultFlag;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;

/**
 * Vital signs against the intervals for the patient's age and sex at each reading (children's
 * heart rate, respiratory rate and blood pressure differ from adults'), and the rules for when a
 * latest reading is still current. Stateless, thread safe.
 */
public final class VitalRanges {
    /** A child's latest reading this much older than the newest is not current (unchanged rule). */
    public static final long CHILD_OLD_AFTER_MILLIS = 365L * 86_400_000L;
    /** An adult's (18 or older) latest reading this much older than the newest is not current. */
    public static final long ADULT_OLD_AFTER_MILLIS = 2 * 365L * 86_400_000L;
    /** Head circumference is charted (CDC growth charts) from birth to 36 months. */
    public static final double HEAD_CIRCUMFERENCE_UNTIL_YEARS = 3.0;

    private VitalRanges() {
    }

    /** The LOINC code ChartLens's intervals use for a kind (systolic for blood pressure), or null. */
    static String loinc(VitalKind k) {
        return switch (k) {
            case BLOOD_PRESSURE -> VitalSigns.SYSTOLIC;
            case HEART_RATE -> "8867-4";
            case RESPIRATORY_RATE -> "9279-1";
            case TEMPERATURE -> "8310-5";
            case BMI -> "39156-5";
            default -> null;
        };
    }

    static String metricUcum(VitalKind k) {
        return switch (k) {
            case BLOOD_PRESSURE -> "mm[Hg]";
            case HEART_RATE, RESPIRATORY_RATE -> "/min";
            case TEMPERATURE -> "Cel";
            case BMI -> "kg/m2";
            default -> "";
        };
    }

    /** A single-valued reading (metric value) against the interval for that age and sex. */
    static ResultFlag assess(VitalKind k, double metricValue, double ageYears, String sex) {
        String loinc = loinc(k);
        if (loinc == null || k == VitalKind.BLOOD_PRESSURE) {
            return ResultFlag.NONE;
        }
        return ResultFlags.shipped(loinc, metricValue, metricUcum(k), "", ageYears, sex);
    }

    /** Blood pressure: the worse of systolic and diastolic; ranges of both in the text. */
    static ResultFlag bloodPressure(double sys, double dia, double ageYears, String sex) {
        ResultFlag s = Double.isNaN(sys) ? ResultFlag.NONE
                : ResultFlags.shipped(VitalSigns.SYSTOLIC, sys, "mm[Hg]", "", ageYears, sex);
        ResultFlag d = Double.isNaN(dia) ? ResultFlag.NONE
                : ResultFlags.shipped(VitalSigns.DIASTOLIC, dia, "mm[Hg]", "", ageYears, sex);
        if (s.code().isEmpty() && d.code().isEmpty()) {
            return ResultFlag.NONE;
        }
        ResultFlag worse = rank(d) > rank(s) ? d : s;
        String range = (s.range().isEmpty() ? "" : "systolic " + s.range())
                + (!s.range().isEmpty() && !d.range().isEmpty() ? "; " : "")
                + (d.range().isEmpty() ? "" : "diastolic " + d.range());
        String citation = s.citation().isEmpty() ? d.citation() : s.citation();
        return new ResultFlag(worse.code(), FlagSource.CHARTLENS, range, citation, worse.critical());
    }

    private static int rank(ResultFlag f) {
        if (f.critical()) {
            return 3;
        }
        return f.isAbnormal() ? 2 : f.code().isEmpty() ? 0 : 1;
    }

    /**
     * The reference band for a vital sign at one date for a patient of this birth date and sex,
     * in the display unit of {@code units} (°F for temperature in US units), or null where no
     * citable interval covers that age. For blood pressure: the systolic band. The Vitals chart
     * draws each point's band, not one adult band across a lifetime.
     */
    public static ReferenceBand referenceBandAt(VitalKind kind, ChartDate date, LocalDate birthDate,
                                                String sex, UnitSystem units) {
        String loinc = loinc(kind);
        if (loinc == null) {
            return null;
        }
        double age = new ResultFlags.Who(birthDate, sex).ageAt(date);
        ReferenceIntervals.Interval i = ReferenceIntervals.find(loinc, age, sex);
        if (i == null) {
            return null;
        }
        double low = i.low();
        double high = Double.isNaN(i.high()) ? i.highFrom() : i.high();
        String unit = ReferenceIntervals.displayUnit(i.unit());
        if (kind == VitalKind.TEMPERATURE && units == UnitSystem.US) {
            low = low * 9 / 5 + 32;
            high = high * 9 / 5 + 32;
            unit = "°F";
        }
        return new ReferenceBand(low, high, unit, i.citation());
    }

    /** Diastolic band for blood pressure at that date, or null. */
    public static ReferenceBand diastolicBandAt(ChartDate date, LocalDate birthDate, String sex) {
        double age = new ResultFlags.Who(birthDate, sex).ageAt(date);
        ReferenceIntervals.Interval i = ReferenceIntervals.find(VitalSigns.DIASTOLIC, age, sex);
        return i == null ? null : new ReferenceBand(i.low(), Double.isNaN(i.high()) ? i.highFrom() : i.high(),
                "mmHg", i.citation());
    }

    /**
     * True when {@code r} is no longer the patient's current state: older than the chart's newest
     * vital sign by two years for an adult (one year for a child or unknown age), or an age-bound
     * sign (head circumference) while the patient is past the age it applies to.
     *
     * @param newest     the newest latest-reading time of the chart ({@link VitalSigns#newestReading})
     * @param birthDate  the patient's birth date, or null
     */
    public static boolean olderReading(VitalReading r, long newest, LocalDate birthDate) {
        long when = r.when().millisOr(Long.MIN_VALUE);
        if (when == Long.MIN_VALUE || newest == Long.MIN_VALUE) {
            return false;
        }
        double ageAtNewest = ageAt(birthDate, newest);
        if (r.kind() == VitalKind.HEAD_CIRCUMFERENCE && !Double.isNaN(ageAtNewest)
                && ageAtNewest >= HEAD_CIRCUMFERENCE_UNTIL_YEARS) {
            return true;
        }
        long window = !Double.isNaN(ageAtNewest) && ageAtNewest >= 18 ? ADULT_OLD_AFTER_MILLIS : CHILD_OLD_AFTER_MILLIS;
        return newest - when >= window;
    }

    /** False for age-bound signs past their age: head circumference after 36 months. */
    public static boolean appliesAtAge(VitalKind k, double ageYears) {
        return k != VitalKind.HEAD_CIRCUMFERENCE || Double.isNaN(ageYears) || ageYears < HEAD_CIRCUMFERENCE_UNTIL_YEARS;
    }

    private static double ageAt(LocalDate birthDate, long millis) {
        if (birthDate == null) {
            return Double.NaN;
        }
        LocalDate d = java.time.Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
        return ChronoUnit.DAYS.between(birthDate, d) / 365.25;
    }
}
