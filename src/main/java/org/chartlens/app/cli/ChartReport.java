package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.Problem;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;

/**
 * What the views would show, as text or JSON, for {@code chartlens show}, from a model read by
 * {@link org.chartlens.clinical.ChartQuery}. No JavaFX, no I/O. Stateless, thread safe.
 */
final class ChartReport {
    public enum Part { SUMMARY, PROBLEMS, VITALS, TIMELINE, MEDS, LABS }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChartReport() {
    }

    public static String text(ChartModel m, String org, Part part) {
        return text(m, org, part, Map.of());
    }

    /**
     * @param unavailable resource type -> "unsupported" / "not-granted" at this organization (its
     *                    freshness): a count of such a type is unknown, not 0, and says why
     */
    public static String text(ChartModel m, String org, Part part, Map<String, String> unavailable) {
        StringBuilder sb = new StringBuilder();
        var p = m.patient();
        sb.append(p.name()).append("  DOB ").append(p.birthDate().dateOnly())
                .append(p.age().isEmpty() ? "" : " (" + p.age() + ")").append("  ").append(p.sex())
                .append("  org ").append(org).append('\n');
        switch (part) {
            case PROBLEMS -> problems(sb, m);
            case VITALS -> vitals(sb, m, Integer.MAX_VALUE);
            case TIMELINE -> timeline(sb, m);
            case MEDS -> ReportParts.meds(sb, m.medicationGroups());
            case LABS -> ReportParts.labs(sb, m.labs());
            case SUMMARY -> {
                sb.append("Active problems:\n");
                for (Problem pr : m.problems().active()) {
                    sb.append("  ").append(pr.code().label()).append('\n');
                }
                sb.append("Current medications:\n");
                m.medicationGroups().stream().filter(MedicationGroup::current)
                        .forEach(x -> sb.append("  ").append(x.medication().label())
                                .append(x.dosage().isEmpty() ? "" : "  " + x.dosage()).append('\n'));
                sb.append("Allergies: ").append(count(m.allergies().size(), "AllergyIntolerance", unavailable)).append('\n');
                sb.append("Latest vitals:\n");
                for (VitalKind k : VitalKind.values()) {
                    VitalSeries s = m.vitals().get(k);
                    if (s != null && s.latest() != null) {
                        sb.append("  ").append(k.label()).append(": ").append(s.latest().valueText())
                                .append(ReportParts.flagText(s.latest().assessment()))
                                .append("  ").append(s.latest().when().display()).append('\n');
                    }
                }
                sb.append(String.format(Locale.ROOT, "Encounters %s, labs %s, documents %s, claims %s%n",
                        count(m.encounters().size(), "Encounter", unavailable),
                        count(m.labs().size(), "Observation", unavailable),
                        count(m.documents().size(), "DocumentReference", unavailable),
                        count(m.claims().size(), "ExplanationOfBenefit", unavailable)));
            }
            default -> { }
        }
        return sb.toString();
    }

    /**
     * "Removed at the server (2): Condition 1, Observation 1 (noticed 2026-12-05)": resources a sync
     * found gone at the server, no longer shown with the chart; "" when none.
     */
    static String removed(List<org.chartlens.store.ChartCache.RemovedResource> removed) {
        if (removed.isEmpty()) {
            return "";
        }
        Map<String, Integer> byType = new java.util.TreeMap<>();
        removed.forEach(r -> byType.merge(r.type(), 1, Integer::sum));
        java.time.Instant last = removed.stream().map(org.chartlens.store.ChartCache.RemovedResource::noticedAt)
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        StringBuilder sb = new StringBuilder("Removed at the server (").append(removed.size()).append("): ");
        sb.append(String.join(", ", byType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        sb.append(" (noticed ").append(last.toString(), 0, 10).append(")\n");
        return sb.toString();
    }

    /** The count, or "unknown (...)" when none arrived because the type was not offered or not granted. */
    static String count(int n, String type, Map<String, String> unavailable) {
        String state = unavailable.get(type);
        if (n > 0 || state == null) {
            return Integer.toString(n);
        }
        return switch (state) {
            case "not-granted" -> "unknown (the sign-in did not grant " + type + ")";
            case "unsupported" -> "unknown (the server does not offer " + type + ")";
            default -> Integer.toString(n);
        };
    }

    static void problems(StringBuilder sb, ChartModel m) {
        sb.append("Active problems (").append(m.problems().active().size()).append("):\n");
        for (Problem p : m.problems().active()) {
            line(sb, p);
        }
        sb.append("Resolved / inactive (").append(m.problems().inactive().size()).append("):\n");
        for (Problem p : m.problems().inactive()) {
            line(sb, p);
        }
        if (m.problems().isEmpty()) {
            sb.append("  (no problems recorded)\n");
        }
    }

    static void line(StringBuilder sb, Problem p) {
        sb.append("  ").append(p.code().label());
        if (!p.code().codeLabel().isEmpty()) {
            sb.append("  [").append(p.code().codeLabel()).append(']');
        }
        sb.append("  ").append(p.clinicalStatus());
        if (p.onset().isPresent()) {
            sb.append("  onset ").append(p.onset().display());
        }
        if (p.abatement().isPresent()) {
            sb.append("  abated ").append(p.abatement().display());
        }
        sb.append("  (").append(p.source().org()).append(")\n");
    }

    static void vitals(StringBuilder sb, ChartModel m, int max) {
        if (m.vitals().isEmpty()) {
            sb.append("(no vital signs recorded)\n");
        }
        for (VitalKind k : VitalKind.values()) {
            VitalSeries s = m.vitals().get(k);
            if (s == null) {
                continue;
            }
            sb.append(k.label()).append(" (").append(s.unit()).append(", ").append(s.readings().size()).append(" readings):\n");
            for (VitalReading r : s.readings()) {
                sb.append("  ").append(r.when().display()).append("  ").append(r.valueText())
                        .append(ReportParts.flagText(r.assessment())).append('\n');
            }
        }
    }

    static void timeline(StringBuilder sb, ChartModel m) {
        for (TimelineLane l : TimelineLane.values()) {
            List<TimelineItem> items = m.timeline().lane(l);
            sb.append(l.label()).append(" (").append(items.size()).append("):\n");
            for (TimelineItem i : items) {
                sb.append("  ").append(i.when()).append("  ").append(i.label()).append('\n');
            }
        }
        if (m.timeline().undated() > 0) {
            sb.append("(").append(m.timeline().undated()).append(" items without a readable date)\n");
        }
    }

    /** The same content as JSON (no raw resource bodies; references instead). */
    public static String json(ChartModel m, String org, Part part) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        var p = m.patient();
        out.put("patient", Map.of("org", org, "id", p.source() == null ? "" : p.source().id(), "name", p.name(),
                "birthDate", p.birthDate().dateOnly(), "age", p.age(), "sex", p.sex()));
        if (part == Part.PROBLEMS || part == Part.SUMMARY) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Problem x : concat(m.problems().active(), m.problems().inactive())) {
                if (part == Part.SUMMARY && !x.active()) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("display", x.code().label());
                r.put("system", x.code().systemName());
                r.put("code", x.code().code());
                r.put("clinicalStatus", x.clinicalStatus());
                r.put("verificationStatus", x.verificationStatus());
                r.put("category", x.category());
                r.put("onset", x.onset().asGiven());
                r.put("abatement", x.abatement().asGiven());
                r.put("active", x.active());
                r.put("source", x.source().org() + " " + x.source().reference());
                list.add(r);
            }
            out.put("problems", list);
        }
        if (part == Part.VITALS) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (VitalKind k : VitalKind.values()) {
                VitalSeries s = m.vitals().get(k);
                if (s == null) {
                    continue;
                }
                List<Map<String, Object>> rs = new ArrayList<>();
                for (VitalReading r : s.readings()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("effective", r.when().asGiven());
                    e.put("value", r.value());
                    if (r.hasSecond()) {
                        e.put("diastolic", r.second());
                    }
                    e.put("unit", r.unit());
                    ReportParts.putFlag(e, r.assessment());
                    e.put("source", r.source().org() + " " + r.source().reference());
                    rs.add(e);
                }
                v.put(k.name().toLowerCase(Locale.ROOT), rs);
            }
            out.put("vitals", v);
        }
        if (part == Part.TIMELINE) {
            Map<String, Object> lanes = new LinkedHashMap<>();
            for (TimelineLane l : TimelineLane.values()) {
                lanes.put(l.name().toLowerCase(Locale.ROOT), m.timeline().lane(l).stream()
                        .map(i -> Map.of("label", i.label(), "when", i.when(), "source", i.source().reference())).toList());
            }
            out.put("timeline", lanes);
        }
        if (part == Part.MEDS || part == Part.SUMMARY) {
            out.put("medications", m.medicationGroups().stream().filter(g -> part == Part.MEDS || g.current())
                    .map(g -> ReportParts.medication(g, part == Part.MEDS)).toList());
        }
        if (part == Part.LABS) {
            out.put("labs", m.labs().stream().map(ReportParts::report).toList());
        }
        return JSON.writeValueAsString(out);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
