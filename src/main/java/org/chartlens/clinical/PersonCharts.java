package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.ClaimEntry;
import org.chartlens.domain.Coded;
import org.chartlens.domain.CoverageEntry;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.domain.EncounterEntry;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.ImmunizationEntry;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.PatientSummary;
import org.chartlens.domain.Problem;
import org.chartlens.domain.ProblemList;
import org.chartlens.domain.Source;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;
import org.chartlens.domain.Vitals;

/**
 * One chart for a person: the models of several linked records (issue 14) merged tab by tab with
 * {@link FactMerge}. The same fact from several organizations becomes one item whose source names
 * all of them; where they disagree each value is kept ({@link Source.Difference}); vital-sign and
 * lab series are one series whose points keep their sources. One model gives itself back
 * unchanged. Pure, no I/O; stateless, thread safe. Cost: linear in the items (hash look-ups).
 */
public final class PersonCharts {
    private PersonCharts() {
    }

    /** Merges the records' models, in record order (the first record's values lead). */
    public static ChartModel merge(List<ChartModel> models) {
        if (models.size() == 1) {
            return models.get(0);
        }
        List<Problem> problems = merge(models, m -> concat(m.problems().active(), m.problems().inactive()), PROBLEMS);
        List<Problem> active = new ArrayList<>();
        List<Problem> inactive = new ArrayList<>();
        for (Problem p : problems) {
            (p.active() ? active : inactive).add(p);
        }
        Comparator<Problem> newest = Comparator.comparingLong((Problem p) -> p.onset().millisOr(Long.MIN_VALUE)).reversed();
        active.sort(newest);
        inactive.sort(newest);
        List<MedicationEntry> meds = newestFirst(merge(models, ChartModel::medications, MEDICATIONS),
                m -> m.authored().millisOr(Long.MIN_VALUE));
        List<AllergyEntry> allergies = merge(models, ChartModel::allergies, ALLERGIES);
        List<ImmunizationEntry> imms = newestFirst(merge(models, ChartModel::immunizations, IMMUNIZATIONS),
                i -> i.date().millisOr(Long.MIN_VALUE));
        List<EncounterEntry> encounters = newestFirst(merge(models, ChartModel::encounters, ENCOUNTERS),
                e -> e.start().millisOr(Long.MIN_VALUE));
        List<DocumentEntry> docs = newestFirst(merge(models, ChartModel::documents, DOCUMENTS),
                d -> d.date().millisOr(Long.MIN_VALUE));
        List<LabReport> labs = labs(models);
        List<TimelineItem> procedures = merge(models, m -> m.timeline().lane(TimelineLane.PROCEDURES), PROCEDURES);
        List<Problem> allProblems = new ArrayList<>(active);
        allProblems.addAll(inactive);
        Timeline timeline = Timelines.of(procedures, undatedProcedures(models), allProblems, meds, imms, encounters,
                labs, docs);
        List<String> warnings = new ArrayList<>(new LinkedHashSet<>(models.stream().flatMap(m -> m.warnings().stream()).toList()));
        return new ChartModel(patient(models), new ProblemList(active, inactive), vitals(models), timeline, meds,
                allergies, imms, encounters, labs, docs, merge(models, ChartModel::coverage, COVERAGE),
                merge(models, ChartModel::claims, CLAIMS), warnings, MedicationGroups.of(meds));
    }

    /**
     * Procedures left off the timeline for want of a readable date: what each record's timeline
     * counted beyond its other lists' undated items; the largest record's count (undated items
     * cannot be matched by date).
     */
    private static int undatedProcedures(List<ChartModel> models) {
        int n = 0;
        for (ChartModel m : models) {
            long others = m.encounters().stream().filter(e -> e.start().instant() == null).count()
                    + m.problems().active().stream().filter(p -> p.onset().instant() == null).count()
                    + m.problems().inactive().stream().filter(p -> p.onset().instant() == null).count()
                    + m.medications().stream().filter(x -> x.authored().instant() == null).count()
                    + m.immunizations().stream().filter(i -> i.date().instant() == null).count()
                    + m.labs().stream().filter(l -> l.source() != null && l.when().instant() == null).count()
                    + m.documents().stream().filter(d -> d.date().instant() == null).count();
            n = Math.max(n, (int) Math.max(0, m.timeline().undated() - others));
        }
        return n;
    }

    static <T> List<T> merge(List<ChartModel> models, Function<ChartModel, List<T>> list, FactMerge.Kind<T> kind) {
        List<List<T>> per = new ArrayList<>(models.size());
        for (ChartModel m : models) {
            per.add(list.apply(m));
        }
        return List.copyOf(new FactMerge<>(kind).merge(per));
    }

    private static <T> List<T> newestFirst(List<T> list, ToLongFunction<T> when) {
        List<T> out = new ArrayList<>(list);
        out.sort(Comparator.comparingLong(when).reversed());
        return List.copyOf(out);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    // ---- the patient: the first record's, with every record's identifiers and differing demographics

    static PatientSummary patient(List<ChartModel> models) {
        PatientSummary first = models.get(0).patient();
        List<Identifier> ids = new ArrayList<>();
        List<Source> others = new ArrayList<>();
        Map<String, List<Source.OrgValue>> values = new LinkedHashMap<>();
        for (ChartModel m : models) {
            PatientSummary p = m.patient();
            for (Identifier i : p.identifiers()) {
                if (!ids.contains(i)) {
                    ids.add(i);
                }
            }
            if (p != first && p.source() != null) {
                others.add(p.source().withoutMerge());
            }
            String org = p.source() == null ? "" : p.source().org();
            put(values, "name", org, p.name());
            put(values, "birth date", org, p.birthDate().dateOnly());
            put(values, "sex", org, p.sex());
            put(values, "deceased", org, p.deceased() == null ? "" : p.deceased());
        }
        List<Source.Difference> diffs = new ArrayList<>();
        values.forEach((f, vs) -> {
            if (vs.stream().map(Source.OrgValue::value).distinct().count() > 1) {
                diffs.add(new Source.Difference(f, vs));
            }
        });
        Source src = first.source() == null ? null : first.source().withoutMerge().mergedWith(others, diffs);
        return new PatientSummary(first.name(), first.birthDate(), first.age(), first.sex(), first.deceased(), ids, src);
    }

    private static void put(Map<String, List<Source.OrgValue>> values, String field, String org, String value) {
        values.computeIfAbsent(field, k -> new ArrayList<>()).add(new Source.OrgValue(org, value));
    }

    // ---- vitals: one series per kind, readings at the same minute merged

    static Vitals vitals(List<ChartModel> models) {
        Map<VitalKind, VitalSeries> out = new java.util.EnumMap<>(VitalKind.class);
        for (VitalKind k : VitalKind.values()) {
            List<List<VitalReading>> per = new ArrayList<>();
            VitalSeries shape = null;
            for (ChartModel m : models) {
                VitalSeries s = m.vitals().get(k);
                per.add(s == null ? List.of() : s.readings());
                shape = shape == null ? s : shape;
            }
            if (shape == null) {
                continue;
            }
            List<VitalReading> merged = new ArrayList<>(new FactMerge<>(VITALS).merge(per));
            merged.sort(Comparator.comparingLong((VitalReading x) -> x.when().millisOr(Long.MAX_VALUE)));
            out.put(k, new VitalSeries(k, shape.unit(), shape.normalLow(), shape.normalHigh(), merged));
        }
        return new Vitals(models.get(0).vitals().units(), out);
    }

    // ---- labs: reports by panel and time; their results merged within; loose results together

    static List<LabReport> labs(List<ChartModel> models) {
        List<List<LabReport>> reports = new ArrayList<>();
        List<List<LabResult>> loose = new ArrayList<>();
        for (ChartModel m : models) {
            reports.add(m.labs().stream().filter(r -> r.source() != null).toList());
            loose.add(m.labs().stream().filter(r -> r.source() == null).flatMap(r -> r.results().stream()).toList());
        }
        List<LabReport> out = new ArrayList<>(new FactMerge<>(REPORTS).merge(reports));
        out.sort(Comparator.comparingLong((LabReport x) -> x.when().millisOr(Long.MIN_VALUE)).reversed());
        List<LabResult> others = new ArrayList<>(new FactMerge<>(RESULTS).merge(loose));
        if (!others.isEmpty()) {
            others.sort(Comparator.comparingLong((LabResult x) -> x.when().millisOr(Long.MIN_VALUE)).reversed());
            out.add(new LabReport(new Coded(null, null, null, "Other results"), ChartDate.NONE, "", "", others, null));
        }
        return List.copyOf(out);
    }

    // ---- how each kind is compared

    static String key(Coded c) {
        return c == null || c.code() == null ? null : (c.system() == null ? "" : c.system()) + "|" + c.code();
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }

    static final FactMerge.Kind<Problem> PROBLEMS = new FactMerge.Kind<>() {
        public Source source(Problem p) {
            return p.source();
        }

        public String key(Problem p) {
            return PersonCharts.key(p.code());
        }

        public ChartDate start(Problem p) {
            return p.onset();
        }

        public ChartDate end(Problem p) {
            return p.abatement();
        }

        public boolean ongoing(Problem p) {
            return p.active() && !p.abatement().isPresent();
        }

        public boolean preferred(Problem p) {
            return p.active();
        }

        public Map<String, String> fields(Problem p) {
            return PersonCharts.fields("status", p.clinicalStatus(), "verification", p.verificationStatus(),
                    "onset", p.onset().dateOnly(), "abatement", p.abatement().dateOnly());
        }

        public Problem withSource(Problem p, Source s) {
            return new Problem(p.code(), p.clinicalStatus(), p.verificationStatus(), p.category(), p.onset(),
                    p.abatement(), p.recorded(), p.recorder(), p.active(), s, p.kind());
        }
    };

    static final FactMerge.Kind<MedicationEntry> MEDICATIONS = new FactMerge.Kind<>() {
        public Source source(MedicationEntry m) {
            return m.source();
        }

        public String key(MedicationEntry m) {
            String k = PersonCharts.key(m.medication());
            return k == null || m.source() == null ? k : m.source().type() + "|" + k;
        }

        public ChartDate start(MedicationEntry m) {
            return m.authored();
        }

        public ChartDate end(MedicationEntry m) {
            return m.end();
        }

        public boolean preferred(MedicationEntry m) {
            return m.active();
        }

        public Map<String, String> fields(MedicationEntry m) {
            return PersonCharts.fields("status", m.status(), "date", m.authored().dateOnly(), "end", m.end().dateOnly(),
                    "dosage", m.dosage());
        }

        public MedicationEntry withSource(MedicationEntry m, Source s) {
            return new MedicationEntry(m.medication(), m.status(), m.intent(), m.authored(), m.end(), m.dosage(),
                    m.prescriber(), m.reason(), m.active(), s);
        }
    };

    static final FactMerge.Kind<AllergyEntry> ALLERGIES = new FactMerge.Kind<>() {
        public Source source(AllergyEntry a) {
            return a.source();
        }

        public String key(AllergyEntry a) {
            return PersonCharts.key(a.substance());
        }

        public ChartDate start(AllergyEntry a) {
            return a.recorded();
        }

        /** An allergy is a lasting state: the same substance at two organizations is one allergy. */
        public boolean ongoing(AllergyEntry a) {
            return true;
        }

        public ChartDate end(AllergyEntry a) {
            return ChartDate.NONE;
        }

        public Map<String, String> fields(AllergyEntry a) {
            return PersonCharts.fields("status", a.clinicalStatus(), "verification", a.verificationStatus(),
                    "criticality", a.criticality(), "reactions", a.reactions(), "recorded", a.recorded().dateOnly());
        }

        public AllergyEntry withSource(AllergyEntry a, Source s) {
            return new AllergyEntry(a.substance(), a.clinicalStatus(), a.verificationStatus(), a.type(), a.category(),
                    a.criticality(), a.reactions(), a.recorded(), s);
        }
    };

    static final FactMerge.Kind<ImmunizationEntry> IMMUNIZATIONS = FactMerge.kind(ImmunizationEntry::source,
            i -> key(i.vaccine()), ImmunizationEntry::date,
            i -> fields("status", i.status(), "date", i.date().dateOnly()),
            (i, s) -> new ImmunizationEntry(i.vaccine(), i.status(), i.date(), i.performer(), s));

    static final FactMerge.Kind<EncounterEntry> ENCOUNTERS = FactMerge.kind(EncounterEntry::source,
            e -> key(e.type()), EncounterEntry::start,
            e -> fields("status", e.status(), "end", e.end().display()),
            (e, s) -> new EncounterEntry(e.type(), e.encounterClass(), e.status(), e.start(), e.end(), e.practitioner(),
                    e.provider(), e.reason(), s));

    static final FactMerge.Kind<DocumentEntry> DOCUMENTS = FactMerge.kind(DocumentEntry::source,
            d -> key(d.type()), DocumentEntry::date,
            d -> fields("status", d.status()),
            (d, s) -> new DocumentEntry(d.type(), d.category(), d.date(), d.status(), d.author(), d.custodian(),
                    d.attachments(), s));

    static final FactMerge.Kind<CoverageEntry> COVERAGE = FactMerge.kind(CoverageEntry::source,
            c -> c.payer().isBlank() ? null : "payer|" + c.payer() + "|" + c.derived(), CoverageEntry::start,
            c -> fields("status", c.status(), "end", c.end().dateOnly()),
            (c, s) -> new CoverageEntry(c.payer(), c.type(), c.status(), c.start(), c.end(), c.derived(), s));

    static final FactMerge.Kind<ClaimEntry> CLAIMS = FactMerge.kind(ClaimEntry::source,
            c -> c.kind() + "|" + c.type() + "|" + c.provider(), ClaimEntry::created,
            c -> fields("status", c.status(), "billed", VitalReading.format(c.billed()),
                    "paid", VitalReading.format(c.paid())),
            (c, s) -> new ClaimEntry(c.kind(), c.type(), c.status(), c.created(), c.start(), c.end(), c.provider(),
                    c.payer(), c.billed(), c.paid(), c.currency(), s));

    static final FactMerge.Kind<VitalReading> VITALS = FactMerge.kind(VitalReading::source,
            r -> r.kind().name(), VitalReading::when,
            r -> fields("value", r.valueText()),
            (r, s) -> new VitalReading(r.kind(), r.when(), r.value(), r.second(), r.unit(), r.original(), s,
                    r.assessment()));

    static final FactMerge.Kind<LabResult> RESULTS = FactMerge.kind(LabResult::source,
            r -> key(r.test()), LabResult::when,
            r -> fields("value", (r.value() + " " + r.unit()).trim(), "flag", r.flag(), "status", r.status()),
            (r, s) -> new LabResult(r.test(), r.value(), r.numeric(), r.unit(), r.range(), r.flag(), r.when(),
                    r.status(), s, r.assessment()));

    /** Reports of one panel at one time; their results are merged among themselves. */
    static final FactMerge.Kind<LabReport> REPORTS = new FactMerge.Kind<>() {
        public Source source(LabReport r) {
            return r.source();
        }

        public String key(LabReport r) {
            return PersonCharts.key(r.name());
        }

        public ChartDate start(LabReport r) {
            return r.when();
        }

        public Map<String, String> fields(LabReport r) {
            return PersonCharts.fields("status", r.status());
        }

        public LabReport withSource(LabReport r, Source s) {
            return new LabReport(r.name(), r.when(), r.status(), r.performer(), r.results(), s);
        }

        public LabReport combine(LabReport rep, Source s, List<LabReport> members) {
            List<List<LabResult>> per = new ArrayList<>();
            for (LabReport m : members) {
                per.add(m.results());
            }
            return new LabReport(rep.name(), rep.when(), rep.status(), rep.performer(),
                    new FactMerge<>(RESULTS).merge(per), s);
        }
    };

    static final FactMerge.Kind<TimelineItem> PROCEDURES = FactMerge.kind(TimelineItem::source,
            i -> i.label(), i -> new ChartDate(java.time.Instant.ofEpochMilli(i.start()).toString(),
                    java.time.Instant.ofEpochMilli(i.start()), ChartDate.Precision.TIME),
            i -> fields("details", i.detail()),
            (i, s) -> new TimelineItem(i.lane(), i.label(), i.start(), i.end(), i.ongoing(), i.when(), i.detail(), s,
                    i.weight()));
}
