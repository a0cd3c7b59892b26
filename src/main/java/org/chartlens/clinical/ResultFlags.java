package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.FlagSource;
import org.chartlens.domain.ReferenceBand;
import org.chartlens.domain.ResultFlag;

/**
 * Flags one result. In order, and never overriding the lab: (1) the lab's
 * Observation.interpretation; (2) the lab's referenceRange that applies to the patient's sex and
 * age then; (3) the interval ChartLens ships ({@link ReferenceIntervals}) for the LOINC code,
 * age and sex at the time of the reading. Values compare in UCUM-normalised units
 * ({@link UcumUnits}); a value whose unit cannot be converted gets no ChartLens flag. Stateless,
 * thread safe.
 */
public final class ResultFlags {
    private static final Set<String> CRITICAL = Set.of("HH", "LL", "AA");

    private ResultFlags() {
    }

    /** Who the chart is about, for age- and sex-bound intervals. */
    public record Who(LocalDate birthDate, String sex) {
        public static final Who UNKNOWN = new Who(null, "");

        /** Age in years at {@code when}, or NaN when either date is unknown. */
        public double ageAt(ChartDate when) {
            if (birthDate == null || when == null || when.instant() == null) {
                return Double.NaN;
            }
            LocalDate d = when.instant().atZone(ZoneOffset.UTC).toLocalDate();
            return ChronoUnit.DAYS.between(birthDate, d) / 365.25;
        }

        public static Who of(ParsedChart chart) {
            for (ResourceTree p : chart.all("Patient")) {
                ChartDate b = FhirNodes.date(p.node(), "birthDate");
                LocalDate birth = b.instant() == null ? null : b.instant().atZone(ZoneOffset.UTC).toLocalDate();
                return new Who(birth, p.node().path("gender").asText(""));
            }
            return UNKNOWN;
        }
    }

    /**
     * The flag of one Observation (or component) node.
     *
     * @param numeric the value, or NaN for a non-numeric result
     * @param unit    the value's unit (code preferred), or ""
     * @param coded   a coded/text value's words, or "" (qualitative tests)
     */
    public static ResultFlag assess(JsonNode obs, String loinc, double numeric, String unit, String coded,
                                    ChartDate when, Who who) {
        String interp = FhirNodes.code(obs.get("interpretation"));
        String labRange = labRangeText(obs.path("referenceRange").path(0));
        double age = who.ageAt(when);
        if (!interp.isEmpty()) {
            JsonNode fits = applicableRange(obs.path("referenceRange"), age, who.sex());
            return new ResultFlag(interp.toUpperCase(Locale.ROOT), FlagSource.LAB, labRange, "",
                    CRITICAL.contains(interp.toUpperCase(Locale.ROOT)), labBand(fits, unit));
        }
        JsonNode rr = applicableRange(obs.path("referenceRange"), age, who.sex());
        if (rr != null) {
            return againstLabRange(rr, loinc, numeric, unit);
        }
        if (obs.path("referenceRange").size() > 0) {
            return ResultFlag.NONE; // the lab's ranges are for other patients: ChartLens does not guess
        }
        return shipped(loinc, numeric, unit, coded, age, who.sex());
    }

    /** Against ChartLens's shipped interval only (vital signs, tests). */
    public static ResultFlag shipped(String loinc, double numeric, String unit, String coded, double age, String sex) {
        ReferenceIntervals.Interval i = ReferenceIntervals.find(loinc, age, sex);
        if (i == null) {
            return ResultFlag.NONE;
        }
        if (!i.expect().isEmpty()) {
            String q = qualitative(coded);
            return q.isEmpty() ? ResultFlag.NONE : new ResultFlag(q, FlagSource.CHARTLENS, i.text(), i.citation(), false);
        }
        if (Double.isNaN(numeric)) {
            return ResultFlag.NONE;
        }
        double v = UcumUnits.convert(numeric, unit, i.unit(), i.siFactor(), i.monovalent());
        if (Double.isNaN(v)) {
            return ResultFlag.NONE;
        }
        String code;
        boolean critical = false;
        if (!Double.isNaN(i.criticalAbove()) && v > i.criticalAbove()) {
            code = "HH";
            critical = true;
        } else if (!Double.isNaN(i.criticalBelow()) && v < i.criticalBelow()) {
            code = "LL";
            critical = true;
        } else if (!Double.isNaN(i.low()) && v < i.low()) {
            code = "L";
        } else if ((!Double.isNaN(i.high()) && v > i.high()) || (!Double.isNaN(i.highFrom()) && v >= i.highFrom())) {
            code = "H";
        } else {
            code = "N";
        }
        return new ResultFlag(code, FlagSource.CHARTLENS, i.text(), i.citation(), critical,
                new ReferenceBand(i.low(), Double.isNaN(i.high()) ? i.highFrom() : i.high(), i.unit(), i.citation()));
    }

    /** "A" for a positive/trace qualitative result, "N" for negative, "" when the words are unclear. */
    static String qualitative(String coded) {
        String s = coded.toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return "";
        }
        if (s.contains("negative") || s.contains("not detected")) {
            return "N";
        }
        if (s.contains("positive") || s.contains("trace") || s.contains("= +") || s.contains("detected")) {
            return "A";
        }
        return "";
    }

    private static ResultFlag againstLabRange(JsonNode rr, String loinc, double numeric, String unit) {
        String text = labRangeText(rr);
        double low = rr.path("low").path("value").asDouble(Double.NaN);
        double high = rr.path("high").path("value").asDouble(Double.NaN);
        if (Double.isNaN(numeric) || (Double.isNaN(low) && Double.isNaN(high))) {
            return new ResultFlag("", FlagSource.LAB_RANGE, text, "", false);
        }
        JsonNode q = rr.path(Double.isNaN(low) ? "high" : "low");
        String rangeUnit = q.path("code").asText(q.path("unit").asText(""));
        double v = numeric;
        if (!rangeUnit.isEmpty() && !unit.isEmpty()) {
            ReferenceIntervals.Interval i = ReferenceIntervals.anyOf(loinc);
            v = UcumUnits.convert(numeric, unit, rangeUnit, i == null ? Double.NaN : i.siFactor(),
                    i != null && i.monovalent());
            if (Double.isNaN(v)) {
                return new ResultFlag("", FlagSource.LAB_RANGE, text, "", false);
            }
        }
        String code = !Double.isNaN(high) && v > high ? "H" : !Double.isNaN(low) && v < low ? "L" : "N";
        return new ResultFlag(code, FlagSource.LAB_RANGE, text, "", false, labBand(rr, unit));
    }

    /** The lab's range as numbers, in its unit (else the value's), or null when it has none. */
    static ReferenceBand labBand(JsonNode rr, String valueUnit) {
        if (rr == null) {
            return null;
        }
        double low = rr.path("low").path("value").asDouble(Double.NaN);
        double high = rr.path("high").path("value").asDouble(Double.NaN);
        if (Double.isNaN(low) && Double.isNaN(high)) {
            return null;
        }
        JsonNode q = rr.path(Double.isNaN(low) ? "high" : "low");
        String unit = q.path("code").asText(q.path("unit").asText(""));
        return new ReferenceBand(low, high, unit.isEmpty() ? valueUnit : unit, "lab");
    }

    /** The first range whose appliesTo (sex) and age fit, or null. */
    static JsonNode applicableRange(JsonNode ranges, double age, String sex) {
        for (JsonNode rr : ranges) {
            if (!sexFits(rr.path("appliesTo"), sex)) {
                continue;
            }
            JsonNode a = rr.path("age");
            if (!a.isMissingNode() && !ageFits(a, age)) {
                continue;
            }
            return rr;
        }
        return null;
    }

    private static boolean sexFits(JsonNode appliesTo, String sex) {
        for (JsonNode cc : appliesTo) {
            for (JsonNode c : cc.path("coding")) {
                String code = c.path("code").asText("");
                String wants = switch (code) {
                    case "male", "248153007" -> "male";
                    case "female", "248152002" -> "female";
                    default -> "";
                };
                if (!wants.isEmpty() && !wants.equalsIgnoreCase(sex)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean ageFits(JsonNode range, double age) {
        if (Double.isNaN(age)) {
            return false;
        }
        double low = years(range.path("low"));
        double high = years(range.path("high"));
        return (Double.isNaN(low) || age >= low) && (Double.isNaN(high) || age <= high);
    }

    private static double years(JsonNode q) {
        double v = q.path("value").asDouble(Double.NaN);
        String u = q.path("code").asText(q.path("unit").asText("a"));
        return switch (u) {
            case "mo" -> v / 12;
            case "wk" -> v * 7 / 365.25;
            case "d" -> v / 365.25;
            default -> v;
        };
    }

    /** The lab's range in words: its text, else "low–high unit". */
    static String labRangeText(JsonNode rr) {
        if (rr == null || rr.isMissingNode()) {
            return "";
        }
        String text = rr.path("text").asText("");
        if (!text.isEmpty()) {
            return text;
        }
        double low = rr.path("low").path("value").asDouble(Double.NaN);
        double high = rr.path("high").path("value").asDouble(Double.NaN);
        if (Double.isNaN(low) && Double.isNaN(high)) {
            return "";
        }
        JsonNode q = rr.path(Double.isNaN(low) ? "high" : "low");
        String unit = q.path("unit").asText(q.path("code").asText(""));
        return (Double.isNaN(low) ? "" : VitalFormat.number(low)) + "–"
                + (Double.isNaN(high) ? "" : VitalFormat.number(high)) + (unit.isEmpty() ? "" : " " + unit);
    }
}
