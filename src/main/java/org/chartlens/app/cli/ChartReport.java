package org.chartlens.app.cli;

import static org.chartlens.app.cli.ReportItems.differences;
import static org.chartlens.app.cli.ReportItems.orgsSuffix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.chartlens.clinical.ChartData;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Problem;
import org.chartlens.domain.Source;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;

/**
 * What the views would show, as text or JSON, for {@code chartlens show}, from a chart read by
 * {@link org.chartlens.clinical.ChartQuery}: one record, or a person's linked records merged
 * (issue 14: each item names its organizations, disagreements are printed side by side; JSON
 * items carry {@code sources}). Organizations are printed by name. No JavaFX, no I/O.
 * Stateless, thread safe.
 */
final class ChartReport {
    public enum Part { SUMMARY, PROBLEMS, VITALS, TIMELINE, MEDS, LABS, ALL }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChartReport() {
    }

    /** One record's chart from its model alone (organization names are the ids). */
    public static String text(ChartModel m, String org, Part part) {
        return text(m, org, part, Map.of());
    }

    /** @see #text(ChartData, Function, Part, Map) */
    public static String text(ChartModel m, String org, Part part, Map<String, String> unavailable) {
        String id = m.patient().source() == null ? "" : m.patient().source().id();
        return text(new ChartData(org, id, m, List.of(), null, 0), Function.identity(), part, unavailable);
    }

    public static String text(ChartData d, Function<String, String> names, Part part) {
        return text(d, names, part, Map.of());
    }

    /**
     * @param unavailable resource type -> "unsupported" / "not-granted" at every organization of the
     *                    chart (their freshness): a count of such a type is unknown, not 0, and says why
     */
    public static String text(ChartData d, Function<String, String> names, Part part, Map<String, String> unavailable) {
        ChartModel m = d.model();
        boolean person = d.isPerson();
        StringBuilder sb = new StringBuilder();
        var p = m.patient();
        sb.append(p.name()).append("  DOB ").append(p.birthDate().dateOnly())
                .append(p.age().isEmpty() ? "" : " (" + p.age() + ")").append("  ").append(p.sex());
        if (!person) {
            sb.append("  org ").append(names.apply(d.org())).append('\n');
        } else {
            sb.append('\n').append("Records: ").append(String.join(", ", d.records().stream()
                    .map(r -> names.apply(r.org()) + " (" + r.qualified() + ")").toList())).append('\n');
            if (p.source() != null) {
                for (Source.Difference diff : p.source().differences()) {
                    sb.append("Records differ on ").append(diff.field()).append(": ").append(diff.describe(names)).append('\n');
                }
            }
            // one line per identifier, naming every organization that records it
            Map<String, List<String>> orgsOf = new LinkedHashMap<>();
            for (Identifier i : p.identifiers()) {
                List<String> orgs = orgsOf.computeIfAbsent(i.label() + " " + i.value(), k -> new ArrayList<>());
                if (!orgs.contains(names.apply(i.org()))) {
                    orgs.add(names.apply(i.org()));
                }
            }
            orgsOf.forEach((id, orgs) -> sb.append("Identifier ").append(id).append(" (").append(String.join(", ", orgs))
                    .append(")\n"));
        }
        ReportRestrictions.text(sb, d, names);
        switch (part) {
            case PROBLEMS -> problems(sb, m, person, names);
            case VITALS -> vitals(sb, m, person, names);
            case TIMELINE -> timeline(sb, m, person, names);
            case MEDS -> ReportParts.meds(sb, m.medicationGroups(), person, names);
            case LABS -> ReportParts.labs(sb, m.labs());
            case SUMMARY, ALL -> {
                sb.append("Active problems:\n");
                for (Problem pr : m.problems().active()) {
                    sb.append("  ").append(pr.code().label()).append(orgsSuffix(pr.source(), person, names)).append('\n');
                    differences(sb, pr.source(), names);
                }
                sb.append("Current medications:\n");
                for (MedicationGroup g : m.medicationGroups()) {
                    if (g.current()) {
                        group(sb, g, person, names);
                    }
                }
                sb.append("Allergies: ").append(count(m.allergies().size(), "AllergyIntolerance", unavailable)).append('\n');
                for (AllergyEntry a : m.allergies()) {
                    sb.append("  ").append(a.substance().label()).append(a.criticality().isEmpty() ? "" : "  " + a.criticality())
                            .append(orgsSuffix(a.source(), person, names)).append('\n');
                    differences(sb, a.source(), names);
                }
                sb.append("Latest vitals:\n");
                for (VitalKind k : VitalKind.values()) {
                    VitalSeries s = m.vitals().get(k);
                    if (s != null && s.latest() != null) {
                        sb.append("  ").append(k.label()).append(": ").append(s.latest().valueText())
                                .append(ReportParts.flagText(s.latest().assessment()))
                                .append("  ").append(s.latest().when().display())
                                .append(orgsSuffix(s.latest().source(), person, names)).append('\n');
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

    static void problems(StringBuilder sb, ChartModel m, boolean person, Function<String, String> names) {
        sb.append("Active problems (").append(m.problems().active().size()).append("):\n");
        for (Problem p : m.problems().active()) {
            line(sb, p, person, names);
        }
        sb.append("Resolved / inactive (").append(m.problems().inactive().size()).append("):\n");
        for (Problem p : m.problems().inactive()) {
            line(sb, p, person, names);
        }
        if (m.problems().isEmpty()) {
            sb.append("  (no problems recorded)\n");
        }
    }

    static void line(StringBuilder sb, Problem p, boolean person, Function<String, String> names) {
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
        sb.append("  (").append(String.join(", ", p.source().orgs().stream().map(names).toList())).append(")\n");
        if (person) {
            differences(sb, p.source(), names);
        }
    }

    static void vitals(StringBuilder sb, ChartModel m, boolean person, Function<String, String> names) {
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
                        .append(ReportParts.flagText(r.assessment()))
                        .append(orgsSuffix(r.source(), person, names)).append('\n');
                differences(sb, r.source(), names);
            }
        }
    }

    static void timeline(StringBuilder sb, ChartModel m, boolean person, Function<String, String> names) {
        for (TimelineLane l : TimelineLane.values()) {
            List<TimelineItem> items = m.timeline().lane(l);
            sb.append(l.label()).append(" (").append(items.size()).append("):\n");
            for (TimelineItem i : items) {
                sb.append("  ").append(i.when()).append("  ")
                        .append(org.chartlens.domain.Restrictions.isMasked(i.source()) ? "(restricted)" : i.label())
                        .append(orgsSuffix(i.source(), person, names)).append('\n');
            }
        }
        if (m.timeline().undated() > 0) {
            sb.append("(").append(m.timeline().undated()).append(" items without a readable date)\n");
        }
    }

    static void group(StringBuilder sb, MedicationGroup g, boolean person, Function<String, String> names) {
        sb.append("  ").append(g.medication().label());
        if (!person && !g.dosage().isEmpty()) {
            sb.append("  ").append(g.dosage());
        }
        if (person) {
            sb.append("  [").append(String.join(", ", g.orgs().stream().map(names).toList())).append(']');
            if (g.statusesDiffer()) {
                sb.append("\n      status differs: ").append(new Source.Difference("status", g.statusByOrg()).describe(names));
            }
        }
        sb.append('\n');
    }

    /** The same content as JSON (no raw resource bodies; references instead); every item has {@code sources}. */
    public static String json(ChartModel m, String org, Part part) throws Exception {
        String id = m.patient().source() == null ? "" : m.patient().source().id();
        return json(new ChartData(org, id, m, List.of(), null, 0), Function.identity(), part);
    }

    /** @see #json(ChartModel, String, Part) */
    public static String json(ChartData d, Function<String, String> names, Part part) throws Exception {
        ChartModel m = d.model();
        Map<String, Object> out = new LinkedHashMap<>();
        var p = m.patient();
        Map<String, Object> patient = ReportItems.sourced(ReportItems.map("org", d.org(), "id", d.patientId(),
                "name", p.name(), "birthDate", p.birthDate().dateOnly(), "age", p.age(), "sex", p.sex()), p.source());
        patient.put("identifiers", p.identifiers().stream().map((Identifier i) -> Map.of("label", i.label(),
                "value", i.value(), "org", i.org() == null ? "" : i.org())).toList());
        out.put("patient", patient);
        out.put("records", d.records().stream().map((PatientRef r) -> Map.of("org", r.org(), "id", r.id(),
                "organization", names.apply(r.org()))).toList());
        boolean all = part == Part.ALL;
        if (part == Part.PROBLEMS || part == Part.SUMMARY || all) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Problem x : concat(m.problems().active(), m.problems().inactive())) {
                if (part == Part.SUMMARY && !x.active()) {
                    continue;
                }
                list.add(ReportItems.problem(x));
            }
            out.put("problems", list);
        }
        if (part == Part.VITALS || all) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (VitalKind k : VitalKind.values()) {
                VitalSeries s = m.vitals().get(k);
                if (s != null) {
                    v.put(k.name().toLowerCase(Locale.ROOT), s.readings().stream().map(ReportItems::vital).toList());
                }
            }
            out.put("vitals", v);
        }
        if (part == Part.TIMELINE || all) {
            Map<String, Object> lanes = new LinkedHashMap<>();
            for (TimelineLane l : TimelineLane.values()) {
                lanes.put(l.name().toLowerCase(Locale.ROOT), m.timeline().lane(l).stream().map(ReportItems::timelineItem).toList());
            }
            out.put("timeline", lanes);
        }
        if (part == Part.MEDS || part == Part.SUMMARY || all) {
            out.put("medications", m.medicationGroups().stream().filter(g -> part != Part.SUMMARY || g.current())
                    .map(g -> ReportItems.medicationGroup(g, ReportParts.medication(g, part != Part.SUMMARY))).toList());
        }
        if (part == Part.SUMMARY || all) {
            out.put("allergies", m.allergies().stream().map(ReportItems::allergy).toList());
        }
        if (part == Part.LABS || all) {
            out.put("labs", m.labs().stream().map(r -> ReportItems.sourced(ReportParts.report(r), r.source())).toList());
        }
        if (all) {
            out.put("immunizations", m.immunizations().stream().map(ReportItems::immunization).toList());
            out.put("encounters", m.encounters().stream().map(ReportItems::encounter).toList());
            out.put("documents", m.documents().stream().map(ReportItems::document).toList());
            out.put("coverage", m.coverage().stream().map(ReportItems::coverage).toList());
            out.put("claims", m.claims().stream().map(ReportItems::claim).toList());
        }
        ReportRestrictions.json(out, d, names);
        return JSON.writeValueAsString(out);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
