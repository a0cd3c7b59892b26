package org.chartlens.app.bench;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.report.SummaryOptions;
import org.chartlens.report.SummaryPdf;
import org.chartlens.store.ChartStore;

/**
 * Issue 17's figure: the referral summary PDF of the large chart, from the cache (read + build +
 * lay out + PDF bytes, what {@code chartlens summary} does before writing the file), target under
 * 3 s; the baseline in the same run is reading and building the same chart alone.
 */
final class SummaryPdfBench {
    private SummaryPdfBench() {
    }

    static List<Figure> run(ChartStore store, PatientRef ref, int warmups, int runs) throws Exception {
        SummaryOptions options = new SummaryOptions(o -> o, ZonedDateTime.now(), SummaryOptions.Paper.A4, null, null);
        int[] pages = new int[1];
        Figure pdf = Stopwatch.time("17. referral summary PDF of the large chart (read + build + PDF)", warmups, runs, () -> {
            ChartData d = ChartQuery.open(store, ref, UnitSystem.METRIC, LocalDate.now());
            pages[0] = SummaryPdf.render(d, options).pages();
        });
        Figure chart = Stopwatch.time("17. the same chart's ChartData alone (baseline)", warmups, runs,
                () -> ChartQuery.open(store, ref, UnitSystem.METRIC, LocalDate.now()));
        pdf.comparedTo(chart).target("< 3000 ms", pdf.median() < 3000).note(pages[0] + " pages");
        return List.of(pdf, chart);
    }

    /** Standalone: {@code java ... SummaryPdfBench LARGE_DATA_DIR WORK_DIR [RUNS]} (imports the chart into a scratch cache). */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path work = java.nio.file.Path.of(args[1]);
        org.chartlens.app.ScratchFolders.deleteTree(work);
        java.nio.file.Files.createDirectories(work.resolve("in"));
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(args[0]))) {
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Files.copy(f, work.resolve("in").resolve(f.getFileName()));
            }
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (org.chartlens.store.ChartCache cache = org.chartlens.store.ChartCache.open(work.resolve("c.db"), key)) {
            var r = new org.chartlens.sync.ChartImport(cache, new org.chartlens.fhir.FhirJson()).importPath(work.resolve("in"));
            for (Figure f : run(cache, new PatientRef(r.org(), r.patients().get(0)), 2, args.length > 2 ? Integer.parseInt(args[2]) : 5)) {
                System.out.println(f.name() + ": median " + f.median() + " " + f.unit() + " (min " + f.min() + ", max " + f.max() + ")");
            }
        } finally {
            org.chartlens.app.ScratchFolders.deleteTree(work);
        }
    }
}
