package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.clinical.ChartModels;
import org.chartlens.clinical.LabResults;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.Coded;
import org.chartlens.domain.FlagSource;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.ReferenceBand;
import org.chartlens.domain.ResultFlag;
import org.chartlens.domain.Source;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalSeries;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: charts draw the band that applies at each point's date and age (not one adult band
 * across a lifetime), lab trends get bands too, and 100,000 results draw as a sample on one Canvas.
 */
class TrendBandsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @BeforeAll
    static void fx() throws Exception {
        Fx.stage();
    }

    static LocalDate birth(ChartModel m) {
        return m.patient().birthDate().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void aChildsHeartRateChartDrawsPalsBandsForEachAgeNotTheAdultOne() throws Exception {
        // Jamie, born 2011: heart rates from the age of 6 (PALS 2-10 years: 60-140) to 14 (over 10: 60-100).
        ChartModel m = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.columbus("Jamie386")), UnitSystem.METRIC, TODAY);
        VitalSeries hr = m.vitals().get(VitalKind.HEART_RATE);
        VitalsChart c = Fx.call(() -> new VitalsChart(hr, hr.dated(), VitalsTab.MAX_POINTS, false, birth(m),
                m.patient().sex(), UnitSystem.METRIC));
        TrendData d = c.data();
        List<Double> under10 = new ArrayList<>();
        List<Double> over10 = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            double age = (d.t[i] - m.patient().birthDate().instant().toEpochMilli()) / (365.25 * 86_400_000L);
            (age < 10 ? under10 : over10).add(age < 10 || age > 10.1 ? d.hi[i] : 100.0);
        }
        assertTrue(!under10.isEmpty() && !over10.isEmpty(), "readings on both sides of 10 years");
        assertTrue(under10.stream().allMatch(h -> h == 140), "2-10 years: PALS 60-140 " + under10);
        assertTrue(over10.stream().allMatch(h -> h == 100), "over 10: 60-100 " + over10);
        assertEquals("Normal range for the age at each reading", d.bandName);
        // Without a birth date: the adult normal range, as before.
        VitalsChart adult = Fx.call(() -> new VitalsChart(hr, hr.dated(), VitalsTab.MAX_POINTS, false));
        assertEquals(100, adult.data().hi[0]);
        assertTrue(adult.data().bandName.startsWith("Adult normal range 60–100"));
    }

    @Test
    void theLargeChartsBloodPressureHasNoAdultBandBeforeTheAgeOf18() throws Exception {
        ChartModel m = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.large()), UnitSystem.METRIC, TODAY);
        VitalSeries bp = m.vitals().get(VitalKind.BLOOD_PRESSURE);
        VitalsChart c = Fx.call(() -> new VitalsChart(bp, bp.dated(), VitalsTab.MAX_POINTS, false, birth(m),
                m.patient().sex(), UnitSystem.METRIC));
        TrendData d = c.data();
        long adultFrom = birth(m).plusYears(18).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        List<double[]> child = new ArrayList<>();
        List<double[]> adult = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            (d.t[i] < adultFrom ? child : adult).add(new double[] {d.lo[i], d.hi[i], d.hi2[i]});
        }
        assertTrue(child.stream().allMatch(b -> Double.isNaN(b[1])), "no adult 130 mmHg ceiling over a child's reading");
        assertTrue(!adult.isEmpty() && adult.stream().allMatch(b -> b[0] == 90 && b[1] == 130 && b[2] == 80),
                "adults: 90 low (MedlinePlus), high from 130 / 80 (ACC/AHA 2017)");
        assertEquals(2, c.seriesCount());
    }

    static LabResult glucose(int i, double v, String unit, ResultFlag f) {
        Instant t = Instant.parse("2000-01-01T00:00:00Z").plusSeconds(3600L * i);
        return new LabResult(new Coded("LOINC", "http://loinc.org", "2345-7", "Glucose"), Double.toString(v), v, unit, "",
                f.code(), new ChartDate(t.toString(), t, ChartDate.Precision.TIME), "final",
                new Source("demo", "Observation", "g" + i), f);
    }

    @Test
    void aLabTrendOf100000ResultsIsASampleOnOneCanvasWithItsBand() throws Exception {
        ResultFlag chartLens = new ResultFlag("N", FlagSource.CHARTLENS, "70–110 mg/dL", "MSD", false,
                new ReferenceBand(70, 110, "mg/dL", "MSD"));
        List<LabResult> rs = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rs.add(glucose(i, 80 + (i % 97) + (i == 54_321 ? 400 : 0), "mg/dL", chartLens));
        }
        LabReport report = new LabReport(new Coded(null, null, null, "Glucose"), rs.get(0).when(), "final", "", rs, null);
        List<LabResult> trend = LabResults.trendInOneUnit(List.of(report), rs.get(0).test());
        LabTrendChart c = Fx.call(() -> new LabTrendChart("Glucose", trend, false));
        assertTrue(c.shown().size() <= LabTrendChart.MAX_POINTS, "a sample is drawn: " + c.shown().size());
        assertEquals(100_000, c.data().total);
        assertTrue(c.shown().stream().anyMatch(r -> r.numeric() > 400), "the one peak survives the sample");
        assertEquals(1, c.getChildrenUnmodifiable().size(), "one Canvas, no node per point");
        assertEquals(70, c.data().lo[0]);
        assertEquals(110, c.data().hi[0]);
        assertEquals("Reference range 70–110 mg/dL", c.data().bandName);
    }

    @Test
    void aLabsOwnRangeInMmolPerLitreIsDrawnInTheTrendsMilligramsPerDecilitre() throws Exception {
        ResultFlag lab = new ResultFlag("H", FlagSource.LAB_RANGE, "3.9–5.5 mmol/L", "", false,
                new ReferenceBand(3.9, 5.5, "mmol/L", "lab"));
        List<LabResult> rs = List.of(glucose(0, 90, "mg/dL", lab), glucose(1, 130, "mg/dL", lab));
        LabTrendChart c = Fx.call(() -> new LabTrendChart("Glucose", rs, true));
        assertEquals(3.9 / 0.0555, c.data().lo[0], 0.01);
        assertEquals(5.5 / 0.0555, c.data().hi[1], 0.01);
        assertTrue(c.describe(rs.get(1)).contains("▲ H High (lab range)"), c.describe(rs.get(1)));
    }

    @Test
    void labsSayWhyAReportHasNoFlagsAtAll() throws Exception {
        // Tangela, 10: a CBC with no lab ranges, and ChartLens ships no children's CBC intervals.
        ChartModel child = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.columbus("Tangela812")), UnitSystem.METRIC, TODAY);
        LabsTab tab = Fx.call(() -> new LabsTab(child.labs(), false));
        Fx.show(tab);
        assertTrue(Fx.call(() -> tab.lookup("#labs-no-ranges").isVisible()));
        ChartModel large = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.large()), UnitSystem.METRIC, TODAY);
        LabsTab flagged = Fx.call(() -> new LabsTab(large.labs(), false));
        Fx.show(flagged);
        assertFalse(Fx.call(() -> flagged.lookup("#labs-no-ranges").isVisible()));
    }
}
