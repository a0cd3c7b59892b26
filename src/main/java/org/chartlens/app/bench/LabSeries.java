package org.chartlens.app.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.clinical.ResultFlags;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Coded;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.ResultFlag;
import org.chartlens.domain.Source;

/**
 * A synthetic series of one test for the render benchmark (issue 16): {@code n} glucose results
 * an hour apart, values wandering around the reference interval, each flagged by ChartLens's real
 * shipped interval (so the chart draws its band), in one report. Deterministic; no I/O.
 */
final class LabSeries {
    static final Coded GLUCOSE = new Coded("LOINC", "http://loinc.org", "2345-7", "Glucose [Mass/volume] in Serum or Plasma");

    private LabSeries() {
    }

    static List<LabReport> of(int n) {
        List<LabResult> results = new ArrayList<>(n);
        Instant start = Instant.parse("2000-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            double v = Math.round((95 + 30 * Math.sin(i / 500.0) + (i * 7919 % 41) - 20) * 10) / 10.0;
            Instant t = start.plusSeconds(3600L * i);
            ResultFlag f = ResultFlags.shipped(GLUCOSE.code(), v, "mg/dL", "", 50, "female");
            results.add(new LabResult(GLUCOSE, Double.toString(v), v, "mg/dL", f.range(), f.code(),
                    new ChartDate(t.toString(), t, ChartDate.Precision.TIME), "final",
                    new Source("bench", "Observation", "g" + i), f));
        }
        return List.of(new LabReport(new Coded(null, null, null, "Glucose series (" + n + " results)"),
                results.get(0).when(), "final", "", results, null));
    }
}
