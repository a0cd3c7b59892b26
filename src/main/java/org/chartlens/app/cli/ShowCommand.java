package org.chartlens.app.cli;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditAction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "Print what the chart views show for a cached patient "
        + "(summary by default), from the cache; no network.")
public final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", paramLabel = "PATIENT",
            description = "The patient's FHIR id (unique across organizations) or ORG:ID.")
    String patient;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--problems", description = "The problem list.") boolean problems;
        @Option(names = "--vitals", description = "Vital signs, every reading, with its flag.") boolean vitals;
        @Option(names = "--labs", description = "Lab reports and results with flags (lab's or ChartLens's) "
                + "and the range used.") boolean labs;
        @Option(names = "--timeline", description = "Timeline items per lane.") boolean timeline;
        @Option(names = "--meds", description = "Medications, one row per medication, current first.") boolean meds;
    }

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Option(names = "--units", description = "metric (default) or us.", defaultValue = "metric")
    String units;

    @Override
    public Integer call() throws Exception {
        ChartReport.Part part = which.problems ? ChartReport.Part.PROBLEMS : which.vitals ? ChartReport.Part.VITALS
                : which.timeline ? ChartReport.Part.TIMELINE : which.meds ? ChartReport.Part.MEDS : which.labs ? ChartReport.Part.LABS : ChartReport.Part.SUMMARY;
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "show")) {
            PatientRef p = ChartQuery.resolve(ctx.cache(), patient);
            ChartData data = ChartQuery.open(ctx.cache(), p,
                    "us".equalsIgnoreCase(units) ? UnitSystem.US : UnitSystem.METRIC, LocalDate.now());
            ChartModel m = data.model();
            Map<String, String> unavailable = new HashMap<>();
            data.freshness().forEach(f -> unavailable.put(f.type(), f.state()));
            ctx.audit(AuditAction.SHOW, p.org(), p.id(), "part=" + part.name().toLowerCase(java.util.Locale.ROOT));
            System.out.print(json ? ChartReport.json(m, p.org(), part) + "\n" : ChartReport.text(m, p.org(), part, unavailable));
            if (!json) {
                System.out.print(ChartReport.removed(ctx.cache().removed(p.org(), p.id())));
            }
            return 0;
        }
    }
}
