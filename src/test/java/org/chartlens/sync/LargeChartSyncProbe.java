package org.chartlens.sync;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.AuthSessions;
import org.chartlens.auth.PassphraseSecretStore;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.connect.Organization;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.ChartCache;

/**
 * Hand-run probe of bench figure 3 ("sync large chart into encrypted cache (warm)"), as the
 * bench runs it: one cache, the organization purged before each run, a full sync of the large
 * chart, then a plain download of the same pages (the floor); medians after warm-up and their
 * ratio. Not a test: {@code java -cp target/test-classes:target/classes:target/lib/*
 * org.chartlens.sync.LargeChartSyncProbe [warmups] [runs]}.
 */
public final class LargeChartSyncProbe {
    private static final Pattern NEXT = Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");
    private LargeChartSyncProbe() {
    }

    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Path dir = Files.createTempDirectory("sync-probe");
        try (DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile("demo").autoApprove(true)
                .dataDir(Path.of("/work/shared/fhir-data/synthea-large")).build())) {
            Organization org = DemoFixture.organization("demo", ehr);
            AuthSessions auth = new AuthSessions(PassphraseSecretStore.open(dir.resolve("secrets.bin"),
                    PassphraseSource.fixed("p".toCharArray()), 1000));
            auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            String patient = ehr.patientIds().get(0);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            FhirHttp http = new FhirHttp(org, auth.tokens(org));
            URI first = URI.create(ehr.fhirBase() + "/Patient/" + patient + "/$everything?_count="
                    + http.options().pageSize());
            List<Double> ours = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> oursCpu = new ArrayList<>();
            List<Double> floorCpu = new ArrayList<>();
            try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), key)) {
                ChartSync sync = new ChartSync(http, cache);
                for (int i = 0; i < warmups + runs; i++) {
                    cache.purgeOrganization(org.id());
                    long c0 = cpu();
                    long t0 = System.nanoTime();
                    SyncResult r = sync.run(SyncRequest.patients(patient).full(true), SyncListener.NONE);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double cpuMs = (cpu() - c0) / 1e6;
                    if (Boolean.getBoolean("trace")) {
                        System.err.println("TRACE wal after sync " + Files.size(dir.resolve("cache.db-wal")) / 1024 + " KB");
                    }
                    if (!r.ok()) {
                        throw new IllegalStateException(r.summary());
                    }
                    long fc0 = cpu();
                    long f0 = System.nanoTime();
                    download(first, auth.tokens(org).accessToken());
                    double floorMs = (System.nanoTime() - f0) / 1e6;
                    double floorCpuMs = (cpu() - fc0) / 1e6;
                    if (i >= warmups) {
                        ours.add(ms);
                        floor.add(floorMs);
                        ratios.add(ms / floorMs);
                        oursCpu.add(cpuMs);
                        floorCpu.add(floorCpuMs);
                    }
                }
            }
            Collections.sort(ours);
            Collections.sort(floor);
            Collections.sort(ratios);
            Collections.sort(oursCpu);
            Collections.sort(floorCpu);
            System.out.printf("SYNC PROBE: ours median %.0f ms, floor median %.0f ms, ratio of medians %.2f,"
                            + " median of per-run ratios %.2f%n  ours %s%n  floor %s%n",
                    ours.get(runs / 2), floor.get(runs / 2), ours.get(runs / 2) / floor.get(runs / 2),
                    ratios.get(runs / 2), round(ours), round(floor));
            System.out.printf("  process CPU (demo EHR included): ours median %.0f ms, floor median %.0f ms%n",
                    oursCpu.get(runs / 2), floorCpu.get(runs / 2));
        }
    }

    /** The floor: a plain client downloading the same pages, finding each next link in the head. */
    static void download(URI first, String token) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        URI next = first;
        while (next != null) {
            HttpResponse<InputStream> res = c.send(HttpRequest.newBuilder(next).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = res.body()) {
                body = in.readAllBytes();
            }
            String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
            int e = head.indexOf("\"entry\"");
            Matcher m = NEXT.matcher(e > 0 ? head.substring(0, e) : head);
            next = m.find() ? URI.create(m.group(1)) : null;
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<Long> round(List<Double> xs) {
        return xs.stream().map(Math::round).toList();
    }
}
