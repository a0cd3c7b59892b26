package org.chartlens.ui.chart;

import java.time.LocalDate;
import java.util.List;
import org.chartlens.clinical.VitalRanges;
import org.chartlens.domain.ReferenceBand;
import org.chartlens.domain.Source;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;

/**
 * One vital sign's readings over time on a Canvas ({@link TrendChart}), blood pressure as
 * systolic and diastolic together. The band drawn at each reading is the one for the patient's
 * age and sex on that date ({@link VitalRanges#referenceBandAt}): a child's heart-rate band, not
 * the adult one, behind childhood readings. Without a birth date, the adult normal range.
 */
public final class VitalsChart extends TrendChart<VitalReading> {
    private final VitalSeries series;

    /** Adult bands (birth date unknown). */
    VitalsChart(VitalSeries series, List<VitalReading> dated, int maxPoints, boolean dark) {
        this(series, dated, maxPoints, dark, null, "", UnitSystem.METRIC);
    }

    /**
     * @param birthDate the patient's birth date, or null (then the adult normal range throughout)
     * @param sex       "male", "female" or "" (for sex-bound intervals)
     * @param units     the display units (the temperature band in °F for US units)
     */
    VitalsChart(VitalSeries series, List<VitalReading> dated, int maxPoints, boolean dark,
                LocalDate birthDate, String sex, UnitSystem units) {
        this(series, VitalsTab.downsample(dated, maxPoints), dated.size(), dark, new Who(birthDate, sex, units));
    }

    /** Whose bands: birth date (or null), sex, display units. */
    private record Who(LocalDate birthDate, String sex, UnitSystem units) {
    }

    private VitalsChart(VitalSeries series, List<VitalReading> shown, int total, boolean dark, Who who) {
        super(shown, data(series, shown, total, who.birthDate(), who.sex(), who.units()), dark,
                "vitals-chart", summary(series, shown, total));
        this.series = series;
        setId("vitals-chart");
    }

    static TrendData data(VitalSeries s, List<VitalReading> shown, int total, LocalDate birthDate, String sex,
                          UnitSystem units) {
        boolean two = shown.stream().anyMatch(VitalReading::hasSecond);
        TrendData d = new TrendData(s.kind().label(), s.unit(), shown.size(), total,
                two ? "Systolic" : null, two ? "Diastolic" : null);
        boolean bp = s.kind() == VitalKind.BLOOD_PRESSURE;
        ReferenceBand adult = s.normalLow() == null ? null : new ReferenceBand(s.normalLow(), s.normalHigh(), s.unit(), "");
        ReferenceBand adultDia = bp ? new ReferenceBand(60, 80, s.unit(), "") : null;
        for (int i = 0; i < shown.size(); i++) {
            VitalReading r = shown.get(i);
            d.t[i] = r.when().millisOr(0);
            d.v[i] = r.value();
            d.v2[i] = r.second();
            d.sources[i] = r.source();
            if (birthDate == null) {
                d.band(i, adult);
                d.band2(i, adultDia);
            } else {
                d.band(i, VitalRanges.referenceBandAt(s.kind(), r.when(), birthDate, sex, units));
                if (bp) {
                    d.band2(i, VitalRanges.diastolicBandAt(r.when(), birthDate, sex));
                }
            }
        }
        return birthDate == null ? d.withBandName("Adult normal range", "Adult normal range")
                : d.withBandName("Normal range", "Normal range for the age at each reading");
    }

    private static String summary(VitalSeries series, List<VitalReading> shown, int total) {
        VitalReading last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return series.kind().label() + " chart, " + total + " readings"
                + (shown.isEmpty() ? "" : " from " + shown.get(0).when().dateOnly() + " to " + last.when().dateOnly()
                        + ". Latest " + last.valueText() + " on " + last.when().dateOnly())
                + ".";
    }

    @Override
    String describe(VitalReading r) {
        String what = data().twoValues() ? "Systolic/diastolic " : series.kind().label() + " ";
        String flag = r.assessment().isAbnormal() ? "  " + r.assessment().symbol() + " " + r.assessment().words() : "";
        return what + r.valueText() + flag + "  ·  " + r.when().display() + "  ·  Source: " + r.source().org() + " · "
                + r.source().reference();
    }

    @Override
    Source sourceOf(VitalReading r) {
        return r.source();
    }
}
