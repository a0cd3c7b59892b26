package org.chartlens.app.cli;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.Disclosure;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditAction;
import org.chartlens.store.ChartStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "Print what the chart views show for a cached patient "
        + "(summary by default), from the cache; no network. Several records (ORG:ID ORG:ID ...) print one "
        + "person's merged chart: each item names the organizations that recorded it.")
public final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(arity = "1..*", paramLabel = "PATIENT",
            description = "The patient's FHIR id (unique across organizations) or ORG:ID; several for one person's records.")
    List<String> patients;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--problems", description = "The problem list.") boolean problems;
        @Option(names = "--vitals", description = "Vital signs, every reading, with its flag.") boolean vitals;
        @Option(names = "--labs", description = "Lab reports and results with flags (lab's or ChartLens's) "
                + "and the range used.") boolean labs;
        @Option(names = "--timeline", description = "Timeline items per lane.") boolean timeline;
        @Option(names = "--meds", description = "Medications, one row per medication, current first.") boolean meds;
        @Option(names = "--all", description = "Every tab (with --json: every item).") boolean all;
    }

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Option(names = "--units", description = "metric (default) or us.", defaultValue = "metric")
    String units;

    @Option(names = "--break-glass", paramLabel = "REASON", description = "Show the person's restricted records "
            + "(security labels: 42 CFR Part 2, mental health, ...), which are otherwise hidden: emergency "
            + "(treatment emergency), consent (patient consent on file) or other:WORDS. Recorded in the audit log first.")
    String breakGlass;

    @Override
    public Integer call() throws Exception {
        ChartReport.Part part = which.problems ? ChartReport.Part.PROBLEMS : which.vitals ? ChartReport.Part.VITALS
                : which.timeline ? ChartReport.Part.TIMELINE : which.meds ? ChartReport.Part.MEDS
                : which.labs ? ChartReport.Part.LABS : which.all ? ChartReport.Part.ALL : ChartReport.Part.SUMMARY;
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "show")) {
            BreakGlass glass = breakGlass == null ? null : BreakGlass.parse(breakGlass);
            List<PatientRef> records = records(ctx.cache());
            ChartData d = open(ctx, records, "us".equalsIgnoreCase(units) ? UnitSystem.US : UnitSystem.METRIC, glass);
            for (PatientRef p : d.records()) {
                ctx.audit(AuditAction.SHOW, p.org(), p.id(), "part=" + part.name().toLowerCase(java.util.Locale.ROOT)
                        + (d.isPerson() ? " person=" + d.records().size() + " records" : ""));
            }
            OrganizationNames names = new OrganizationNames(ctx.organizations().list());
            System.out.print(json ? ChartReport.json(d, names, part) + "\n" : ChartReport.text(d, names, part, unavailable(d)));
            if (!json) {
                for (PatientRef p : d.records()) {
                    String removed = ChartReport.removed(ctx.cache().removed(p.org(), p.id()));
                    System.out.print(d.isPerson() && !removed.isEmpty() ? names.apply(p.org()) + ": " + removed : removed);
                }
            }
            return 0;
        }
    }

    /**
     * The chart, restricted records masked; with {@code glass} (not null) and restricted records
     * present, the break-the-glass event is recorded for each record first, then the chart is read
     * again with them shown (decision 0701). Blocking.
     */
    static ChartData open(ChartLensContext ctx, List<PatientRef> records, UnitSystem units, BreakGlass glass) {
        ChartData d = ChartQuery.openPerson(ctx.cache(), records, units, LocalDate.now(), Disclosure.MASKED);
        if (glass == null || !d.restrictions().any()) {
            return d;
        }
        for (PatientRef p : d.records()) {
            ctx.audit(AuditAction.BREAK_THE_GLASS, p.org(), p.id(), glass.auditDetail(d.restrictions()));
        }
        return ChartQuery.openPerson(ctx.cache(), records, units, LocalDate.now(), Disclosure.MASKED.shown());
    }

    /**
     * The records the typed PATIENT arguments name, in order: a person id ({@code P-...}, from
     * {@code chartlens persons}) or any ID / ORG:ID of its records names every record linked as that
     * person (a record nobody linked is a person of one).
     */
    List<PatientRef> records(ChartStore store) {
        return records(store, patients);
    }

    /** @see #records(ChartStore) */
    static List<PatientRef> records(ChartStore store, List<String> typed) {
        List<PatientRef> out = new java.util.ArrayList<>();
        for (String t : typed) {
            List<PatientRef> named = ChartQuery.resolvePerson(store, t).records();
            named.stream().filter(r -> !out.contains(r)).forEach(out::add);
        }
        return out;
    }

    /**
     * Resource type -> "not-granted" / "unsupported" when every organization of the chart says so
     * (a count of 0 of such a type is unknown, not none).
     */
    static Map<String, String> unavailable(ChartData d) {
        Map<String, Map<String, String>> byType = new HashMap<>();
        d.freshness().forEach(f -> byType.computeIfAbsent(f.type(), t -> new HashMap<>()).put(f.org(), f.state()));
        Map<String, String> out = new HashMap<>();
        byType.forEach((type, states) -> {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String org : d.orgs()) {
                seen.add(states.getOrDefault(org, "ok"));
            }
            if (seen.size() == 1 && !seen.contains("ok")) {
                out.put(type, seen.iterator().next());
            }
        });
        return out;
    }
}
