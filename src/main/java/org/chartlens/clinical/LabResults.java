package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Coded;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.VitalKind;

/**
 * Lab reports (DiagnosticReport, category LAB) with their results, plus laboratory Observations
 * no report lists. Flags come from the interpretation, else from the reference range.
 * Stateless, thread safe; linear.
 */
public final class LabResults {
    private LabResults() {
    }

    public static List<LabReport> of(ParsedChart chart) {
        List<LabReport> reports = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (ResourceTree r : chart.all("DiagnosticReport")) {
            JsonNode n = r.node();
            if (!isLab(n)) {
                continue;
            }
            List<LabResult> results = new ArrayList<>();
            for (JsonNode ref : n.path("result")) {
                String id = FhirNodes.refId(ref);
                ResourceTree obs = chart.get("Observation", id);
                if (obs != null) {
                    listed.add(id);
                    results.add(result(obs));
                }
            }
            reports.add(new LabReport(FhirNodes.coded(n.get("code")), VitalSigns.effective(n),
                    n.path("status").asText(""), FhirNodes.ref(n.get("performer")), results, r.source()));
        }
        List<LabResult> loose = new ArrayList<>();
        for (ResourceTree o : chart.all("Observation")) {
            if (listed.contains(o.raw().id())) {
                continue;
            }
            JsonNode n = o.node();
            boolean lab = false;
            for (JsonNode c : n.path("category")) {
                if ("laboratory".equals(FhirNodes.code(c))) {
                    lab = true;
                }
            }
            String code = n.path("code").path("coding").path(0).path("code").asText("");
            if (lab && VitalKind.ofLoinc(code) == null) {
                loose.add(result(o));
            }
        }
        reports.sort(Comparator.comparingLong((LabReport x) -> x.when().millisOr(Long.MIN_VALUE)).reversed());
        if (!loose.isEmpty()) {
            loose.sort(Comparator.comparingLong((LabResult x) -> x.when().millisOr(Long.MIN_VALUE)).reversed());
            reports.add(new LabReport(new Coded(null, null, null, "Other results"), ChartDate.NONE, "",
                    "", loose, null));
        }
        return List.copyOf(reports);
    }

    static boolean isLab(JsonNode report) {
        for (JsonNode c : report.path("category")) {
            for (JsonNode coding : c.path("coding")) {
                String code = coding.path("code").asText("");
                if (code.equals("LAB") || code.equals("laboratory")) {
                    return true;
                }
            }
        }
        return false;
    }

    static LabResult result(ResourceTree r) {
        JsonNode n = r.node();
        String value;
        double numeric = Double.NaN;
        String unit = "";
        JsonNode q = n.get("valueQuantity");
        if (q != null) {
            numeric = q.path("value").asDouble(Double.NaN);
            value = q.path("comparator").asText("") + VitalFormat.number(numeric);
            unit = q.path("unit").asText(q.path("code").asText(""));
        } else if (n.has("valueCodeableConcept")) {
            value = FhirNodes.coded(n.get("valueCodeableConcept")).label();
        } else if (n.has("valueString")) {
            value = n.get("valueString").asText();
        } else if (n.has("valueBoolean")) {
            value = n.get("valueBoolean").asText();
        } else if (n.has("valueInteger")) {
            numeric = n.get("valueInteger").asDouble();
            value = n.get("valueInteger").asText();
        } else if (n.has("dataAbsentReason")) {
            value = "(" + FhirNodes.coded(n.get("dataAbsentReason")).label() + ")";
        } else {
            value = "";
        }
        JsonNode rr = n.path("referenceRange").path(0);
        double low = rr.path("low").path("value").asDouble(Double.NaN);
        double high = rr.path("high").path("value").asDouble(Double.NaN);
        String range = rr.path("text").asText("");
        if (range.isEmpty() && (!Double.isNaN(low) || !Double.isNaN(high))) {
            range = (Double.isNaN(low) ? "" : VitalFormat.number(low)) + "–"
                    + (Double.isNaN(high) ? "" : VitalFormat.number(high));
        }
        String flag = FhirNodes.code(n.get("interpretation"));
        if (flag.isEmpty() && !Double.isNaN(numeric)) {
            if (!Double.isNaN(high) && numeric > high) {
                flag = "H";
            } else if (!Double.isNaN(low) && numeric < low) {
                flag = "L";
            } else if (!Double.isNaN(low) || !Double.isNaN(high)) {
                flag = "N";
            }
        }
        return new LabResult(FhirNodes.coded(n.get("code")), value, numeric, unit, range, flag,
                VitalSigns.effective(n), n.path("status").asText(""), r.source());
    }

    /** Every numeric result with the same code as {@code analyte}, oldest first (the trend). */
    public static List<LabResult> trend(List<LabReport> reports, Coded analyte) {
        List<LabResult> out = new ArrayList<>();
        for (LabReport rep : reports) {
            for (LabResult r : rep.results()) {
                if (r.test().code() != null && r.test().code().equals(analyte.code())
                        && !Double.isNaN(r.numeric()) && r.when().instant() != null) {
                    out.add(r);
                }
            }
        }
        out.sort(Comparator.comparingLong(x -> x.when().millisOr(0)));
        return out;
    }
}
