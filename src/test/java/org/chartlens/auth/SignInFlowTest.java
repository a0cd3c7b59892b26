package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.chartlens.connect.Organization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser sign-in's checks, with the test playing the browser (and the attacker) against the
 * real loopback listener: security.md 1 (S256 without discovery hint), 2 (state), 4 (authorize
 * parameters), 5 (mix-up), 7 (token exchange client authentication), 13 (no secret -> public).
 */
class SignInFlowTest {
    @TempDir
    Path dir;

    private RecordingServer as;
    private RecordingServer other;
    private String issuerOverride;
    private final HttpClient browser = HttpClient.newHttpClient();

    private static final String TOKEN = "{\"access_token\":\"at-1\",\"token_type\":\"bearer\",\"expires_in\":3600,"
            + "\"scope\":\"launch/patient patient/*.read\",\"patient\":\"p-123\",\"need_patient_banner\":true}";

    @BeforeEach
    void start() throws Exception {
        as = new RecordingServer(r -> switch (r.path()) {
            // No code_challenge_methods_supported on purpose: ChartLens must still use S256.
            case "/fhir/.well-known/smart-configuration" -> RecordingServer.Response.json(
                    "{\"issuer\":\"" + (issuerOverride != null ? issuerOverride : as.base() + "/oauth") + "\","
                    + "\"authorization_endpoint\":\"../oauth/authorize\",\"token_endpoint\":\"/oauth/token\"}");
            case "/oauth/token" -> RecordingServer.Response.json(TOKEN);
            default -> null;
        });
        other = new RecordingServer(r -> RecordingServer.Response.json(TOKEN));
    }

    @AfterEach
    void stop() {
        as.close();
        other.close();
    }

    private Organization org(Organization.Flow flow) {
        return new Organization("clinic", "Clinic", URI.create(as.base() + "/fhir"), flow, "my app",
                List.of("launch/patient", "patient/*.read"), Set.of(), null, false, "");
    }

    private SmartSignIn signIn() {
        return new SmartSignIn(TransportPolicy.newHttpClient(), new SessionStore(TestStores.file(dir)), Clock.systemUTC());
    }

    private HttpResponse<String> callback(URI redirect, String query) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(redirect + "?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI u) {
        return FormEncoding.parseQuery(u.getRawQuery());
    }

    @Test
    void authorizeRequestCarriesEveryParameterWithS256AndAudExactly() throws Exception {
        SmartSignIn s = signIn();
        Organization org = org(Organization.Flow.PKCE);
        SmartConfiguration c = s.discover(org, null);
        assertEquals(URI.create(as.base() + "/oauth/authorize"), c.authorizationEndpoint(), "relative endpoint resolved");
        assertTrue(c.codeChallengeMethods().isEmpty());
        try (BrowserSignIn attempt = s.begin(org, c)) {
            Map<String, String> q = query(attempt.authorizationUrl());
            assertEquals("code", q.get("response_type"));
            assertEquals("my app", q.get("client_id"));
            assertEquals(attempt.redirectUri().toString(), q.get("redirect_uri"));
            assertEquals("launch/patient patient/*.read", q.get("scope"));
            assertEquals("S256", q.get("code_challenge_method"));
            assertEquals(Pkce.challengeFor(attempt.login().pkce().verifier()), q.get("code_challenge"));
            assertEquals(as.base() + "/fhir", q.get("aud"), "aud is the FHIR base exactly");
            assertTrue(Base64.getUrlDecoder().decode(q.get("state")).length >= 16, "state has 128+ bits");
            assertNull(q.get("nonce"), "no nonce without openid");
        }
    }

    @Test
    void stateIsFreshPerLogin() throws Exception {
        SmartSignIn s = signIn();
        Organization org = org(Organization.Flow.PKCE);
        SmartConfiguration c = s.discover(org, null);
        try (BrowserSignIn a = s.begin(org, c); BrowserSignIn b = s.begin(org, c)) {
            assertFalse(query(a.authorizationUrl()).get("state").equals(query(b.authorizationUrl()).get("state")));
            assertFalse(a.redirectUri().equals(b.redirectUri()), "each login has its own port");
        }
    }

    private void assertRefusedWithoutTokenRequest(String callbackQuery, String expectedCode) throws Exception {
        SmartSignIn s = signIn();
        Organization org = org(Organization.Flow.PKCE);
        BrowserSignIn attempt = s.begin(org, s.discover(org, null));
        String state = query(attempt.authorizationUrl()).get("state");
        CompletableFuture<HttpResponse<String>> hit = CompletableFuture.supplyAsync(() -> {
            try {
                return callback(attempt.redirectUri(), callbackQuery.replace("STATE", state));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        AuthException e = assertThrows(AuthException.class, () -> attempt.complete(Duration.ofSeconds(10)));
        assertEquals(expectedCode, e.code());
        // The browser is told the truth too (issue 19): refused, not "Sign-in received".
        HttpResponse<String> page = hit.get();
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("ChartLens refused this sign-in response"), page.body());
        assertFalse(page.body().contains("Sign-in received"), page.body());
        assertTrue(as.requestsTo("/oauth/token").isEmpty(), "no token request was made");
        assertTrue(new SessionStore(TestStores.file(dir)).load("clinic").isEmpty(), "nothing was signed in");
    }

    @Test
    void callbackWithoutStateIsRefusedBeforeAnyTokenRequest() throws Exception {
        assertRefusedWithoutTokenRequest("code=abc", "invalid_callback");
    }

    @Test
    void callbackWithWrongStateIsRefusedBeforeAnyTokenRequest() throws Exception {
        assertRefusedWithoutTokenRequest("code=abc&state=forged" + "A".repeat(40), "invalid_callback");
    }

    @Test
    void callbackFromAnotherIssuerIsRefused() throws Exception {
        assertRefusedWithoutTokenRequest("code=abc&state=STATE&iss=" + FormEncoding.encode("https://evil.example/oauth"),
                "invalid_callback");
    }

    @Test
    void serverErrorInTheCallbackBecomesPlainWords() throws Exception {
        SmartSignIn s = signIn();
        Organization org = org(Organization.Flow.PKCE);
        BrowserSignIn attempt = s.begin(org, s.discover(org, null));
        String state = query(attempt.authorizationUrl()).get("state");
        CompletableFuture.runAsync(() -> {
            try {
                callback(attempt.redirectUri(), "error=access_denied&error_description=%3Cb%3Euser%3C%2Fb%3E&state=" + state);
            } catch (Exception ignored) {
                // the assertion below fails instead
            }
        });
        AuthException e = assertThrows(AuthException.class, () -> attempt.complete(Duration.ofSeconds(10)));
        assertEquals("access_denied", e.code());
        assertTrue(e.getMessage().startsWith("Access was declined at Clinic"), e.getMessage());
        assertFalse(e.getMessage().contains("<b>"), "server descriptions are not shown");
        assertTrue(as.requestsTo("/oauth/token").isEmpty());
    }

    @Test
    void publicClientExchangesTheCodeWithClientIdVerifierAndSameRedirect() throws Exception {
        SmartSignIn s = signIn();
        Organization org = org(Organization.Flow.PKCE);
        BrowserSignIn attempt = s.begin(org, s.discover(org, null));
        String state = query(attempt.authorizationUrl()).get("state");
        CompletableFuture<HttpResponse<String>> page = CompletableFuture.supplyAsync(() -> {
            try {
                return callback(attempt.redirectUri(), "code=the-code&state=" + state
                        + "&iss=" + FormEncoding.encode(as.base() + "/oauth"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Session session = attempt.complete(Duration.ofSeconds(10));
        assertTrue(page.get().body().contains("return to ChartLens"));

        RecordingServer.Request token = as.requestsTo("/oauth/token").get(0);
        Map<String, String> form = FormEncoding.parseQuery(token.body());
        assertEquals("authorization_code", form.get("grant_type"));
        assertEquals("the-code", form.get("code"));
        assertEquals("my app", form.get("client_id"));
        assertEquals(attempt.redirectUri().toString(), form.get("redirect_uri"));
        assertEquals(attempt.login().pkce().verifier(), form.get("code_verifier"));
        assertNull(token.header("Authorization"));

        assertEquals("p-123", session.patient(), "patient from the token response");
        assertTrue(session.needPatientBanner());
        assertEquals(List.of("launch/patient", "patient/*.read"), session.grantedScopes());

        // Replaying the same callback later is refused: the pending login was consumed.
        AuthException replay = assertThrows(AuthException.class, () -> s.pendingLogins().accept(
                Map.of("code", "the-code", "state", state)));
        assertEquals("invalid_callback", replay.code());
        assertEquals(1, as.requestsTo("/oauth/token").size());
    }

    @Test
    void secretClientUsesHttpBasicWithFormEncodedCredentials() throws Exception {
        SessionStore store = new SessionStore(TestStores.file(dir));
        store.saveClientSecret("clinic", "s3cr:t&+x".toCharArray());
        SmartSignIn s = new SmartSignIn(TransportPolicy.newHttpClient(), store, Clock.systemUTC());
        Organization org = org(Organization.Flow.SECRET);
        completeWithCode(s, org);
        RecordingServer.Request token = as.requestsTo("/oauth/token").get(0);
        // RFC 6749 2.3.1: form-url-encoded, so the space in "my app" is '+'.
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                "my+app:s3cr%3At%26%2Bx".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, token.header("Authorization"));
        assertNull(FormEncoding.parseQuery(token.body()).get("client_id"));
    }

    @Test
    void secretFlowWithoutAPerInstallSecretSignsInAsPublicClientWithPkce() throws Exception {
        SmartSignIn s = signIn();
        completeWithCode(s, org(Organization.Flow.SECRET));
        RecordingServer.Request token = as.requestsTo("/oauth/token").get(0);
        assertNull(token.header("Authorization"));
        Map<String, String> form = FormEncoding.parseQuery(token.body());
        assertEquals("my app", form.get("client_id"));
        assertNotNull(form.get("code_verifier"));
    }

    @Test
    void theCodeGoesOnlyToTheTokenEndpointOfTheServerTheLoginStartedWith() throws Exception {
        SmartSignIn s = signIn();
        Organization org = org(Organization.Flow.PKCE);
        completeWithCode(s, org);
        assertEquals(1, as.requestsTo("/oauth/token").size());
        assertTrue(other.requests.isEmpty());
    }

    private Session completeWithCode(SmartSignIn s, Organization org) throws Exception {
        BrowserSignIn attempt = s.begin(org, s.discover(org, null));
        String state = query(attempt.authorizationUrl()).get("state");
        CompletableFuture.runAsync(() -> {
            try {
                callback(attempt.redirectUri(), "code=c&state=" + state);
            } catch (Exception ignored) {
                // complete() times out instead
            }
        });
        return attempt.complete(Duration.ofSeconds(10));
    }
}
