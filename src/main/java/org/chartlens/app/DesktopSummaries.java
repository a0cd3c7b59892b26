package org.chartlens.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.Disclosure;
import org.chartlens.domain.PatientRef;
import org.chartlens.report.SummaryOptions;
import org.chartlens.report.SummaryPages;
import org.chartlens.report.SummaryPdf;
import org.chartlens.store.AuditAction;
import org.chartlens.store.ChartCache;
import org.chartlens.ui.port.SummaryPort;

/**
 * The desktop's {@link SummaryPort} (issue 17 section 4, issue 18): reads the chart as the request
 * says (masked unless restricted records were included for this document), lays the summary out
 * with {@code report} and writes it through {@link SummaryExports} or hands its pages out for
 * printing; records {@code export} / {@code print} per record like {@code chartlens summary}, and
 * {@code include-restricted} (who, when, the record, how many, their labels, the glass's reason)
 * before a document with restricted records exists. Source {@code view:chart}. Thread safe; blocking.
 */
final class DesktopSummaries implements SummaryPort {
    static final String SOURCE = "view:chart";
    private final Supplier<ChartCache> cache;
    private final Supplier<? extends Function<String, String>> names;
    private final Supplier<String> chosenReviewer;

    /**
     * @param cache the open cache (throws while locked)
     * @param names the organizations' readable names, read per document
     */
    DesktopSummaries(Supplier<ChartCache> cache, Supplier<? extends Function<String, String>> names) {
        this(cache, names, () -> null);
    }

    /**
     * @param chosenReviewer the reviewer's name picked in Settings (null or blank: the OS user), whose
     *                       reconciliation marks and notes the summary carries
     */
    DesktopSummaries(Supplier<ChartCache> cache, Supplier<? extends Function<String, String>> names,
                     Supplier<String> chosenReviewer) {
        this.cache = cache;
        this.names = names;
        this.chosenReviewer = chosenReviewer;
    }

    /** The desktop's: the open cache, the configured organizations' names. */
    static DesktopSummaries of(ChartLensContext ctx, Supplier<ChartCache> cache, Supplier<String> chosenReviewer) {
        return new DesktopSummaries(cache, () -> new org.chartlens.connect.OrganizationNames(ctx.organizations().list()),
                chosenReviewer);
    }

    private record Made(ChartData chart, SummaryPdf.Rendered pdf) {
    }

    private Made make(Request r, String document, BooleanSupplier cancelled) throws IOException {
        ChartCache c = cache.get();
        Disclosure disclosure = new Disclosure(r.includesRestricted(), r.infer());
        ChartData chart = ChartQuery.openPerson(c, r.records(), r.units(), LocalDate.now(), disclosure);
        stopIf(cancelled);
        if (r.includesRestricted() && chart.restrictions().any()) {
            String detail = "document=" + document + "; " + r.restricted().auditDetail(chart.restrictions());
            for (PatientRef p : chart.records()) {
                c.audit(AuditAction.INCLUDE_RESTRICTED, p.org(), p.id(), detail, SOURCE);
            }
        }
        // the reviewer's reconciliation marks beside the items, their notes at the end (issue 17 section 3)
        org.chartlens.domain.ReconcileTable table = org.chartlens.clinical.Reconciliation.of(chart);
        java.util.Map<String, org.chartlens.domain.ReconcileMark> marks = Reconciliations.marks(c,
                Reviews.reviewer(chosenReviewer.get()), chart.records());
        SummaryOptions options = new SummaryOptions(names.get(), ZonedDateTime.now(),
                SummaryOptions.Paper.forLocale(Locale.getDefault()), Reconciliations.forSummary(table, marks),
                Reconciliations.notes(table, marks));
        SummaryPdf.Rendered pdf = SummaryPdf.render(chart, options);
        stopIf(cancelled);
        return new Made(chart, pdf);
    }

    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
        }
    }

    private static int restricted(ChartData chart) {
        return chart.restrictions().shown() ? chart.restrictions().count() : 0;
    }

    private static int withheld(ChartData chart) {
        return chart.restrictions().masked() ? chart.restrictions().count() : 0;
    }

    @Override
    public Written export(Request request, Path file, BooleanSupplier cancelled) throws IOException {
        SummaryExports.checkWritable(file);
        Made m = make(request, "export", cancelled);
        SummaryExports.writeRendered(m.pdf(), file);
        String detail = SummaryExports.auditDetail(file, m.pdf().pages(), m.chart()) + restrictedDetail(m.chart());
        for (PatientRef p : m.chart().records()) {
            cache.get().audit(AuditAction.EXPORT, p.org(), p.id(), detail, SOURCE);
        }
        return new Written(file, m.pdf().pages(), restricted(m.chart()), withheld(m.chart()));
    }

    /** " restricted=included 5" / " restricted=withheld 5" / "" (counts only). */
    private static String restrictedDetail(ChartData chart) {
        if (!chart.restrictions().any()) {
            return "";
        }
        return " restricted=" + (chart.restrictions().shown() ? "included " : "withheld ") + chart.restrictions().count();
    }

    @Override
    public Printout printout(Request request, BooleanSupplier cancelled) throws IOException {
        Made m = make(request, "print", cancelled);
        SummaryPages pages = SummaryPages.of(m.pdf().bytes());
        int restricted = restricted(m.chart());
        int withheld = withheld(m.chart());
        return new Printout() {
            @Override
            public int count() {
                return pages.count();
            }

            @Override
            public Page page(int index, float dpi) throws IOException {
                java.awt.image.BufferedImage img = pages.render(index, dpi);
                int w = img.getWidth();
                int h = img.getHeight();
                int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
                float[] size = pages.pointSize(index);
                return new Page(w, h, argb, size[0], size[1]);
            }

            @Override
            public int restricted() {
                return restricted;
            }

            @Override
            public int withheld() {
                return withheld;
            }

            @Override
            public void close() throws IOException {
                pages.close();
            }
        };
    }

    @Override
    public void printed(Request request, int pages, int sent) {
        String detail = "summary pages=" + pages + (sent == pages ? "" : " sent=" + sent)
                + (request.records().size() > 1 ? " person=" + request.records().size() + " records" : "")
                + (request.includesRestricted() ? " restricted=included" : "");
        ChartCache c = cache.get();
        for (PatientRef p : request.records()) {
            c.audit(AuditAction.PRINT, p.org(), p.id(), detail, SOURCE);
        }
    }
}
