package org.chartlens.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.clinical.ChartQuery;
import java.util.List;
import org.chartlens.clinical.ChartData;
import org.chartlens.connect.OrganizationNames;
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
        @Option(names = "--vitals", description = "Vital signs, every reading.") boolean vitals;
        @Option(names = "--timeline", description = "Timeline items per lane.") boolean timeline;
        @Option(names = "--meds", description = "Medications.") boolean meds;
        @Option(names = "--all", description = "Every tab (with --json: every item).") boolean all;
    }

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Option(names = "--units", description = "metric (default) or us.", defaultValue = "metric")
    String units;

    @Override
    public Integer call() throws Exception {
        ChartReport.Part part = which.problems ? ChartReport.Part.PROBLEMS : which.vitals ? ChartReport.Part.VITALS
                : which.timeline ? ChartReport.Part.TIMELINE : which.meds ? ChartReport.Part.MEDS
                : which.all ? ChartReport.Part.ALL : ChartReport.Part.SUMMARY;
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "show")) {
            List<PatientRef> records = records(ctx.cache());
            ChartData d = ChartQuery.openPerson(ctx.cache(), records,
                    "us".equalsIgnoreCase(units) ? UnitSystem.US : UnitSystem.METRIC, LocalDate.now());
            for (PatientRef p : d.records()) {
                ctx.audit(AuditAction.SHOW, p.org(), p.id(), "part=" + part.name().toLowerCase(java.util.Locale.ROOT)
                        + (d.isPerson() ? " person=" + d.records().size() + " records" : ""));
            }
            OrganizationNames names = new OrganizationNames(ctx.organizations().list());
            System.out.print(json ? ChartReport.json(d, names, part) + "\n" : ChartReport.text(d, names, part));
            return 0;
        }
    }

    /** The records the typed PATIENT arguments name (each ID or ORG:ID), in order. */
    List<PatientRef> records(ChartStore store) {
        return patients.stream().map(t -> ChartQuery.resolve(store, t)).toList();
    }
}
