package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * security.md 1 (discovery, relative endpoints, http refused, CapabilityStatement fallback),
 * 14 (HTTPS with certificate validation) and 16 (redirects not followed) for the sign-in side.
 */
class TransportPolicyTest {
    @TempDir
    Path dir;

    private final SmartDiscovery discovery = new SmartDiscovery(TransportPolicy.newHttpClient());

    @Test
    void onlyHttpsOrLoopbackHttpIsAccepted() throws Exception {
        TransportPolicy.requireSecure(URI.create("https://fhir.example.org/r4"), "x");
        TransportPolicy.requireSecure(URI.create("http://127.0.0.1:8080/fhir"), "x");
        TransportPolicy.requireSecure(URI.create("http://localhost:8080/fhir"), "x");
        TransportPolicy.requireSecure(URI.create("http://[::1]:8080/fhir"), "x");
        for (String bad : List.of("http://fhir.example.org/r4", "http://127.0.0.1.evil.example/", "ftp://x.org/",
                "http://10.0.0.5/fhir", "javascript:alert(1)")) {
            AuthException e = assertThrows(AuthException.class, () -> TransportPolicy.requireSecure(URI.create(bad), "token endpoint"));
            assertEquals("insecure_transport", e.code(), bad);
        }
    }

    @Test
    void tlsIsVersionOneTwoOrLaterAndRedirectsAreNeverFollowed() {
        var client = TransportPolicy.newHttpClient();
        assertEquals(java.util.Set.of("TLSv1.2", "TLSv1.3"), java.util.Set.of(client.sslParameters().getProtocols()));
        assertEquals(java.net.http.HttpClient.Redirect.NEVER, client.followRedirects());
    }

    @Test
    void discoveryResolvesRelativeEndpointsAndRefusesHttpOnes() throws Exception {
        try (RecordingServer s = new RecordingServer(r -> r.path().equals("/r4/.well-known/smart-configuration")
                ? RecordingServer.Response.json("{\"issuer\":\"x\",\"authorization_endpoint\":\"auth/authorize\","
                        + "\"token_endpoint\":\"/oauth2/token\",\"revocation_endpoint\":\"http://auth.example.com/revoke\"}")
                : null)) {
            AuthException e = assertThrows(AuthException.class, () -> discovery.discover(URI.create(s.base() + "/r4/")));
            assertEquals("insecure_transport", e.code());
        }
        try (RecordingServer s = new RecordingServer(r -> r.path().equals("/r4/.well-known/smart-configuration")
                ? RecordingServer.Response.json("{\"authorization_endpoint\":\"auth/authorize\",\"token_endpoint\":\"/oauth2/token\"}")
                : null)) {
            SmartConfiguration c = discovery.discover(URI.create(s.base() + "/r4/"));
            assertEquals(URI.create(s.base() + "/r4/auth/authorize"), c.authorizationEndpoint());
            assertEquals(URI.create(s.base() + "/oauth2/token"), c.tokenEndpoint());
            assertEquals(URI.create(s.base() + "/r4"), c.fhirBase(), "trailing slash dropped");
        }
    }

    @Test
    void httpFhirBaseOffLoopbackIsRefusedWithoutARequest() {
        AuthException e = assertThrows(AuthException.class, () -> discovery.discover(URI.create("http://fhir.example.org/r4")));
        assertEquals("insecure_transport", e.code());
    }

    @Test
    void fallsBackToTheCapabilityStatementSecurityExtension() throws Exception {
        String cap = "{\"resourceType\":\"CapabilityStatement\",\"rest\":[{\"mode\":\"server\",\"security\":{\"extension\":[{"
                + "\"url\":\"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris\",\"extension\":["
                + "{\"url\":\"authorize\",\"valueUri\":\"/auth/authorize\"},{\"url\":\"token\",\"valueUri\":\"/auth/token\"},"
                + "{\"url\":\"revoke\",\"valueUri\":\"/auth/revoke\"}]}]}}]}";
        try (RecordingServer s = new RecordingServer(r -> r.path().equals("/fhir/metadata")
                ? RecordingServer.Response.json(cap) : null)) {
            SmartConfiguration c = discovery.discover(URI.create(s.base() + "/fhir"));
            assertTrue(c.fromCapabilityStatement());
            assertEquals(URI.create(s.base() + "/auth/token"), c.tokenEndpoint());
            assertEquals(URI.create(s.base() + "/auth/revoke"), c.revocationEndpoint());
        }
        try (RecordingServer s = new RecordingServer(r -> null)) {
            AuthException e = assertThrows(AuthException.class, () -> discovery.discover(URI.create(s.base() + "/fhir")));
            assertEquals("discovery_failed", e.code());
        }
    }

    @Test
    void aTokenEndpointRedirectIsNotFollowed() throws Exception {
        try (RecordingServer elsewhere = new RecordingServer(r -> RecordingServer.Response.json("{}"));
             RecordingServer as = new RecordingServer(r -> RecordingServer.Response.redirect(elsewhere.base() + "/token"))) {
            SmartConfiguration c = SmartConfiguration.documented(URI.create(as.base() + "/fhir"), null,
                    URI.create(as.base() + "/token"));
            TokenEndpoint t = new TokenEndpoint(TransportPolicy.newHttpClient(), Clock.systemUTC());
            assertThrows(AuthException.class, () -> t.refresh(c, new ClientAuthentication.Secret("id", "pw".toCharArray()),
                    "rt", "Clinic"));
            assertEquals(1, as.requests.size());
            assertTrue(elsewhere.requests.isEmpty(), "the redirect target saw nothing (no secret, no refresh token)");
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        Path ks = dir.resolve("self-signed.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(ks.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        int[] hits = {0};
        server.createContext("/", ex -> {
            hits[0]++;
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            URI base = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/fhir");
            AuthException e = assertThrows(AuthException.class, () -> discovery.discover(base));
            assertEquals("tls_failed", e.code());
            assertFalse(e.getMessage().contains("changeit"));
            assertEquals(0, hits[0], "no request got through the failed handshake");
        } finally {
            server.stop(0);
        }
    }
}
