package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.chartlens.connect.Organization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with an authorization server ChartLens did not write (npm oidc-provider):
 * discovery with relative endpoints, PKCE sign-in through real redirects and cookies, id_token
 * validation against its JWKS, refresh with rotation, a refused replay, and sign-out.
 */
class OidcProviderInteropTest {
    private static OidcProviderFixture server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = OidcProviderFixture.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Organization org() {
        return new Organization("interop", "Interop OIDC", server.fhirBase(), Organization.Flow.PKCE, "chartlens",
                List.of("openid", "fhirUser", "offline_access", "user/*.read"), Set.of(), null, false, "");
    }

    @Test
    void pkceSignInRefreshWithRotationAndRefusedReplay() throws Exception {
        AuthSessions auth = new AuthSessions(TestStores.file(dir));
        Organization org = org();
        ScriptedBrowser browser = new ScriptedBrowser();

        Session s = auth.signInWithBrowser(org, null, browser, Duration.ofSeconds(30));

        // The authorize request went to oidc-provider with PKCE S256 and the FHIR base as aud.
        URI authorize = browser.visited.get(0);
        assertTrue(authorize.getRawQuery().contains("code_challenge_method=S256"));
        assertTrue(authorize.getRawQuery().contains("aud=" + FormEncoding.encode(server.fhirBase().toString())));
        // ... and the browser ended on ChartLens's loopback page, which tells the user to return.
        assertEquals("127.0.0.1", browser.lastVisited().getHost());
        assertTrue(browser.last.get().body().contains("return to ChartLens"));

        assertEquals(URI.create(server.issuer() + "/token"), s.server().tokenEndpoint(), "relative endpoint resolved");
        assertNotNull(s.accessToken());
        assertNotNull(s.refreshToken(), "offline_access gave a refresh token");
        assertEquals("clinician-1", s.subject(), "validated id_token subject");
        assertEquals("Practitioner/clinician-1", s.fhirUser());
        assertTrue(s.grantedScopes().contains("openid"));
        assertTrue(s.refusedScopes().contains("user/*.read"), "scopes the server did not grant are reported");

        // Refresh: oidc-provider rotates the refresh token; the new one is saved before use.
        OrganizationTokens tokens = auth.tokens(org);
        String oldRefresh = s.refreshToken();
        String fresh = tokens.refreshAfterRejection(s.accessToken());
        assertNotEquals(s.accessToken(), fresh);
        Session stored = auth.sessionStore().load(org.id()).orElseThrow();
        assertEquals(fresh, stored.accessToken());
        assertNotNull(stored.refreshToken());
        assertNotEquals(oldRefresh, stored.refreshToken(), "rotated refresh token persisted");

        // Replaying the rotated-away refresh token is refused by the server.
        AuthException replay = assertThrows(AuthException.class, () -> auth.signIn().tokenEndpoint()
                .refresh(s.server(), new ClientAuthentication.Public("chartlens"), oldRefresh, org.name()));
        assertEquals("invalid_grant", replay.code());
        assertTrue(replay.needsSignIn());
        assertFalse(replay.getMessage().contains(oldRefresh));

        // oidc-provider revokes the whole grant on reuse: the next refresh ends in "sign in again",
        // deletes the session, and does not loop.
        AuthException again = assertThrows(AuthException.class, () -> tokens.refreshAfterRejection(fresh));
        assertTrue(again.needsSignIn());
        assertTrue(auth.sessionStore().load(org.id()).isEmpty(), "invalid_grant deleted the refresh token");
        AuthException still = assertThrows(AuthException.class, tokens::accessToken);
        assertTrue(still.needsSignIn());
        assertTrue(auth.status(org).lastError().contains("sign in"));
    }

    @Test
    void signOutRevokesAtTheServer() throws Exception {
        AuthSessions auth = new AuthSessions(TestStores.file(dir));
        Organization org = org();
        Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
        assertTrue(auth.signOut(org), "the server confirmed revocation");
        assertTrue(auth.sessionStore().load(org.id()).isEmpty());
        AuthException e = assertThrows(AuthException.class, () -> new TokenEndpoint(TransportPolicy.newHttpClient(),
                Clock.systemUTC()).refresh(s.server(), new ClientAuthentication.Public("chartlens"), s.refreshToken(), "x"));
        assertEquals("invalid_grant", e.code());
    }
}
