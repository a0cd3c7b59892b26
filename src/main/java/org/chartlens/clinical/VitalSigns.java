package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ResultFlag;
import org.chartlens.domain.Source;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;
import org.chartlens.domain.Vitals;

/**
 * Observations -> vital-sign series, recognised by LOINC (including the blood-pressure panel's
 * components) and normalised to the user's units. Stateless, thread safe; linear.
 */
public final class VitalSigns {
    static final String SYSTOLIC = "8480-6";
    static final String DIASTOLIC = "8462-4";

    private VitalSigns() {
    }

    public static Vitals of(ParsedChart chart, UnitSystem units) {
        ResultFlags.Who who = ResultFlags.Who.of(chart);
        Map<VitalKind, List<VitalReading>> byKind = new EnumMap<>(VitalKind.class);
        // Stand-alone systolic/diastolic Observations are paired by their effective time.
        Map<String, double[]> loose = new HashMap<>();
        Map<String, ResourceTree> looseSource = new HashMap<>();
        for (ResourceTree r : chart.all("Observation")) {
            JsonNode n = r.node();
            VitalKind kind = null;
            String matched = null;
            for (JsonNode c : n.path("code").path("coding")) {
                String sys = c.path("system").asText("");
                if (!sys.isEmpty() && !sys.equals("http://loinc.org")) {
                    continue;
                }
                kind = VitalKind.ofLoinc(c.path("code").asText(null));
                if (kind != null) {
                    matched = c.path("code").asText();
                    break;
                }
            }
            if (kind == null) {
                continue;
            }
            ChartDate when = effective(n);
            if (kind == VitalKind.BLOOD_PRESSURE) {
                if (SYSTOLIC.equals(matched) || DIASTOLIC.equals(matched)) {
                    JsonNode q = n.path("valueQuantity");
                    if (!q.path("value").isNumber()) {
                        continue;
                    }
                    String key = when.asGiven() + "|" + r.source().org();
                    double[] pair = loose.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN});
                    pair[SYSTOLIC.equals(matched) ? 0 : 1] = q.path("value").asDouble();
                    looseSource.putIfAbsent(key, r);
                    continue;
                }
                double sys = Double.NaN;
                double dia = Double.NaN;
                for (JsonNode comp : n.path("component")) {
                    JsonNode v = comp.path("valueQuantity").path("value");
                    if (!v.isNumber()) {
                        continue;
                    }
                    for (JsonNode c : comp.path("code").path("coding")) {
                        String cc = c.path("code").asText("");
                        if (SYSTOLIC.equals(cc)) {
                            sys = v.asDouble();
                        } else if (DIASTOLIC.equals(cc)) {
                            dia = v.asDouble();
                        }
                    }
                }
                if (Double.isNaN(sys) && Double.isNaN(dia)) {
                    continue;
                }
                String orig = VitalReading.format(sys) + "/" + VitalReading.format(dia) + " mmHg";
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(
                        new VitalReading(kind, when, sys, dia, "mmHg", orig, r.source(),
                                flag(n, kind, sys, dia, when, who)));
                continue;
            }
            JsonNode q = n.path("valueQuantity");
            if (!q.path("value").isNumber()) {
                continue;
            }
            double v = q.path("value").asDouble();
            String unit = q.path("code").asText(q.path("unit").asText(""));
            String shownUnit = q.path("unit").asText(unit);
            String orig = VitalReading.format(v) + " " + shownUnit;
            double[] conv = convert(kind, v, unit, units);
            double[] metric = convert(kind, v, unit, UnitSystem.METRIC);
            ResultFlag flag = metric.length > 1 ? flag(n, kind, metric[0], Double.NaN, when, who) : ResultFlag.NONE;
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(
                    new VitalReading(kind, when, conv[0], Double.NaN,
                            conv.length > 1 ? displayUnit(kind, units) : shownUnit, orig, r.source(), flag));
        }
        for (Map.Entry<String, double[]> e : loose.entrySet()) {
            ResourceTree r = looseSource.get(e.getKey());
            double[] p = e.getValue();
            ChartDate when = effective(r.node());
            byKind.computeIfAbsent(VitalKind.BLOOD_PRESSURE, k -> new ArrayList<>()).add(
                    new VitalReading(VitalKind.BLOOD_PRESSURE, when, p[0], p[1], "mmHg",
                            VitalReading.format(p[0]) + "/" + VitalReading.format(p[1]) + " mmHg",
                            r.source(), flag(r.node(), VitalKind.BLOOD_PRESSURE, p[0], p[1], when, who)));
        }
        Map<VitalKind, VitalSeries> series = new EnumMap<>(VitalKind.class);
        Comparator<VitalReading> oldestFirst = Comparator.comparingLong(
                (VitalReading x) -> x.when().millisOr(Long.MAX_VALUE));
        for (Map.Entry<VitalKind, List<VitalReading>> e : byKind.entrySet()) {
            List<VitalReading> list = e.getValue();
            list.sort(oldestFirst);
            VitalKind k = e.getKey();
            String unit = k == VitalKind.BLOOD_PRESSURE ? "mmHg" : displayUnit(k, units);
            series.put(k, new VitalSeries(k, unit, range(k, k.normalLow(), units),
                    range(k, k.normalHigh(), units), list));
        }
        return new Vitals(units, series);
    }

    /** The lab's (device's) interpretation when sent, else ChartLens's interval for the age and sex then. */
    static ResultFlag flag(JsonNode n, VitalKind kind, double metric, double dia, ChartDate when,
                           ResultFlags.Who who) {
        String interp = FhirNodes.code(n.get("interpretation"));
        if (!interp.isEmpty()) {
            return ResultFlags.assess(n, "", metric, "", "", when, who);
        }
        double age = who.ageAt(when);
        return kind == VitalKind.BLOOD_PRESSURE ? VitalRanges.bloodPressure(metric, dia, age, who.sex())
                : VitalRanges.assess(kind, metric, age, who.sex());
    }

    static ChartDate effective(JsonNode n) {
        if (n.hasNonNull("effectiveDateTime")) {
            return ChartDates.parse(n.get("effectiveDateTime").asText());
        }
        if (n.has("effectivePeriod")) {
            return ChartDates.parse(n.path("effectivePeriod").path("start").asText(""));
        }
        if (n.hasNonNull("effectiveInstant")) {
            return ChartDates.parse(n.get("effectiveInstant").asText());
        }
        return ChartDate.NONE;
    }

    public static String displayUnit(VitalKind k, UnitSystem units) {
        boolean us = units == UnitSystem.US;
        return switch (k) {
            case WEIGHT -> us ? "lb" : "kg";
            case HEIGHT, HEAD_CIRCUMFERENCE -> us ? "in" : "cm";
            case TEMPERATURE -> us ? "°F" : "°C";
            default -> k.metricUnit();
        };
    }

    private static Double range(VitalKind k, Double metric, UnitSystem units) {
        if (metric == null) {
            return null;
        }
        return units == UnitSystem.US && k == VitalKind.TEMPERATURE ? metric * 9 / 5 + 32 : metric;
    }

    /**
     * Converts to the preferred unit. Returns {value, 1} when converted (or already in the
     * preferred unit), {value} when the unit is unknown (kept as given).
     */
    static double[] convert(VitalKind k, double v, String unit, UnitSystem units) {
        String u = unit.toLowerCase();
        boolean us = units == UnitSystem.US;
        switch (k) {
            case WEIGHT -> {
                double kg;
                if (u.equals("kg")) {
                    kg = v;
                } else if (u.equals("g")) {
                    kg = v / 1000;
                } else if (u.contains("lb")) {
                    kg = v * 0.45359237;
                } else if (u.contains("oz")) {
                    kg = v * 0.028349523125;
                } else {
                    return new double[] {v};
                }
                return new double[] {us ? kg / 0.45359237 : kg, 1};
            }
            case HEIGHT, HEAD_CIRCUMFERENCE -> {
                double cm;
                if (u.equals("cm")) {
                    cm = v;
                } else if (u.equals("m")) {
                    cm = v * 100;
                } else if (u.equals("mm")) {
                    cm = v / 10;
                } else if (u.contains("in")) {
                    cm = v * 2.54;
                } else {
                    return new double[] {v};
                }
                return new double[] {us ? cm / 2.54 : cm, 1};
            }
            case TEMPERATURE -> {
                double c;
                if (u.equals("cel") || u.equals("°c") || u.equals("c") || u.equals("degc")) {
                    c = v;
                } else if (u.contains("f")) {
                    c = (v - 32) * 5 / 9;
                } else {
                    return new double[] {v};
                }
                return new double[] {us ? c * 9 / 5 + 32 : c, 1};
            }
            default -> {
                return new double[] {v, 1};
            }
        }
    }

    static Source sourceOf(ResourceTree r) {
        return r.source();
    }

    /** A latest reading this much older than the chart's newest vital sign is not current (child or unknown age). */
    public static final long OLD_AFTER_MILLIS = VitalRanges.CHILD_OLD_AFTER_MILLIS;

    /** The time of the newest latest reading of these vital signs, or {@link Long#MIN_VALUE}. */
    public static long newestReading(List<VitalSeries> series) {
        long newest = Long.MIN_VALUE;
        for (VitalSeries s : series) {
            if (s.latest() != null) {
                newest = Math.max(newest, s.latest().when().millisOr(Long.MIN_VALUE));
            }
        }
        return newest;
    }

    /** {@link VitalRanges#olderReading} for a patient of unknown age: one year. */
    public static boolean olderReading(VitalReading r, long newest) {
        return VitalRanges.olderReading(r, newest, null);
    }

    /**
     * The one rule for "latest value still current" (issue 16): see
     * {@link VitalRanges#olderReading(VitalReading, long, java.time.LocalDate)}: two years for an
     * adult, one for a child; head circumference only until 36 months.
     */
    public static boolean olderReading(VitalReading r, long newest, java.time.LocalDate birthDate) {
        return VitalRanges.olderReading(r, newest, birthDate);
    }
}
