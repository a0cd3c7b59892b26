package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.sandbox.DemoEhr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.2: two ChartLens processes on one data folder whose access token expired at the same
 * moment refresh once, not twice with the same single-use refresh token (which makes the
 * veracity profile, like Veracity, revoke the whole grant and sign the user out everywhere).
 */
class CrossProcessRefreshTest {
    private static final String PASSPHRASE = "test-passphrase"; // TestStores.file's

    @TempDir
    Path data;

    /** A child JVM running {@link RefreshingProcess}. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder all = new StringBuilder();

        Child(Path data, Organization org) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                    RefreshingProcess.class.getName(), data.toString(), org.id(), org.fhirBase().toString(),
                    org.clientId()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("CHARTLENS_PASSPHRASE", PASSPHRASE);
            pb.environment().put("CHARTLENS_SECRET_STORE", "file");
            process = pb.start();
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (all) {
                            all.append(line).append('\n');
                        }
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // ended
                }
            });
            pump.setDaemon(true);
            pump.start();
        }

        String next(String prefix, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l != null && (l.startsWith(prefix) || l.startsWith("failed"))) {
                    return l;
                }
            }
            synchronized (all) {
                throw new AssertionError("no '" + prefix + "' line; output: " + all);
            }
        }

        void send(String line) throws Exception {
            OutputStream out = process.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void twoProcessesWhoseTokenExpiredTogetherRefreshOnceAndBothStaySignedIn() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("veracity", Duration.ofSeconds(5))) {
            Organization org = OrganizationDirectory.loadPresets().get("veracity").organization()
                    .withFhirBase(ehr.fhirBase()).withClientId("chartlens");
            AuthSessions here = new AuthSessions(TestStores.file(data), data);
            here.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            try (Child a = new Child(data, org); Child b = new Child(data, org)) {
                assertEquals("ready", a.next("ready", 90));
                assertEquals("ready", b.next("ready", 90));
                for (int round = 1; round <= 3; round++) {
                    Instant expires = new AuthSessions(TestStores.file(data)).session(org).orElseThrow()
                            .accessTokenExpiresAt();
                    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 200);
                    int before = ehr.tokenRequestCount("refresh_token");
                    a.send("go");
                    b.send("go");
                    String ra = a.next("ok", 60);
                    String rb = b.next("ok", 60);
                    assertTrue(ra.startsWith("ok 200 "), "round " + round + ", process A: " + ra);
                    assertTrue(rb.startsWith("ok 200 "), "round " + round + ", process B: " + rb);
                    assertEquals(ra, rb, "both processes use the one renewed token");
                    assertEquals(before + 1, ehr.tokenRequestCount("refresh_token"),
                            "round " + round + ": exactly one refresh of the single-use refresh token");
                }
            }
            // This process too is still signed in, with a token the server accepts.
            String token = new AuthSessions(TestStores.file(data), data).tokens(org).accessToken();
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ehr.fhirBase() + "/Patient?_count=1")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, r.statusCode());
        }
    }
}
