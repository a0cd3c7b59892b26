package org.chartlens.store;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.chartlens.domain.Compartment;
import org.chartlens.fhir.BundlePage;
import org.chartlens.fhir.FhirJson;
import org.chartlens.fhir.ReceivedResource;

/**
 * Hand-run probe of bench figure 4 ("cache writes, encrypted, one batch"): the large chart's
 * resources, as the stream parser gives them, written with {@link ChartCache#putAll} into a fresh
 * encrypted cache, repeated; prints every run and the median in resources/s. Not a test: run it
 * with the test class path, e.g. {@code java -cp target/test-classes:target/classes:target/lib/*
 * org.chartlens.store.CacheWriteProbe [warmups] [runs] [bundle.json.gz]}. Compare two builds by
 * running it alternately against each build's classes.
 */
public final class CacheWriteProbe {
    private CacheWriteProbe() {
    }

    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path bundle = args.length > 2 ? Path.of(args[2]) : largeChart();
        List<StoredResource> rows = rows(bundle);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        Path dir = Files.createTempDirectory("write-probe");
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        double[] reads = new double[runs];
        double[] warmReads = new double[runs];
        double[] warmReadsCpu = new double[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmups + runs; i++) {
            Path db = dir.resolve("w" + i + ".db");
            try (ChartCache c = ChartCache.open(db, key)) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                c.putAll(rows);
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                long r0 = System.nanoTime();
                int read = c.chart("demo", "p1").size();
                double readMs = (System.nanoTime() - r0) / 1e6;
                if (read == 0) {
                    throw new IllegalStateException("nothing read back");
                }
                if (i >= warmups) {
                    rates[i - warmups] = rows.size() / s;
                    cpuRates[i - warmups] = rows.size() / cpu;
                    reads[i - warmups] = readMs;
                }
                if (i == warmups + runs - 1) {
                    // figure 4's read: the same open cache read again and again (warm)
                    for (int k = 0; k < warmups + runs; k++) {
                        long rc0 = mx.getCurrentThreadCpuTime();
                        long rt0 = System.nanoTime();
                        c.chart("demo", "p1");
                        if (k >= warmups) {
                            warmReads[k - warmups] = (System.nanoTime() - rt0) / 1e6;
                            warmReadsCpu[k - warmups] = (mx.getCurrentThreadCpuTime() - rc0) / 1e6;
                        }
                    }
                }
            }
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
        Files.deleteIfExists(dir);
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double[] cpuSorted = cpuRates.clone();
        Arrays.sort(cpuSorted);
        System.out.printf("WRITE PROBE %d resources: wall median %.0f res/s (min %.0f, max %.0f);"
                        + " per CPU-second of the writing thread median %.0f res/s%n", rows.size(),
                sorted[runs / 2], sorted[0], sorted[runs - 1], cpuSorted[runs / 2]);
        Arrays.sort(reads);
        Arrays.sort(warmReads);
        Arrays.sort(warmReadsCpu);
        System.out.printf("READ PROBE whole chart: just written median %.1f ms; warm median %.1f ms (min %.1f, max %.1f),"
                        + " reading thread CPU median %.1f ms%n", reads[runs / 2], warmReads[runs / 2], warmReads[0],
                warmReads[runs - 1], warmReadsCpu[runs / 2]);
    }

    static Path largeChart() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("/work/shared/fhir-data/synthea-large"))) {
            return s.filter(f -> f.getFileName().toString().startsWith("Marian")).findFirst().orElseThrow();
        }
    }

    /** The bundle's resources as the sync stores them (raw JSON from the stream parser). */
    static List<StoredResource> rows(Path bundle) throws Exception {
        byte[] body;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(bundle))) {
            body = in.readAllBytes();
        }
        BundlePage page = new FhirJson().readPage(body);
        List<StoredResource> rows = new ArrayList<>();
        for (ReceivedResource r : page.resources()) {
            boolean shared = Compartment.isShared(r.type());
            rows.add(new StoredResource("demo", r.type(), r.id(), shared ? null : "p1", r.effective(),
                    r.status(), r.code(), r.json()));
        }
        return rows;
    }
}
