package org.chartlens.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.Reconciliations;
import org.chartlens.app.Reviews;
import org.chartlens.app.SummaryExports;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.Disclosure;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.report.SummaryOptions;
import org.chartlens.store.AuditAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code chartlens summary PERSON --out FILE.pdf}: the referral summary (issue 17) from the cache. */
@Command(name = "summary", description = "Write a referral summary (PDF) of a person or a record from the cache; no "
        + "network: sources and freshness, active problems, current medications, allergies, recent abnormal results "
        + "and encounters, immunizations, what is missing. Each row names its organizations. Audited as an export.")
public final class SummaryCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(arity = "1..*", paramLabel = "PATIENT",
            description = "A person id (P-..., see 'chartlens persons'), or a record as ID or ORG:ID (its person's "
                    + "linked records are included); several records print as one person.")
    List<String> patients;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF (owner-only).")
    Path out;

    @Option(names = "--paper", paramLabel = "a4|letter", description = "Paper size (default: from the locale).")
    String paper;

    @Option(names = "--units", description = "metric (default) or us.", defaultValue = "metric")
    String units;

    @Option(names = "--break-glass", paramLabel = "REASON", description = "With --include-restricted: include the "
            + "person's restricted records (security labels: 42 CFR Part 2, mental health, ...), which a summary otherwise "
            + "leaves out and counts: emergency, consent or other:WORDS. Recorded in the audit log first, as is the include.")
    String breakGlass;

    @Option(names = "--include-restricted", description = "Include restricted records in this summary (needs "
            + "--break-glass); each included Part 2 item carries the 42 CFR 2.32 redisclosure notice.")
    boolean includeRestricted;

    @Override
    public Integer call() throws Exception {
        BreakGlass glass = glass(breakGlass, includeRestricted); // said before the passphrase is asked
        SummaryExports.checkWritable(out); // a bad path is said before the passphrase is asked
        SummaryOptions.Paper size = paper == null ? SummaryOptions.Paper.forLocale(Locale.getDefault())
                : switch (paper.toLowerCase(Locale.ROOT)) {
                    case "a4" -> SummaryOptions.Paper.A4;
                    case "letter" -> SummaryOptions.Paper.LETTER;
                    default -> throw new IllegalArgumentException("--paper is a4 or letter, not " + paper);
                };
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "summary")) {
            int pages = export(ctx, patients, out, size, "us".equalsIgnoreCase(units) ? UnitSystem.US : UnitSystem.METRIC,
                    glass);
            System.out.println("Wrote " + out + " (" + pages + (pages == 1 ? " page)" : " pages)"));
            return 0;
        }
    }

    /**
     * The break-the-glass reason when restricted records are to be included: both options or neither.
     *
     * @throws IllegalArgumentException when only one is given, or the reason is not one of the list
     */
    static BreakGlass glass(String reason, boolean include) {
        if (include != (reason != null)) {
            throw new IllegalArgumentException(include ? "--include-restricted needs --break-glass REASON (emergency, "
                    + "consent or other:WORDS)" : "--break-glass needs --include-restricted: a summary includes restricted "
                    + "records only when both are given");
        }
        return reason == null ? null : BreakGlass.parse(reason);
    }

    /** {@link #export(ChartLensContext, List, Path, SummaryOptions.Paper, UnitSystem, BreakGlass)} with restricted records left out. */
    static int export(ChartLensContext ctx, List<String> patients, Path file, SummaryOptions.Paper paper, UnitSystem units)
            throws java.io.IOException {
        return export(ctx, patients, file, paper, units, null);
    }

    /**
     * Reads the chart the PATIENT arguments name, writes its summary to {@code file} and records one
     * export event per record. Restricted records are left out (the summary counts them) unless
     * {@code glass} is given: then the glass is broken (audited first, as {@code show --break-glass})
     * and their inclusion is recorded too, one event per record, before the file is written. Blocking.
     *
     * @return the number of pages
     * @throws IllegalArgumentException when a patient is unknown (in words)
     */
    static int export(ChartLensContext ctx, List<String> patients, Path file, SummaryOptions.Paper paper, UnitSystem units,
                      BreakGlass glass) throws java.io.IOException {
        SummaryExports.checkWritable(file);
        List<PatientRef> records = ShowCommand.records(ctx.cache(), patients);
        ChartData chart = glass == null ? ChartQuery.openPerson(ctx.cache(), records, units, LocalDate.now(), Disclosure.MASKED)
                : ShowCommand.open(ctx, records, units, glass);
        if (chart.restrictions().shown()) {
            for (PatientRef p : chart.records()) {
                ctx.audit(AuditAction.INCLUDE_RESTRICTED, p.org(), p.id(), "summary file=" + file.getFileName()
                        + "; " + glass.auditDetail(chart.restrictions()));
            }
        }
        OrganizationNames names = new OrganizationNames(ctx.organizations().list());
        // the reviewer's reconciliation marks beside the items, their notes in the last section (issue 17 section 3)
        org.chartlens.domain.ReconcileTable table = org.chartlens.clinical.Reconciliation.of(chart);
        java.util.Map<String, org.chartlens.domain.ReconcileMark> marks = Reconciliations.marks(ctx.cache(),
                Reviews.reviewer(ctx), chart.records());
        SummaryOptions options = new SummaryOptions(names, ZonedDateTime.now(), paper,
                Reconciliations.forSummary(table, marks), Reconciliations.notes(table, marks));
        int pages = SummaryExports.write(chart, options, file);
        for (PatientRef p : chart.records()) {
            ctx.audit(AuditAction.EXPORT, p.org(), p.id(), SummaryExports.auditDetail(file, pages, chart));
        }
        return pages;
    }
}
