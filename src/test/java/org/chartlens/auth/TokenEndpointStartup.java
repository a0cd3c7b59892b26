package org.chartlens.auth;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 13.7 measurement (decision 0210), not a test: the cold cost of the first token refresh plus
 * one authorize URL in a fresh JVM. Run it in several fresh JVMs and compare medians.
 */
public final class TokenEndpointStartup {
    public static void main(String[] args) throws Exception {
        byte[] body = "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"r2\",\"patient\":\"p\"}"
                .getBytes(StandardCharsets.UTF_8);
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        String base = "http://127.0.0.1:" + s.getAddress().getPort();
        SmartConfiguration cfg = new SmartConfiguration(URI.create(base + "/fhir"), null, URI.create(base + "/authorize"),
                URI.create(base + "/token"), URI.create(base + "/revoke"), null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), false);
        java.net.http.HttpClient http = TransportPolicy.newHttpClient();
        // warm the JDK HTTP client itself (common to both implementations)
        http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/warm")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        long classes0 = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        long c0 = tm.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        TokenEndpoint te = new TokenEndpoint(http, Clock.systemUTC());
        TokenResponse r = te.refresh(cfg, new ClientAuthentication.Public("c"), "r1", "Org");
        URI url = PendingLogin.start("o", cfg, "c", URI.create("http://127.0.0.1:1/callback"), List.of("openid", "patient/*.read"))
                .authorizationUrl();
        long cold = System.nanoTime() - t0;
        long coldCpu = tm.getCurrentThreadCpuTime() - c0;
        long classes1 = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long[] warm = new long[200];
        for (int i = 0; i < warm.length; i++) {
            long w = System.nanoTime();
            te.refresh(cfg, new ClientAuthentication.Public("c"), "r1", "Org");
            warm[i] = System.nanoTime() - w;
        }
        Arrays.sort(warm);
        System.out.printf("cold_cpu_ms=%.1f cold_ms=%.1f classes=%d warm_median_us=%d patient=%s url=%d%n", coldCpu / 1e6, cold / 1e6,
                classes1 - classes0, warm[warm.length / 2] / 1000, r.patient(), url.toString().length());
        s.stop(0);
    }
}
