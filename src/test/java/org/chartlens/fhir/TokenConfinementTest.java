package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.3 by behaviour: a {@code next} link or a redirect on the FHIR server's own host whose
 * path leaves the FHIR base once the server decodes and normalises it never carries the bearer
 * token. Asserted on what the servers received.
 */
class TokenConfinementTest {
    /** Paths on the own host that a server resolves outside {@code /fhir} (or reads ambiguously). */
    static final List<String> ESCAPES = List.of(
            "/fhir/%2e%2e/leak/a",
            "/fhir/%2E%2E/leak/b",
            "/fhir/.%2e/leak/c",
            "/fhir/%2e./leak/d",
            "/fhir/..%2Fleak/e",
            "/fhir/..%2fleak/f",
            "/fhir/..%5Cleak/g",
            "/fhir//../leak/h",
            "/fhir/..;/leak/i",
            "/fhir/../leak/j");

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

    static List<ScriptedServer.Seen> leaked(ScriptedServer s) {
        return s.seen.stream().filter(x -> x.pathAndQuery().contains("leak") && x.authorization() != null).toList();
    }

    static List<ScriptedServer.Seen> reached(ScriptedServer s) {
        return s.seen.stream().filter(x -> x.pathAndQuery().contains("leak")).toList();
    }

    @Test
    void aNextLinkThatLeavesTheBasePathIsNotFollowedWithTheToken() throws Exception {
        List<String> nexts = new ArrayList<>(ESCAPES);
        nexts.add("/fhir/..\\\\leak/k"); // a backslash (escaped for JSON)
        String[] next = {null};
        ScriptedServer own = server(ex -> ScriptedServer.send(ex, 200, ex.getRequestURI().getRawPath().contains("leak")
                ? FhirHttpTest.bundle(null, "leaked") : FhirHttpTest.bundle(next[0], "c1")));
        FhirHttp http = FhirHttpTest.http(own, new CountingTokens());
        for (String n : nexts) {
            next[0] = n;
            List<BundlePage> pages = new ArrayList<>();
            FhirException e = assertThrows(FhirException.class,
                    () -> http.pages(own.url("/fhir/Condition?patient=p1"), pages::add, () -> false), n);
            assertEquals(FhirException.Kind.INSECURE, e.kind(), n);
            assertEquals(1, pages.size(), n);
            FhirException parallel = assertThrows(FhirException.class, () -> http.pages(
                    own.url("/fhir/Observation?patient=p1"), p -> { }, () -> false, Runnable::run), n);
            assertEquals(FhirException.Kind.INSECURE, parallel.kind(), n);
        }
        assertEquals(List.of(), leaked(own), "the token went outside /fhir");
        assertTrue(own.seen.stream().allMatch(x -> "Bearer t0".equals(x.authorization())));
    }

    @Test
    void aRedirectThatLeavesTheBasePathIsFollowedWithoutTheToken() throws Exception {
        String[] location = {null};
        ScriptedServer own = server(ex -> {
            if (ex.getRequestURI().getRawPath().contains("leak")) {
                ScriptedServer.send(ex, 200, FhirHttpTest.bundle(null, "leaked"));
            } else {
                ScriptedServer.send(ex, 302, "", "Location", location[0]);
            }
        });
        FhirHttp http = FhirHttpTest.http(own, new CountingTokens());
        for (String l : ESCAPES) {
            location[0] = l;
            http.get(own.url("/fhir/Condition"), Map.of());
        }
        assertEquals(ESCAPES.size(), reached(own).size(), "each redirect was followed");
        assertEquals(List.of(), leaked(own), "the token went outside /fhir");

        location[0] = "/fhir/..\\leak/k";
        FhirException e = assertThrows(FhirException.class, () -> http.get(own.url("/fhir/Condition"), Map.of()));
        assertEquals(FhirException.Kind.INSECURE, e.kind());
        assertEquals(List.of(), leaked(own));
    }

    @Test
    void anotherPortOrANetworkPathReferenceIsAnotherServer() throws Exception {
        ScriptedServer foreign = server(ex -> ScriptedServer.send(ex, 200, FhirHttpTest.bundle(null, "x")));
        String port = Integer.toString(foreign.server.getAddress().getPort());
        String[] target = {null};
        ScriptedServer own = server(ex -> ScriptedServer.send(ex, ex.getRequestURI().getRawPath().endsWith("/moved")
                ? 307 : 200, FhirHttpTest.bundle(target[0], "c1"), "Location", target[0]));
        FhirHttp http = FhirHttpTest.http(own, new CountingTokens());
        for (String t : List.of("http://127.0.0.1:" + port + "/fhir/leak/l", "//127.0.0.1:" + port + "/fhir/leak/m")) {
            target[0] = t;
            FhirException e = assertThrows(FhirException.class,
                    () -> http.pages(own.url("/fhir/Condition"), p -> { }, () -> false), t);
            assertTrue(e.getMessage().contains("another server"), e.getMessage());
            http.get(own.url("/fhir/moved"), Map.of());
        }
        assertEquals(2, reached(foreign).size(), "the redirects were followed");
        assertEquals(List.of(), leaked(foreign), "another port saw the token");
        assertFalse(own.seen.isEmpty());
        assertNull(foreign.seen.get(0).authorization());
    }
}
