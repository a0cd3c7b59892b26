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
import org.chartlens.domain.ReferenceBand;
import org.chartlens.domain.ResultFlag;
import org.chartlens.domain.VitalKind;

/**
 * Lab reports (DiagnosticReport, category LAB) with their results, plus laboratory Observations
 * no report lists. Flags: {@link ResultFlags} (the lab's interpretation, else the lab's range,
 * else ChartLens's shipped interval for the age and sex at the time).
 * Stateless, thread safe; linear.
 */
public final class LabResults {
    private LabResults() {
    }

    public static List<LabReport> of(ParsedChart chart) {
        ResultFlags.Who who = ResultFlags.Who.of(chart);
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
                    results.add(result(obs, who));
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
                loose.add(result(o, who));
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
        return result(r, ResultFlags.Who.UNKNOWN);
    }

    static LabResult result(ResourceTree r, ResultFlags.Who who) {
        JsonNode n = r.node();
        String value;
        double numeric = Double.NaN;
        String unit = "";
        String ucum = "";
        String coded = "";
        JsonNode q = n.get("valueQuantity");
        if (q != null) {
            numeric = q.path("value").asDouble(Double.NaN);
            value = q.path("comparator").asText("") + VitalFormat.number(numeric);
            unit = q.path("unit").asText(q.path("code").asText(""));
            ucum = q.path("code").asText(unit);
            if (q.has("comparator")) {
                numeric = Double.NaN; // "<5" is not a value to compare with a range
            }
        } else if (n.has("valueCodeableConcept")) {
            value = FhirNodes.coded(n.get("valueCodeableConcept")).label();
            coded = value;
        } else if (n.has("valueString")) {
            value = n.get("valueString").asText();
            coded = value;
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
        ChartDate when = VitalSigns.effective(n);
        ResultFlag flag = ResultFlags.assess(n, loinc(n), numeric, ucum, coded, when, who);
        return new LabResult(FhirNodes.coded(n.get("code")), value, q != null
                ? q.path("value").asDouble(Double.NaN) : numeric, unit, flag.range(), flag.code(),
                when, n.path("status").asText(""), r.source(), flag);
    }

    /** The first LOINC code of an Observation's code, or "". */
    static String loinc(JsonNode n) {
        for (JsonNode c : n.path("code").path("coding")) {
            String sys = c.path("system").asText("");
            if (sys.isEmpty() || sys.equals("http://loinc.org")) {
                return c.path("code").asText("");
            }
        }
        return "";
    }

    /**
     * The trend in one unit: every numeric result of {@code analyte}, oldest first, converted to
     * the unit of the latest result (UCUM, with the SI factor where ChartLens ships one); results
     * whose unit cannot be converted are left out, never plotted on the wrong scale.
     */
    public static List<LabResult> trendInOneUnit(List<LabReport> reports, Coded analyte) {
        List<LabResult> all = trend(reports, analyte);
        if (all.isEmpty()) {
            return all;
        }
        String unit = all.get(all.size() - 1).unit();
        ReferenceIntervals.Interval i = ReferenceIntervals.anyOf(analyte.code());
        double factor = i == null ? Double.NaN : i.siFactor();
        boolean mono = i != null && i.monovalent();
        List<LabResult> out = new ArrayList<>();
        for (LabResult r : all) {
            double v = UcumUnits.convert(r.numeric(), r.unit(), unit, factor, mono);
            if (Double.isNaN(v)) {
                continue;
            }
            out.add(v == r.numeric() && r.unit().equals(unit) ? r
                    : new LabResult(r.test(), VitalFormat.number(v), v, unit, r.range(), r.flag(),
                    r.when(), r.status(), r.source(), r.assessment()));
        }
        return out;
    }

    /**
     * The range each result of a trend was judged against, in the trend's unit (chart bands):
     * the lab's range where it sent one, else ChartLens's interval for the age and sex at that
     * reading; null for a result with neither or whose range's unit cannot be converted.
     */
    public static List<ReferenceBand> bandsInUnit(List<LabResult> trend) {
        List<ReferenceBand> out = new ArrayList<>(trend.size());
        ReferenceBand lastIn = null;
        ReferenceBand lastOut = null;
        for (LabResult r : trend) {
            ReferenceBand b = r.assessment().band();
            if (b == null) {
                out.add(null);
                continue;
            }
            if (b.equals(lastIn) && lastOut != null && lastOut.unit().equals(r.unit())) {
                out.add(lastOut); // a long series shares a handful of bands: convert each once
                continue;
            }
            ReferenceIntervals.Interval i = ReferenceIntervals.anyOf(r.test().code());
            double factor = i == null ? Double.NaN : i.siFactor();
            boolean mono = i != null && i.monovalent();
            double lo = b.hasLow() ? UcumUnits.convert(b.low(), b.unit(), r.unit(), factor, mono) : Double.NaN;
            double hi = b.hasHigh() ? UcumUnits.convert(b.high(), b.unit(), r.unit(), factor, mono) : Double.NaN;
            ReferenceBand converted = Double.isNaN(lo) && Double.isNaN(hi) ? null
                    : new ReferenceBand(lo, hi, r.unit(), b.citation());
            lastIn = b;
            lastOut = converted;
            out.add(converted);
        }
        return out;
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
