package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.chartlens.fhir.FhirJson;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.ChartCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large chart (8,862 resources, 29 MB) synced from the demo EHR, side by side with a plain
 * download of the same pages (the floor). Prints the medians; asserts completeness only (the
 * benchmark suite owns the timing targets: this machine is shared).
 */
class LargeChartSyncSpeedTest {
    private static final Pattern NEXT = Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void largeChartSyncsCompletelyAndCloseToTheDownloadFloor() throws Exception {
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
            List<Long> ours = new ArrayList<>();
            List<Long> floor = new ArrayList<>();
            int n = Integer.getInteger("chartlens.speed.runs", 1);
            for (int i = 0; i < n + 1; i++) {
                try (ChartCache cache = ChartCache.open(dir.resolve("c" + i + ".db"), key)) {
                    long t0 = System.nanoTime();
                    SyncResult r = new ChartSync(http, cache).run(SyncRequest.patients(patient).full(true), SyncListener.NONE);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(r.ok(), r.summary());
                    assertEquals(ehr.sourceCounts(patient).values().stream().mapToInt(Integer::intValue).sum(),
                            cache.chart(org.id(), patient).stream().filter(x -> !List.of("Practitioner", "Organization",
                                    "Location", "PractitionerRole").contains(x.type())).count());
                    if (i > 0) {
                        ours.add(ms);
                    }
                }
                long f0 = System.nanoTime();
                download(URI.create(ehr.fhirBase() + "/Patient/" + patient + "/$everything?_count=1000"),
                        auth.tokens(org).accessToken());
                if (i > 0) {
                    floor.add((System.nanoTime() - f0) / 1_000_000);
                }
            }
            Collections.sort(ours);
            Collections.sort(floor);
            System.out.printf("LARGE CHART SYNC: ours median %d ms %s, floor median %d ms %s, ratio %.2f%n",
                    ours.get(ours.size() / 2), ours, floor.get(floor.size() / 2), floor,
                    ours.get(ours.size() / 2) / (double) floor.get(floor.size() / 2));
        }
    }

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
            String head = new String(body, 0, Math.min(body.length, 4096));
            int e = head.indexOf("\"entry\"");
            Matcher m = NEXT.matcher(e > 0 ? head.substring(0, e) : head);
            next = m.find() ? URI.create(m.group(1)) : null;
        }
    }
}
