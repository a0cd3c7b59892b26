package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference intervals ChartLens ships (resource reference-intervals.json; every number cited
 * in docs/decisions/0700-shipped-reference-intervals.md), by LOINC code, age and sex at the time
 * of the reading. Loaded once; immutable and thread safe afterwards.
 */
public final class ReferenceIntervals {

    /**
     * One interval. Ages in years, [minAge, maxAge). NaN where the source gives no limit.
     *
     * @param unit     UCUM unit of the limits ("" for a qualitative expectation)
     * @param sex      "male", "female" or "" for both
     * @param expect   "negative" for a qualitative test, else ""
     * @param siFactor mmol/L per mg/dL (NaN when none is shipped)
     */
    public record Interval(String name, String unit, String sex, double minAge, double maxAge,
                           double low, double high, double highFrom, double criticalBelow,
                           double criticalAbove, String expect, double siFactor,
                           boolean monovalent, String citation) {

        /** "70–110 mg/dL", "< 5.7 %", "≥ 40 mg/dL", "negative". */
        public String text() {
            if (!expect.isEmpty()) {
                return expect;
            }
            String u = unit.isEmpty() ? "" : " " + displayUnit(unit);
            if (!Double.isNaN(low) && !Double.isNaN(high)) {
                return VitalFormat.number(low) + "–" + VitalFormat.number(high) + u;
            }
            if (!Double.isNaN(low) && !Double.isNaN(highFrom)) {
                return VitalFormat.number(low) + "–<" + VitalFormat.number(highFrom) + u;
            }
            if (!Double.isNaN(low)) {
                return "≥ " + VitalFormat.number(low) + u;
            }
            if (!Double.isNaN(high)) {
                return "≤ " + VitalFormat.number(high) + u;
            }
            return "< " + VitalFormat.number(highFrom) + u;
        }

        boolean applies(double ageYears, String patientSex) {
            if (!sex.isEmpty() && !sex.equalsIgnoreCase(patientSex)) {
                return false;
            }
            if (minAge > 0 || !Double.isNaN(maxAge)) {
                if (Double.isNaN(ageYears)) {
                    return false;
                }
                return ageYears >= minAge && (Double.isNaN(maxAge) || ageYears < maxAge);
            }
            return true;
        }
    }

    private static final Map<String, List<Interval>> BY_LOINC = load();

    private ReferenceIntervals() {
    }

    /**
     * The interval for this LOINC code at this age (years, NaN when unknown) and sex, or null: an
     * analyte without a citable interval, or an age or sex no interval covers, gets no flag.
     */
    public static Interval find(String loinc, double ageYears, String sex) {
        for (Interval i : BY_LOINC.getOrDefault(loinc, List.of())) {
            if (i.applies(ageYears, sex == null ? "" : sex)) {
                return i;
            }
        }
        return null;
    }

    /** Any interval of this code (for its SI factor and valence, whatever the age), or null. */
    public static Interval anyOf(String loinc) {
        List<Interval> l = loinc == null ? null : BY_LOINC.get(loinc);
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    /** Every LOINC code with a shipped interval (for tests and the decision record). */
    public static java.util.Set<String> codes() {
        return BY_LOINC.keySet();
    }

    static String displayUnit(String ucum) {
        return switch (ucum) {
            case "mm[Hg]" -> "mmHg";
            case "Cel" -> "°C";
            case "meq/L" -> "mmol/L";
            case "ug/dL" -> "µg/dL";
            case "[pH]" -> "";
            default -> ucum;
        };
    }

    private static Map<String, List<Interval>> load() {
        try (InputStream in = ReferenceIntervals.class.getResourceAsStream("reference-intervals.json")) {
            if (in == null) {
                throw new IllegalStateException("reference-intervals.json is missing from the build");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode sources = root.path("sources");
            Map<String, List<Interval>> out = new HashMap<>();
            for (JsonNode n : root.path("intervals")) {
                String citation = sources.path(n.path("source").asText()).asText("");
                if (citation.isEmpty()) {
                    throw new IllegalStateException("interval without a cited source: " + n.path("name"));
                }
                Interval i = new Interval(n.path("name").asText(), n.path("unit").asText(""),
                        n.path("sex").asText(""), n.path("minAge").asDouble(0), num(n, "maxAge"),
                        num(n, "low"), num(n, "high"), num(n, "highFrom"), num(n, "criticalBelow"),
                        num(n, "criticalAbove"), n.path("expect").asText(""), num(n, "factor"),
                        n.path("monovalent").asBoolean(false), citation);
                for (JsonNode c : n.path("loinc")) {
                    out.computeIfAbsent(c.asText(), k -> new ArrayList<>()).add(i);
                }
            }
            out.replaceAll((k, v) -> List.copyOf(v));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}
