package org.chartlens.ui.chart;

import java.util.List;
import org.chartlens.clinical.LabResults;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.ReferenceBand;
import org.chartlens.domain.Source;

/**
 * One analyte's results over time, in one unit, on a Canvas ({@link TrendChart}): at most
 * {@link #MAX_POINTS} drawn (a min/max-keeping sample of a longer series, said in the corner),
 * with the range each result was judged against as the band behind it (the lab's range, else
 * ChartLens's interval for the age and sex at that reading). Built in O(results).
 */
public final class LabTrendChart extends TrendChart<LabResult> {
    /** Above this many results, a min/max-preserving sample is drawn. */
    static final int MAX_POINTS = 400;

    /** @param series the trend in one unit, oldest first ({@link LabResults#trendInOneUnit}) */
    public LabTrendChart(String title, List<LabResult> series, boolean dark) {
        this(title, TrendData.decimate(series, MAX_POINTS, r -> r.when().millisOr(0), LabResult::numeric),
                series.size(), dark);
    }

    private LabTrendChart(String title, List<LabResult> shown, int total, boolean dark) {
        super(shown, data(title, shown, total), dark, "labs-trend-chart",
                title + " chart, " + total + " results" + (shown.isEmpty() ? "." : " from "
                        + shown.get(0).when().dateOnly() + " to " + shown.get(shown.size() - 1).when().dateOnly()
                        + ". Latest " + shown.get(shown.size() - 1).value() + " " + shown.get(shown.size() - 1).unit()
                        + "."));
        setId("labs-trend");
    }

    static TrendData data(String title, List<LabResult> shown, int total) {
        String unit = shown.isEmpty() ? "" : shown.get(shown.size() - 1).unit();
        TrendData d = new TrendData(title, unit, shown.size(), total, null, null);
        List<ReferenceBand> bands = LabResults.bandsInUnit(shown);
        for (int i = 0; i < shown.size(); i++) {
            d.t[i] = shown.get(i).when().millisOr(0);
            d.sources[i] = shown.get(i).source();
            d.v[i] = shown.get(i).numeric();
            d.band(i, bands.get(i));
        }
        return d.withBandName("Reference range", "Reference range at each result");
    }

    @Override
    String describe(LabResult r) {
        String flag = r.assessment().isAbnormal() ? "  " + r.assessment().display()
                + " (" + r.assessment().sourceLabel() + ")" : "";
        return r.test().label() + " " + r.value() + " " + r.unit() + flag + "  ·  " + r.when().display()
                + "  ·  Source: " + r.source().org() + " · " + r.source().reference();
    }

    @Override
    Source sourceOf(LabResult r) {
        return r.source();
    }
}
