package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartlens.connect.Organization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FhirHttpTest {
    final List<ScriptedServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(ScriptedServer::close);
    }

    ScriptedServer server(ScriptedServer.Handler h) throws Exception {
        ScriptedServer s = new ScriptedServer(h);
        servers.add(s);
        return s;
    }

    static Organization org(URI base, Organization.Quirk... quirks) {
        return new Organization("test", "Test Clinic", base, Organization.Flow.PKCE, "chartlens",
                List.of(), Set.of(quirks), null, false, "");
    }

    static FhirHttp http(ScriptedServer s, CountingTokens tokens) {
        FhirHttp.Options o = FhirHttp.Options.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(2));
        return new FhirHttp(org(s.url("/fhir")), tokens, o, new FhirJson());
    }

    static String bundle(String next, String... ids) {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[");
        if (next != null) {
            sb.append("{\"relation\":\"next\",\"url\":\"").append(next).append("\"}");
        }
        sb.append("],\"entry\":[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i > 0 ? "," : "").append("{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"")
                    .append(ids[i]).append("\",\"subject\":{\"reference\":\"Patient/p1\"}}}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void aNextLinkToAnotherOriginIsNotFollowedAndThatHostSeesNoToken() throws Exception {
        ScriptedServer foreign = server(ex -> ScriptedServer.send(ex, 200, bundle(null, "x")));
        String foreignNext = foreign.url("/fhir/Condition?page=2").toString();
        ScriptedServer own = server(ex -> ScriptedServer.send(ex, 200, bundle(foreignNext, "c1")));
        FhirHttp http = http(own, new CountingTokens());
        List<BundlePage> pages = new ArrayList<>();
        FhirException e = assertThrows(FhirException.class,
                () -> http.pages(own.url("/fhir/Condition?patient=p1"), pages::add, () -> false));
        assertEquals(FhirException.Kind.INSECURE, e.kind());
        assertEquals(1, pages.size());
        assertEquals("Bearer t0", own.seen.get(0).authorization());
        assertTrue(foreign.seen.isEmpty());

        // an attachment or reference elsewhere is fetched, but without the token
        http.get(foreign.url("/Binary/1"), Map.of());
        assertEquals(1, foreign.seen.size());
        assertNull(foreign.seen.get(0).authorization());
        // the same host on another path is not "own" either
        assertTrue(!http.isOwn(own.url("/other/Patient/1")));
        assertTrue(!http.isOwn(own.url("/fhir/../admin")));
        assertTrue(http.isOwn(own.url("/fhir/Patient/1")));
    }

    @Test
    void aCrossOriginRedirectDropsTheToken() throws Exception {
        ScriptedServer foreign = server(ex -> ScriptedServer.send(ex, 200, bundle(null)));
        ScriptedServer own = server(ex -> {
            if (ex.getRequestURI().getPath().endsWith("/moved")) {
                ScriptedServer.send(ex, 200, bundle(null, "c9"));
            } else if (ex.getRequestURI().getPath().endsWith("/local")) {
                ScriptedServer.send(ex, 302, "", "Location", "/fhir/moved");
            } else {
                ScriptedServer.send(ex, 307, "", "Location", foreign.url("/elsewhere").toString());
            }
        });
        FhirHttp http = http(own, new CountingTokens());
        http.get(own.url("/fhir/Condition"), Map.of());
        assertEquals("Bearer t0", own.seen.get(0).authorization());
        assertEquals(1, foreign.seen.size());
        assertNull(foreign.seen.get(0).authorization());

        BundlePage p = http.page(own.url("/fhir/local"));
        assertEquals("c9", p.resources().get(0).id());
        assertEquals("Bearer t0", own.seen.get(own.seen.size() - 1).authorization());
    }

    @Test
    void plainHttpOnlyToLoopbackAndNeverDowngradedByARedirect() {
        FhirException remote = assertThrows(FhirException.class,
                () -> FhirHttp.checkTransport(URI.create("http://fhir.example.org/r4/Patient"), null));
        assertEquals(FhirException.Kind.INSECURE, remote.kind());
        FhirException down = assertThrows(FhirException.class, () -> FhirHttp.checkTransport(
                URI.create("http://127.0.0.1:9/fhir"), URI.create("https://127.0.0.1:8443/fhir")));
        assertTrue(down.getMessage().contains("https to plain http"));
        FhirHttp http = new FhirHttp(org(URI.create("http://fhir.example.org/r4")), new CountingTokens());
        assertThrows(FhirException.class, () -> http.get(URI.create("http://fhir.example.org/r4/metadata"), Map.of()));
    }

    @Test
    void a401RefreshesOnceAndRetriesOnce() throws Exception {
        ScriptedServer own = server(ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if ("Bearer t1".equals(auth)) {
                ScriptedServer.send(ex, 200, bundle(null, "c1"));
            } else {
                ScriptedServer.send(ex, 401, "", "WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
        });
        CountingTokens tokens = new CountingTokens();
        FhirHttp http = http(own, tokens);
        assertEquals(1, http.page(own.url("/fhir/Condition")).resources().size());
        assertEquals(1, tokens.refreshes.get());
        assertEquals(2, own.seen.size());

        // a server that rejects every token: exactly one refresh, then a plain "sign in again"
        ScriptedServer never = server(ex -> ScriptedServer.send(ex, 401, ""));
        CountingTokens t2 = new CountingTokens();
        FhirException e = assertThrows(FhirException.class, () -> http(never, t2).get(never.url("/fhir/x"), Map.of()));
        assertEquals(FhirException.Kind.UNAUTHORIZED, e.kind());
        assertTrue(e.getMessage().contains("Sign in to Test Clinic again"), e.getMessage());
        assertEquals(1, t2.refreshes.get());
        assertEquals(2, never.seen.size());
        assertTrue(!e.getMessage().contains("t0") && !e.getMessage().contains("t1"));
    }

    @Test
    void a403NamesTheMissingScopeAndDoesNotRefresh() throws Exception {
        ScriptedServer own = server(ex -> ScriptedServer.send(ex, 403,
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\"}]}",
                "WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"patient/Coverage.read\""));
        CountingTokens tokens = new CountingTokens();
        FhirException e = assertThrows(FhirException.class, () -> http(own, tokens).get(own.url("/fhir/Coverage"), Map.of()));
        assertEquals(FhirException.Kind.FORBIDDEN, e.kind());
        assertTrue(e.getMessage().contains("patient/Coverage.read"), e.getMessage());
        assertEquals(0, tokens.refreshes.get());
        assertEquals(1, own.seen.size());
    }

    @Test
    void retryAfterIsHonouredInSecondsAndAsAnHttpDate() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ScriptedServer own = server(ex -> {
            int i = n.incrementAndGet();
            if (i == 1) {
                ScriptedServer.send(ex, 429, "", "Retry-After", "1");
            } else if (i == 2) {
                String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.now().plusSeconds(2).atOffset(ZoneOffset.UTC));
                ScriptedServer.send(ex, 503, "", "Retry-After", date);
            } else {
                ScriptedServer.send(ex, 200, bundle(null, "c1"));
            }
        });
        long t0 = System.nanoTime();
        assertEquals(1, http(own, new CountingTokens()).page(own.url("/fhir/Condition")).resources().size());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(3, own.seen.size());
        assertTrue(ms >= 1500, "waited only " + ms + " ms");

        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Duration.ofSeconds(120), FhirHttp.parseRetryAfter("120", now).orElseThrow());
        assertEquals(Duration.ofSeconds(30),
                FhirHttp.parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now).orElseThrow());
        assertTrue(FhirHttp.parseRetryAfter("soon", now).isEmpty());
    }

    @Test
    void retryAfterIsCappedAndAttemptsAreBounded() throws Exception {
        ScriptedServer own = server(ex -> ScriptedServer.send(ex, 429, "", "Retry-After", "3600"));
        FhirHttp.Options o = FhirHttp.Options.defaults()
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50));
        FhirHttp http = new FhirHttp(org(own.url("/fhir")), new CountingTokens(), o, new FhirJson());
        long t0 = System.nanoTime();
        FhirException e = assertThrows(FhirException.class, () -> http.get(own.url("/fhir/x"), Map.of()));
        assertEquals(FhirException.Kind.SERVER, e.kind());
        assertEquals(o.maxAttempts(), own.seen.size());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
    }

    @Test
    void serverErrorsAndDroppedBodiesAreRetriedWithBackoff() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ScriptedServer own = server(ex -> {
            int i = n.incrementAndGet();
            if (i == 1) {
                ScriptedServer.send(ex, 500, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                        + "\"diagnostics\":\"<b>boom</b>\"}]}");
            } else if (i == 2) {
                // promise 10,000 bytes, send a few, then drop the connection
                ex.sendResponseHeaders(200, 10_000);
                ex.getResponseBody().write("{\"resourceType\":\"Bundle\",\"entry\":[".getBytes());
                ex.getResponseBody().flush();
                ex.getHttpContext().getServer();
                ex.close();
            } else {
                ScriptedServer.send(ex, 200, bundle(null, "c1", "c2"));
            }
        });
        BundlePage p = http(own, new CountingTokens()).page(own.url("/fhir/Condition"));
        assertEquals(2, p.resources().size());
        assertEquals(3, own.seen.size());

        ScriptedServer broken = server(ex -> ScriptedServer.send(ex, 502, "{\"resourceType\":\"OperationOutcome\","
                + "\"issue\":[{\"severity\":\"error\",\"diagnostics\":\"<script>x()</script>upstream down\"}]}"));
        FhirException e = assertThrows(FhirException.class, () -> http(broken, new CountingTokens())
                .get(broken.url("/fhir/x"), Map.of()));
        assertEquals(8, broken.seen.size());
        assertTrue(e.getMessage().contains("upstream down") && !e.getMessage().contains("<"), e.getMessage());
    }

    @Test
    void aRepeatedNextLinkStopsPaging() throws Exception {
        ScriptedServer[] self = new ScriptedServer[1];
        self[0] = server(ex -> ScriptedServer.send(ex, 200,
                bundle(self[0].url("/fhir/Condition?page=" + (ex.getRequestURI().getQuery().contains("page=2") ? 1 : 2)).toString(), "c")));
        List<BundlePage> pages = new ArrayList<>();
        FhirException e = assertThrows(FhirException.class,
                () -> http(self[0], new CountingTokens()).pages(self[0].url("/fhir/Condition?page=1"), pages::add, () -> false));
        assertEquals(FhirException.Kind.PAGING, e.kind());
        assertEquals(2, pages.size());
    }

    @Test
    void oversizedDeepAndLongStringResponsesGiveClearErrors() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ScriptedServer s = server(ex -> {
            String q = ex.getRequestURI().getQuery();
            if (q.equals("deep")) {
                ScriptedServer.send(ex, 200, "{\"resourceType\":\"Bundle\",\"entry\":" + deep + "}");
            } else if (q.equals("string")) {
                ScriptedServer.send(ex, 200, "{\"resourceType\":\"Patient\",\"id\":\"" + "x".repeat(50 * 1024 * 1024) + "\"}");
            } else {
                ex.sendResponseHeaders(200, 0); // chunked, no length announced
                byte[] junk = new byte[1 << 20];
                java.util.Arrays.fill(junk, (byte) ' ');
                try {
                    for (int i = 0; i < 64; i++) {
                        ex.getResponseBody().write(junk);
                    }
                } catch (java.io.IOException ignored) {
                    // the client hung up: expected
                }
            }
        });
        FhirHttp.Options o = FhirHttp.Options.defaults().withLimits(100, 8L * 1024 * 1024, 100)
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(10));
        FhirHttp http = new FhirHttp(org(s.url("/fhir")), new CountingTokens(), o, new FhirJson());
        FhirException d = assertThrows(FhirException.class, () -> http.page(s.url("/fhir/x?deep")));
        assertEquals(FhirException.Kind.TOO_LARGE, d.kind());
        assertTrue(d.getMessage().contains("nested too deeply"), d.getMessage());

        FhirHttp big = new FhirHttp(org(s.url("/fhir")), new CountingTokens(), FhirHttp.Options.defaults(), new FhirJson());
        FhirException str = assertThrows(FhirException.class, () -> big.page(s.url("/fhir/x?string")));
        assertEquals(FhirException.Kind.TOO_LARGE, str.kind());
        assertTrue(str.getMessage().contains("too long"), str.getMessage());

        FhirException huge = assertThrows(FhirException.class, () -> http.page(s.url("/fhir/x?huge")));
        assertEquals(FhirException.Kind.TOO_LARGE, huge.kind());
        assertTrue(huge.getMessage().contains("larger than 8 MB"), huge.getMessage());
    }

    @Test
    void careCloudSearchesGoThroughUnderscoreSearchWithUpperCaseFormat() {
        FhirHttp cc = new FhirHttp(org(URI.create("https://api.example.com/fhir"),
                Organization.Quirk.SEARCH_VIA_UNDERSCORE_SEARCH, Organization.Quirk.FORMAT_PARAM_UPPERCASE),
                new CountingTokens());
        assertEquals("https://api.example.com/fhir/Device/_search?Patient=42&_format=JSON",
                cc.searchUri("Device", "42", Map.of()).toString());
        FhirHttp plain = new FhirHttp(org(URI.create("https://api.example.com/fhir/")), new CountingTokens());
        assertEquals("https://api.example.com/fhir/Observation?patient=42&_count=1000&category=vital-signs",
                plain.searchUri("Observation", "42", Map.of("category", "vital-signs")).toString());
    }
}
