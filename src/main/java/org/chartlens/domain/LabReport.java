package org.chartlens.domain;

import java.util.List;

/**
 * A lab report or panel (DiagnosticReport) with its results; results no report lists are gathered
 * in a report with a null source named "Other results". Immutable.
 *
 * @param name      panel name
 * @param when      effective date as given
 * @param status    report status or ""
 * @param performer performing organization display or ""
 * @param results   the results, in report order
 * @param source    the DiagnosticReport, or null for "Other results"
 */
public record LabReport(Coded name, ChartDate when, String status, String performer,
                        List<LabResult> results, Source source) {
    public LabReport {
        results = List.copyOf(results);
    }

    public long abnormalCount() {
        return results.stream().filter(LabResult::isAbnormal).count();
    }
}
