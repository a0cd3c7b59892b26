package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * security.md 15 by the rule itself: a token issued for a FHIR base goes only to that origin and
 * to paths that stay under the base path the way a server reads them (issue 19.3).
 */
class TransportPolicyPathTest {
    static final URI BASE = URI.create("https://ehr.example.org:8443/fhir");

    @Test
    void pathsAreReadTheWayServersReadThem() {
        assertEquals(Optional.of("/fhir/Patient/1"), TransportPolicy.serverPath("/fhir/Patient/1"));
        assertEquals(Optional.of("/leak/x"), TransportPolicy.serverPath("/fhir/%2e%2e/leak/x"));
        assertEquals(Optional.of("/leak/x"), TransportPolicy.serverPath("/fhir/%2E%2E/leak/x"));
        assertEquals(Optional.of("/leak/x"), TransportPolicy.serverPath("/fhir/.%2e/leak/x"));
        assertEquals(Optional.of("/fhir/a/"), TransportPolicy.serverPath("/fhir/a/b/.."));
        assertEquals(Optional.of("/fhir/Patient"), TransportPolicy.serverPath("/fhir/./%50atient"));
        assertEquals(Optional.of("/fhir/a%3Fb"), TransportPolicy.serverPath("/fhir/a%3fb"), "reserved stays encoded");
        assertEquals(Optional.of("/"), TransportPolicy.serverPath(""));
        for (String ambiguous : List.of("/fhir/..%2Fleak", "/fhir/..%2fleak", "/fhir/..%5Cleak", "/fhir/..%5cleak",
                "/fhir/..\\leak", "/fhir//../leak", "/fhir/..;x/leak", "/fhir/%2", "/fhir/%zz", "/fhir/%00")) {
            assertTrue(TransportPolicy.serverPath(ambiguous).isEmpty(), ambiguous);
        }
    }

    @Test
    void aTokenStaysOnItsOriginAndUnderItsBasePath() {
        assertTrue(TransportPolicy.confinedTo(BASE, URI.create("https://ehr.example.org:8443/fhir/Patient/1")));
        assertTrue(TransportPolicy.confinedTo(BASE, URI.create("https://EHR.example.org:8443/fhir")));
        assertTrue(TransportPolicy.confinedTo(BASE, URI.create("https://ehr.example.org:8443/fhir/a/../Patient?x=%2e%2e")));
        for (String leak : List.of(
                "https://ehr.example.org:8443/fhir/%2e%2e/leak/x",
                "https://ehr.example.org:8443/fhir/%2E%2E/leak/x",
                "https://ehr.example.org:8443/fhir/.%2e/leak/x",
                "https://ehr.example.org:8443/fhir/%2e./leak/x",
                "https://ehr.example.org:8443/fhir/..%2Fleak/x",
                "https://ehr.example.org:8443/fhir/..%5Cleak/x",
                "https://ehr.example.org:8443/fhir//../leak/x",
                "https://ehr.example.org:8443/fhir/..;/leak/x",
                "https://ehr.example.org:8443/fhir/..",
                "https://ehr.example.org:8443/fhirx/Patient",
                "https://ehr.example.org:8443/other/Patient",
                "https://ehr.example.org:9443/fhir/Patient",
                "https://ehr.example.org/fhir/Patient",
                "http://ehr.example.org:8443/fhir/Patient",
                "https://ehr.example.org.evil.example:8443/fhir/Patient",
                "https://ehr.example.org:8443@evil.example/fhir/Patient",
                "https://user@ehr.example.org:8443/fhir/Patient",
                "/fhir/Patient")) {
            assertFalse(TransportPolicy.confinedTo(BASE, URI.create(leak)), leak);
        }
        URI root = URI.create("http://127.0.0.1:8080");
        assertTrue(TransportPolicy.confinedTo(root, URI.create("http://127.0.0.1:8080/Patient/1")));
        assertFalse(TransportPolicy.confinedTo(root, URI.create("http://127.0.0.1:8080/a%2Fb")));
    }

    @Test
    void oneTransportRuleForEveryRequest() {
        assertTrue(TransportPolicy.refusal(URI.create("https://ehr.example.org/fhir"), null).isEmpty());
        assertTrue(TransportPolicy.refusal(URI.create("http://127.0.0.1:9/fhir"), null).isEmpty());
        assertTrue(TransportPolicy.refusal(URI.create("http://localhost:9/fhir"), URI.create("http://127.0.0.1/")).isEmpty());
        assertEquals(Optional.of(TransportPolicy.Refusal.PLAIN_HTTP_OFF_LOOPBACK),
                TransportPolicy.refusal(URI.create("http://ehr.example.org/fhir"), null));
        assertEquals(Optional.of(TransportPolicy.Refusal.PLAIN_HTTP_OFF_LOOPBACK),
                TransportPolicy.refusal(URI.create("http://127.0.0.1.evil.example/fhir"), null));
        assertEquals(Optional.of(TransportPolicy.Refusal.DOWNGRADE),
                TransportPolicy.refusal(URI.create("http://127.0.0.1:9/fhir"), URI.create("https://127.0.0.1:8443/fhir")));
        assertEquals(Optional.of(TransportPolicy.Refusal.NOT_HTTP),
                TransportPolicy.refusal(URI.create("file:///etc/passwd"), null));
    }
}
