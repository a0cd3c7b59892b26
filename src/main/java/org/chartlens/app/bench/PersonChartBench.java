package org.chartlens.app.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chartlens.app.ScratchFolders;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.fhir.FhirJson;
import org.chartlens.store.ChartCache;
import org.chartlens.sync.ChartImport;

/**
 * Issue 14's person-chart figure: every tab of a person whose five linked records are five
 * organizations' copies of the large chart (about 45,000 resources), read from an encrypted
 * cache and merged ({@link ChartQuery#openPerson}). Target under 1 s. The copies are imported
 * from the large chart's folder under five organization ids ({@code import:org-1} ...).
 */
public final class PersonChartBench {
    static final int COPIES = 5;
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private PersonChartBench() {
    }

    public static List<Figure> run(Path largeData, Path workDir, int warmups, int runs, PrintStream log) throws Exception {
        log.println("bench: a person with five linked copies of the large chart");
        ScratchFolders.deleteTree(workDir);
        Files.createDirectories(workDir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<Figure> out = new ArrayList<>();
        try (ChartCache cache = ChartCache.open(workDir.resolve("person.db"), key)) {
            List<PatientRef> records = new ArrayList<>();
            for (int i = 1; i <= COPIES; i++) {
                Path org = workDir.resolve("org-" + i);
                Files.createDirectories(org);
                try (Stream<Path> files = Files.list(largeData)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, org.resolve(f.getFileName()));
                    }
                }
                ChartImport.Result r = new ChartImport(cache, new FhirJson()).importPath(org);
                records.add(new PatientRef(r.org(), r.patients().get(0)));
            }
            int resources = 0;
            for (PatientRef r : records) {
                resources += cache.chart(r.org(), r.id()).size();
            }
            ChartData[] last = new ChartData[1];
            long[] cpu = new long[runs];
            int[] run = {-warmups};
            // a first open: five large charts do not fit a reader's page cache (32 MB), so every
            // run decrypts every record's pages again, as the app's first open of a person does
            Figure build = Stopwatch.timeEach(String.format(java.util.Locale.ROOT,
                            "14. person chart, every tab, %d linked copies of the large chart (%,d resources), first open",
                            COPIES, resources), warmups, runs, () -> {
                long c0 = CPU.getProcessCpuTime();
                long t0 = System.nanoTime();
                last[0] = ChartQuery.openPerson(cache, records, UnitSystem.METRIC, LocalDate.now());
                double ms = (System.nanoTime() - t0) / 1e6;
                if (run[0] >= 0) {
                    cpu[run[0]] = (CPU.getProcessCpuTime() - c0) / 1_000_000;
                }
                run[0]++;
                return ms;
            });
            java.util.Arrays.sort(cpu);
            build.target("< 1000 ms", build.median() < 1000)
                    .note("read + build + merge, no page of any record in SQLite's page cache; process CPU median "
                            + cpu[runs / 2] + " ms (2 cores); " + last[0].model().encounters().size()
                            + " encounters, each from " + last[0].model().encounters().get(0).source().orgs().size()
                            + " organizations");
            out.add(build);
            // the baseline the same way: a first open, its pages pushed out by reading the other records
            Figure one = Stopwatch.timeEach("14. the same chart as one record, first open (baseline)", warmups, runs,
                    () -> {
                        for (PatientRef r : records.subList(1, records.size())) {
                            cache.chartResources(r.org(), r.id());
                        }
                        long t0 = System.nanoTime();
                        ChartQuery.open(cache, records.get(0), UnitSystem.METRIC, LocalDate.now());
                        return (System.nanoTime() - t0) / 1e6;
                    });
            out.add(one);
            build.comparedTo(one);
            Figure reopen = Stopwatch.time("14. the same chart as one record, reopen (its pages in the page cache)",
                    warmups, runs, () -> ChartQuery.open(cache, records.get(0), UnitSystem.METRIC, LocalDate.now()));
            reopen.note("information: what the earlier baseline measured (issue 21 follow-up)");
            out.add(reopen);
        } finally {
            ScratchFolders.deleteTree(workDir);
        }
        return out;
    }

    /** Standalone: {@code java ... PersonChartBench LARGE_DATA_DIR WORK_DIR [RUNS]}. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (Figure f : run(Path.of(args[0]), Path.of(args[1]), 2, runs, System.out)) {
            System.out.println(f.name() + ": median " + f.median() + " " + f.unit() + " (min " + f.min() + ", max "
                    + f.max() + ")");
        }
    }
}
