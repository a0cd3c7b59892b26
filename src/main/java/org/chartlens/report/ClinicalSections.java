package org.chartlens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chartlens.clinical.Allergies;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.RecentResults;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.EncounterEntry;
import org.chartlens.domain.ImmunizationEntry;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.Problem;
import org.chartlens.domain.Source;
import org.chartlens.store.Freshness;

/**
 * The clinical sections of the referral summary, each row ending with the organizations that
 * recorded it and, in a person's chart, what they disagree on. The same choices as the Summary tab:
 * active clinical problems (and encounter diagnoses), current medications one row per medication
 * ({@code clinical.MedicationGroups}), current allergies, the latest abnormal result of each test
 * ({@link RecentResults}, flags of {@code clinical.ResultFlags}), the latest encounters, each
 * vaccine once. One instance per summary; not shared between threads.
 */
final class ClinicalSections {
    static final int ENCOUNTERS = 10;
    static final int RESULTS = 25;

    private final ChartData chart;
    private final ChartModel m;
    private final Function<String, String> names;
    private final ReconciliationMarks marks;

    ClinicalSections(ChartData chart, Function<String, String> names, ReconciliationMarks marks) {
        this.chart = chart;
        this.m = chart.model();
        this.names = names;
        this.marks = marks;
    }

    /** "Clinic, Hospital" and, below, "differ on status: active (Clinic) · stopped (Hospital)". */
    String from(Source s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.join(", ", s.orgs().stream().map(names).toList()));
        for (Source.Difference d : s.differences()) {
            sb.append("\ndiffer on ").append(d.field()).append(": ").append(d.describe(names));
        }
        return sb.toString();
    }

    /** The item, marked when it comes from an included restricted record (issue 18). */
    private String restricted(String item, Source s) {
        return RestrictedContent.mark(item, chart.restrictions(), s);
    }

    private String withMark(String item, ReconciliationMarks.Kind kind, org.chartlens.domain.Coded concept) {
        String mark = marks.markFor(kind, concept);
        return mark == null || mark.isEmpty() ? item : item + "\nReviewed: " + mark;
    }

    SummaryDocument.Section problems() {
        List<Problem> shown = new ArrayList<>(m.problems().activeProblems());
        shown.addAll(m.problems().activeEncounterDiagnoses());
        List<List<String>> rows = new ArrayList<>();
        for (Problem p : shown) {
            rows.add(List.of(restricted(withMark(p.code().label(), ReconciliationMarks.Kind.PROBLEM, p.code()), p.source()),
                    p.onset().dateOnly(), status(p.clinicalStatus(), p.verificationStatus()), from(p.source())));
        }
        int findings = m.problems().activeFindings().size();
        String note = findings == 0 ? "" : findings + (findings == 1 ? " social or situational finding is" : " social and "
                + "situational findings are") + " not listed (see the Problems tab).";
        return new SummaryDocument.Section("Active problems", note, List.of("Problem", "Onset", "Status", "Source"),
                new float[] {4.2f, 1.4f, 1.6f, 2.8f}, rows, unknownOr("Condition", "No active problems recorded."));
    }

    static String status(String clinical, String verification) {
        if (verification == null || verification.isEmpty() || "confirmed".equals(verification)) {
            return clinical;
        }
        return clinical + " (" + verification + ")";
    }

    SummaryDocument.Section medications() {
        List<List<String>> rows = new ArrayList<>();
        for (MedicationGroup g : m.medicationGroups()) {
            if (!g.current()) {
                continue;
            }
            String status = g.statusesDiffer() ? new Source.Difference("status", g.statusByOrg()).describe(names) : g.status();
            String orgs = String.join(", ", g.orgs().stream().map(names).toList());
            rows.add(List.of(RestrictedContent.mark(withMark(g.medication().label(), ReconciliationMarks.Kind.MEDICATION,
                    g.medication()), chart.restrictions(), g.entries().stream().map(e -> e.source()).toList()),
                    g.dosage(), g.first().dateOnly(), g.latest().dateOnly(), status, orgs));
        }
        long stopped = m.medicationGroups().stream().filter(g -> !g.current()).count();
        return new SummaryDocument.Section("Current medications", stopped == 0 ? ""
                : "One row per medication (orders, statements and fills together); " + stopped + " past medications not listed.",
                List.of("Medication", "Dosage", "First", "Latest", "Status", "Source"), new float[] {2.9f, 2.1f, 1.3f, 1.3f, 1.5f, 2.2f},
                rows, unknownOr("MedicationRequest", "No current medications recorded."));
    }

    SummaryDocument.Section allergies() {
        List<List<String>> rows = new ArrayList<>();
        int inactive = 0;
        for (AllergyEntry a : m.allergies()) {
            if (!Allergies.current(a)) {
                inactive++;
                continue;
            }
            rows.add(List.of(restricted(withMark(a.substance().label(), ReconciliationMarks.Kind.ALLERGY, a.substance()), a.source()),
                    a.criticality(), a.reactions(), status(a.clinicalStatus(), a.verificationStatus()), from(a.source())));
        }
        return new SummaryDocument.Section("Allergies and intolerances", inactive == 0 ? ""
                : inactive + " inactive, resolved or refuted entries not listed.",
                List.of("Substance", "Criticality", "Reactions", "Status", "Source"), new float[] {3f, 1.3f, 2.6f, 1.2f, 2.4f},
                rows, unknownOr("AllergyIntolerance", "No allergies recorded (this does not mean there are none)."));
    }

    SummaryDocument.Section abnormalResults() {
        List<LabResult> all = RecentResults.abnormal(m.labs());
        List<List<String>> rows = new ArrayList<>();
        for (LabResult r : all.subList(0, Math.min(RESULTS, all.size()))) {
            String flag = r.assessment().display().isEmpty() ? r.flag() : r.assessment().display();
            String by = r.assessment().rangeWithSource();
            rows.add(List.of(r.when().dateOnly(), restricted(r.test().label(), r.source()), r.value() + (r.unit().isEmpty() ? "" : " " + r.unit()),
                    flag, by, from(r.source())));
        }
        String note = "The latest result of each test when it is abnormal, within two years of the newest result; "
                + "critical first. Flags are the lab's, or ChartLens's where the lab sent none"
                + (all.size() > RESULTS ? "; the first " + RESULTS + " of " + all.size() + "." : ".");
        return new SummaryDocument.Section("Recent abnormal results", note,
                List.of("Date", "Test", "Value", "Flag", "Range (flagged by)", "Source"), new float[] {1.35f, 2.8f, 1.3f, 1.4f, 1.9f, 2f},
                rows, unknownOr("Observation", "No abnormal recent results."));
    }

    SummaryDocument.Section encounters() {
        List<EncounterEntry> latest = m.encounters().stream()
                .sorted(Comparator.comparingLong((EncounterEntry e) -> e.start().millisOr(Long.MIN_VALUE)).reversed())
                .limit(ENCOUNTERS).toList();
        List<List<String>> rows = new ArrayList<>();
        for (EncounterEntry e : latest) {
            String who = String.join(" · ", java.util.stream.Stream.of(e.practitioner(), e.provider())
                    .filter(x -> x != null && !x.isEmpty()).toList());
            rows.add(List.of(e.start().dateOnly(), restricted(e.type().label(), e.source()), e.encounterClass(), who, e.reason(), from(e.source())));
        }
        return new SummaryDocument.Section("Recent encounters", m.encounters().size() > ENCOUNTERS
                ? "The latest " + ENCOUNTERS + " of " + m.encounters().size() + "." : "",
                List.of("Date", "Type", "Class", "Practitioner · place", "Reason", "Source"), new float[] {1.35f, 2.4f, 1.2f, 2.3f, 1.6f, 2f},
                rows, unknownOr("Encounter", "No encounters recorded."));
    }

    /** Each vaccine once: doses, the latest date, and every organization that recorded a dose. */
    SummaryDocument.Section immunizations() {
        Map<String, List<ImmunizationEntry>> byVaccine = new LinkedHashMap<>();
        for (ImmunizationEntry i : m.immunizations()) {
            if ("entered-in-error".equals(i.status())) {
                continue;
            }
            byVaccine.computeIfAbsent(i.vaccine().label(), k -> new ArrayList<>()).add(i);
        }
        List<List<String>> rows = new ArrayList<>();
        byVaccine.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, List<ImmunizationEntry>> e) -> latest(e.getValue())
                        .date().millisOr(Long.MIN_VALUE)).reversed())
                .forEach(e -> {
                    List<ImmunizationEntry> doses = e.getValue();
                    long done = doses.stream().filter(i -> !"not-done".equals(i.status())).count();
                    java.util.LinkedHashSet<String> orgs = new java.util.LinkedHashSet<>();
                    doses.forEach(i -> {
                        if (i.source() != null) {
                            i.source().orgs().forEach(o -> orgs.add(names.apply(o)));
                        }
                    });
                    rows.add(List.of(RestrictedContent.mark(e.getKey(), chart.restrictions(),
                            doses.stream().map(ImmunizationEntry::source).toList()), Long.toString(done) + (done == doses.size() ? "" : " (+" + (doses.size() - done)
                            + " not done)"), latest(doses).date().dateOnly(), String.join(", ", orgs)));
                });
        return new SummaryDocument.Section("Immunizations", "Each vaccine once, newest first.",
                List.of("Vaccine", "Doses", "Latest", "Source"), new float[] {4.8f, 1.3f, 1.5f, 2.4f}, rows,
                unknownOr("Immunization", "No immunizations recorded."));
    }

    private static ImmunizationEntry latest(List<ImmunizationEntry> doses) {
        return doses.stream().max(Comparator.comparingLong(i -> i.date().millisOr(Long.MIN_VALUE))).orElseThrow();
    }

    /**
     * The empty text, or, when the type did not arrive from some organization because the sign-in
     * did not grant it or the server does not offer it, that it is unknown there.
     */
    String unknownOr(String type, String empty) {
        List<String> why = new ArrayList<>();
        for (Freshness f : chart.freshness()) {
            if (f.type().equals(type) && ("not-granted".equals(f.state()) || "unsupported".equals(f.state()))) {
                why.add(names.apply(f.org()) + ": " + ("not-granted".equals(f.state()) ? "not granted" : "not offered"));
            }
        }
        return why.isEmpty() ? empty : "Unknown at " + String.join("; ", why) + ". " + empty;
    }
}
