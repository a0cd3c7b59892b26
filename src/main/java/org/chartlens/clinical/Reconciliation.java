package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.Coded;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.Problem;
import org.chartlens.domain.ReconcileRow;
import org.chartlens.domain.ReconcileTable;
import org.chartlens.domain.Source;

/**
 * Medications, problems and allergies side by side across a person's organizations (issue 17
 * section 3): one row per concept, one cell per organization (its latest item of the concept:
 * status, dates, dose), the rows where organizations disagree first. Concepts are matched by code:
 * medications at the ingredient level read from the RxNorm name ({@link RxNormNames}, decision
 * 0802), so "lisinopril 10 MG" at one organization and "lisinopril 20 MG" at another are one row
 * that differs on dose; problems by every code the Condition carries (SNOMED CT and ICD-10 where
 * both are given join one row); allergies by the substance's code. Medications are orders and
 * statements (not fills or administrations); problems are clinical problems (not findings or
 * encounter diagnoses). Works on the merged person chart as given (a masked chart reconciles
 * masked). Pure, no I/O; stateless, thread safe. Cost: linear in the items (a problem's codings were read
 * when the chart was parsed, {@link Source.Keys}).
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    /** One organization's item of a concept. */
    private record Fact(ReconcileRow.Kind kind, String org, List<String> keys, String label, String name,
                        String status, boolean active, ChartDate start, String dates, String detail,
                        Map<String, String> compared, Source source) {
    }

    /** The chart's reconciliation, one column per organization of its records. */
    public static ReconcileTable of(ChartData chart) {
        return of(chart.orgs(), chart.model());
    }

    public static ReconcileTable of(List<String> orgs, ChartModel m) {
        List<Fact> facts = new ArrayList<>();
        for (MedicationEntry e : m.medications()) {
            if (e.source() != null && (e.source().type().equals("MedicationRequest")
                    || e.source().type().equals("MedicationStatement"))) {
                medication(e, facts);
            }
        }
        List<Problem> problems = new ArrayList<>(m.problems().active());
        problems.addAll(m.problems().inactive());
        for (Problem p : problems) {
            if (p.isProblem() && p.source() != null) {
                problem(p, facts);
            }
        }
        for (AllergyEntry a : m.allergies()) {
            if (a.source() != null) {
                allergy(a, facts);
            }
        }
        List<ReconcileRow> rows = new ArrayList<>();
        for (List<Fact> group : group(facts)) {
            rows.add(row(orgs, group));
        }
        rows.sort(Comparator.comparing(ReconcileRow::agreement).thenComparing(ReconcileRow::kind)
                .thenComparing(r -> r.cells().stream().noneMatch(c -> c.listed() && isActive(c.status())))
                .thenComparing(r -> r.label().toLowerCase(Locale.ROOT)));
        return new ReconcileTable(orgs, rows);
    }

    /** The row keys a concept of one kind falls under (the report asks by the chart's {@link Coded}). */
    public static List<String> keysOf(ReconcileRow.Kind kind, Coded c) {
        return switch (kind) {
            case MEDICATION -> List.of(medicationKey(c));
            case PROBLEM -> List.of(codeKey("problem", c.system(), c.code(), c.label()));
            case ALLERGY -> List.of(codeKey("allergy", c.system(), c.code(), c.label()));
        };
    }

    static String medicationKey(Coded c) {
        String in = RxNormNames.ingredientKey(c.display());
        return in.isEmpty() ? codeKey("med", c.system(), c.code(), c.label()) : "med:" + slug(in);
    }

    static String codeKey(String kind, String system, String code, String text) {
        if (code == null || code.isBlank()) {
            return kind + ":text:" + slug(text);
        }
        String name = CodeSystems.name(system);
        String sys = name == null ? "code" : switch (name) {
            case "SNOMED CT" -> "sct";
            case "ICD-10-CM", "ICD-10" -> "icd10";
            case "RxNorm" -> "rxnorm";
            default -> slug(name);
        };
        return kind + ":" + sys + ":" + code.strip().toLowerCase(Locale.ROOT);
    }

    private static String slug(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    // ---- each kind: every organization's item out of the merged one

    /** The value of a merged item's field at {@code org}: its own where the organizations differ. */
    private static String at(Source merged, String field, String org, String value) {
        Source.Difference d = merged.difference(field);
        if (d != null) {
            for (Source.OrgValue v : d.values()) {
                if (v.org().equals(org)) {
                    return v.value();
                }
            }
        }
        return value == null ? "" : value;
    }

    private static String span(String start, String end) {
        return end.isEmpty() ? start : start + " – " + end;
    }

    private static void medication(MedicationEntry e, List<Fact> facts) {
        String key = medicationKey(e.medication());
        String name = e.medication().label();
        String strength = RxNormNames.strength(e.medication().display());
        List<RxNormNames.Part> parts = RxNormNames.parts(e.medication().display());
        String label = parts.isEmpty() ? name : capitalize(String.join(" / ", parts.stream().map(RxNormNames.Part::ingredient).toList()));
        for (Source s : e.source().all()) {
            String org = s.org();
            String status = at(e.source(), "status", org, e.status());
            String dosage = at(e.source(), "dosage", org, e.dosage());
            String dose = strength.isEmpty() ? dosage : dosage.isEmpty() ? strength : strength + " · " + dosage;
            ChartDate start = e.authored();
            String dates = span(at(e.source(), "date", org, e.authored().dateOnly()), at(e.source(), "end", org, e.end().dateOnly()));
            facts.add(new Fact(ReconcileRow.Kind.MEDICATION, org, List.of(key), label, name, status, isActive(status), start,
                    dates, dose, FactMerge.fields("status", status, "dose", dose), s.withoutMerge()));
        }
    }

    private static void problem(Problem p, List<Fact> facts) {
        for (Source s : p.source().all()) {
            String org = s.org();
            Set<String> keys = new LinkedHashSet<>();
            keys.add(codeKey("problem", p.code().system(), p.code().code(), p.code().label()));
            keys.addAll(codings(s));
            String status = at(p.source(), "status", org, p.clinicalStatus());
            String dates = span(at(p.source(), "onset", org, p.onset().dateOnly()), at(p.source(), "abatement", org, p.abatement().dateOnly()));
            String verification = at(p.source(), "verification", org, p.verificationStatus());
            facts.add(new Fact(ReconcileRow.Kind.PROBLEM, org, List.copyOf(keys), p.code().label(), p.code().label(), status,
                    isActive(status), p.onset(), dates, verification, FactMerge.fields("status", status), s.withoutMerge()));
        }
    }

    /** Every coding of a Condition's code (read when the chart was parsed) as a row key. */
    private static List<String> codings(Source s) {
        List<String> out = new ArrayList<>(s.keys().codings().size());
        for (Source.Coding c : s.keys().codings()) {
            out.add(codeKey("problem", c.system(), c.code(), ""));
        }
        return out;
    }

    private static void allergy(AllergyEntry a, List<Fact> facts) {
        String key = codeKey("allergy", a.substance().system(), a.substance().code(), a.substance().label());
        for (Source s : a.source().all()) {
            String org = s.org();
            String status = at(a.source(), "status", org, a.clinicalStatus());
            String criticality = at(a.source(), "criticality", org, a.criticality());
            String reactions = at(a.source(), "reactions", org, a.reactions());
            String detail = String.join(" · ", java.util.stream.Stream.of(criticality.isEmpty() ? "" : "criticality " + criticality,
                    reactions).filter(x -> !x.isEmpty()).toList());
            facts.add(new Fact(ReconcileRow.Kind.ALLERGY, org, List.of(key), a.substance().label(), a.substance().label(), status,
                    isActive(status), a.recorded(), at(a.source(), "recorded", org, a.recorded().dateOnly()), detail,
                    FactMerge.fields("status", status, "criticality", criticality), s.withoutMerge()));
        }
    }

    static boolean isActive(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "active", "on-hold", "recurrence", "relapse", "intended" -> true;
            default -> false;
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---- rows

    /** Facts sharing any key (of one kind) form one group; first-seen order. */
    private static List<List<Fact>> group(List<Fact> facts) {
        Map<String, Integer> byKey = new HashMap<>();
        List<List<Fact>> groups = new ArrayList<>();
        List<Integer> parent = new ArrayList<>();
        for (Fact f : facts) {
            Integer into = null;
            for (String k : f.keys()) {
                Integer g = byKey.get(k);
                if (g != null) {
                    g = root(parent, g);
                    if (into == null) {
                        into = g;
                    } else if (!g.equals(into)) {
                        parent.set(g, into);
                        groups.get(into).addAll(groups.get(g));
                        groups.get(g).clear();
                    }
                }
            }
            if (into == null) {
                into = groups.size();
                groups.add(new ArrayList<>());
                parent.add(into);
            }
            groups.get(into).add(f);
            for (String k : f.keys()) {
                byKey.put(k, into);
            }
        }
        return groups.stream().filter(g -> !g.isEmpty()).toList();
    }

    private static int root(List<Integer> parent, int g) {
        while (parent.get(g) != g) {
            g = parent.get(g);
        }
        return g;
    }

    private static ReconcileRow row(List<String> orgs, List<Fact> group) {
        Map<String, List<Fact>> perOrg = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Fact f : group) {
            perOrg.computeIfAbsent(f.org(), k -> new ArrayList<>()).add(f);
            keys.addAll(f.keys());
        }
        Comparator<Fact> latest = Comparator.comparingLong((Fact f) -> f.start().millisOr(Long.MIN_VALUE)).reversed()
                .thenComparing(f -> !f.active());
        List<ReconcileRow.Cell> cells = new ArrayList<>();
        List<Fact> shown = new ArrayList<>();
        for (String org : orgs) {
            List<Fact> fs = perOrg.get(org);
            if (fs == null) {
                cells.add(ReconcileRow.Cell.notListed(org));
                continue;
            }
            fs.sort(latest);
            Fact f = fs.get(0);
            shown.add(f);
            cells.add(new ReconcileRow.Cell(org, true, f.name(), f.status(), f.dates(), f.detail(), fs.size() - 1, f.source()));
        }
        List<String> differsOn = new ArrayList<>();
        if (shown.size() > 1) {
            for (String field : shown.get(0).compared().keySet()) {
                if (shown.stream().map(f -> f.compared().getOrDefault(field, "")).distinct().count() > 1) {
                    differsOn.add(field);
                }
            }
        }
        ReconcileRow.Agreement agreement = !differsOn.isEmpty() ? ReconcileRow.Agreement.DIFFERS
                : shown.size() < orgs.size() ? ReconcileRow.Agreement.PARTLY_LISTED : ReconcileRow.Agreement.SAME;
        Fact first = group.get(0);
        String key = first.keys().get(0);
        if (first.kind() == ReconcileRow.Kind.PROBLEM) {
            key = keys.stream().filter(k -> k.startsWith("problem:sct:")).findFirst().orElse(key);
        }
        List<String> aliases = new ArrayList<>();
        aliases.add(key);
        for (String k : keys) {
            if (!aliases.contains(k)) {
                aliases.add(k);
            }
        }
        return new ReconcileRow(key, first.kind(), first.label(), aliases, agreement, differsOn, cells);
    }
}
