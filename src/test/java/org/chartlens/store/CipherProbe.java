package org.chartlens.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-run comparison of the cache's cipher schemes (decision 0380): the large chart written with
 * {@link ChartCache#putAll} into a fresh cache, then read whole, once per scheme per round, the
 * schemes interleaved in one process so that load on the machine hits them alike; prints the
 * medians. Not a test: {@code java -cp target/test-classes:target/classes:<deps>
 * org.chartlens.store.CipherProbe [warmups] [runs]}.
 */
public final class CipherProbe {
    private CipherProbe() {
    }

    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<StoredResource> rows = CacheWriteProbe.rows(CacheWriteProbe.largeChart());
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        Path dir = Files.createTempDirectory("cipher-probe");
        Map<CacheCipher, List<double[]>> results = new EnumMap<>(CacheCipher.class);
        for (int i = 0; i < warmups + runs; i++) {
            for (CacheCipher cipher : CacheCipher.values()) {
                Path db = dir.resolve(cipher + "-" + i + ".db");
                long o0 = System.nanoTime();
                try (ChartCache c = ChartCache.open(db, key, AuditHeadStore.NONE, cipher)) {
                    double openMs = (System.nanoTime() - o0) / 1e6;
                    long t0 = System.nanoTime();
                    c.putAll(rows);
                    double writeS = (System.nanoTime() - t0) / 1e9;
                    c.chart("demo", "p1");
                    long r0 = System.nanoTime();
                    int read = c.chart("demo", "p1").size();
                    double readMs = (System.nanoTime() - r0) / 1e6;
                    if (read == 0) {
                        throw new IllegalStateException("nothing read back");
                    }
                    if (i >= warmups) {
                        results.computeIfAbsent(cipher, k -> new ArrayList<>())
                                .add(new double[] {rows.size() / writeS, readMs, openMs});
                    }
                }
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(Path.of(db + suffix));
                }
            }
        }
        Files.deleteIfExists(dir);
        System.out.printf("CIPHER PROBE %d resources, %d runs each, interleaved%n", rows.size(), runs);
        for (Map.Entry<CacheCipher, List<double[]>> e : results.entrySet()) {
            System.out.printf("%-10s writes median %.0f res/s (min %.0f, max %.0f); whole-chart read median %.1f ms;"
                            + " open median %.1f ms%n", e.getKey(), median(e.getValue(), 0), min(e.getValue(), 0),
                    max(e.getValue(), 0), median(e.getValue(), 1), median(e.getValue(), 2));
        }
    }

    private static double[] column(List<double[]> rows, int col) {
        double[] v = rows.stream().mapToDouble(r -> r[col]).toArray();
        Arrays.sort(v);
        return v;
    }

    private static double median(List<double[]> rows, int col) {
        double[] v = column(rows, col);
        return v[v.length / 2];
    }

    private static double min(List<double[]> rows, int col) {
        return column(rows, col)[0];
    }

    private static double max(List<double[]> rows, int col) {
        double[] v = column(rows, col);
        return v[v.length - 1];
    }
}
