package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.sandbox.DemoEhr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** security.md 10: the refresh lifecycle against the real demo EHR. */
class TokenLifecycleTest {
    @TempDir
    Path dir;

    private static Organization org(String presetId, DemoEhr ehr, String clientId) {
        return OrganizationDirectory.loadPresets().get(presetId).organization().withFhirBase(ehr.fhirBase())
                .withClientId(clientId);
    }

    @Test
    void twoParallel401sCauseExactlyOneRefresh() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("demo")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = org("demo", ehr, "chartlens");
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            OrganizationTokens tokens = auth.tokens(org);
            for (int round = 0; round < 3; round++) {
                String rejected = tokens.accessToken();
                int before = ehr.tokenRequestCount("refresh_token");
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<String>> calls = Stream.generate(() -> CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                        return tokens.refreshAfterRejection(rejected);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).limit(2).toList();
                String a = calls.get(0).get();
                String b = calls.get(1).get();
                assertEquals(before + 1, ehr.tokenRequestCount("refresh_token"), "exactly one refresh call");
                assertEquals(a, b, "both callers got the same new token");
                assertNotEquals(rejected, a);
            }
            assertNotEquals(s.accessToken(), tokens.accessToken());
        }
    }

    @Test
    void refreshesBeforeExpiryWithoutWaitingForA401() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("demo", Duration.ofSeconds(2))) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = org("demo", ehr, "chartlens");
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            assertTrue(s.accessTokenExpiresAt().isBefore(Instant.now().plusSeconds(2)), "expiry minus skew");
            OrganizationTokens tokens = auth.tokens(org);
            assertEquals(s.accessToken(), tokens.accessToken());
            assertEquals(0, ehr.tokenRequestCount("refresh_token"));
            Thread.sleep(Duration.between(Instant.now(), s.accessTokenExpiresAt()).toMillis() + 50);
            String fresh = tokens.accessToken();
            assertNotEquals(s.accessToken(), fresh);
            assertEquals(1, ehr.tokenRequestCount("refresh_token"));
        }
    }

    @Test
    void rotatedRefreshTokenIsPersistedBeforeTheNewAccessTokenIsUsed() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("veracity")) {
            RecordingSecretStore store = new RecordingSecretStore(TestStores.file(dir));
            AuthSessions auth = new AuthSessions(store);
            Organization org = org("veracity", ehr, "chartlens");
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));

            String fresh = auth.tokens(org).refreshAfterRejection(s.accessToken());
            String saved = store.lastPutOf("session/veracity");
            assertTrue(saved.contains(fresh), "the session holding the new access token was saved");
            Session stored = auth.sessionStore().load(org.id()).orElseThrow();
            assertNotEquals(s.refreshToken(), stored.refreshToken(), "rotated");
            assertTrue(saved.contains(stored.refreshToken()));

            // When saving fails, the new token is not handed out.
            store.failPuts.set(true);
            AuthException e = assertThrows(AuthException.class, () -> auth.tokens(org).refreshAfterRejection(fresh));
            assertEquals("storage_failed", e.code());
            assertFalse(e.getMessage().contains(stored.refreshToken()));
        }
    }

    @Test
    void theOldRefreshTokenIsKeptWhenNoneIsReturned() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("insync")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = org("insync", ehr, "chartlens-confidential");
            auth.sessionStore().saveClientSecret(org.id(), "chartlens-demo-secret".toCharArray());
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            OrganizationTokens tokens = auth.tokens(org);
            String t2 = tokens.refreshAfterRejection(s.accessToken());
            assertEquals(s.refreshToken(), auth.sessionStore().load(org.id()).orElseThrow().refreshToken());
            String t3 = tokens.refreshAfterRejection(t2);
            assertNotEquals(t2, t3);
            assertEquals(2, ehr.tokenRequestCount("refresh_token"));
        }
    }

    @Test
    void invalidGrantDeletesTheRefreshTokenAndAsksToSignInAgainWithoutLooping() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("veracity")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = org("veracity", ehr, "chartlens");
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            OrganizationTokens tokens = auth.tokens(org);
            tokens.refreshAfterRejection(s.accessToken());
            // Replay of the rotated-away token: Veracity revokes the whole grant.
            AuthException replay = assertThrows(AuthException.class, () -> auth.signIn().tokenEndpoint().refresh(
                    s.server(), new ClientAuthentication.Public("chartlens"), s.refreshToken(), org.name()));
            assertEquals("invalid_grant", replay.code());

            int before = ehr.tokenRequestCount("refresh_token");
            AuthException e = assertThrows(AuthException.class, () -> tokens.refreshAfterRejection(tokens.accessToken()));
            assertTrue(e.needsSignIn());
            assertTrue(e.getMessage().contains("sign in"), e.getMessage());
            assertTrue(auth.sessionStore().load(org.id()).isEmpty(), "refresh token deleted");
            for (int i = 0; i < 5; i++) {
                assertTrue(assertThrows(AuthException.class, tokens::accessToken).needsSignIn());
                assertTrue(assertThrows(AuthException.class, () -> tokens.refreshAfterRejection("x")).needsSignIn());
            }
            assertEquals(before + 1, ehr.tokenRequestCount("refresh_token"), "no retry loop");
            SignInStatus status = auth.status(org);
            assertFalse(status.signedIn());
            assertNotNull(status.lastError());
        }
    }

    @Test
    void signOutRevokesAtTheDemoEhr() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("demo")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = org("demo", ehr, "chartlens");
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            assertTrue(auth.signOut(org));
            assertFalse(auth.status(org).signedIn());
            AuthException e = assertThrows(AuthException.class, () -> auth.signIn().tokenEndpoint().refresh(
                    s.server(), new ClientAuthentication.Public("chartlens"), s.refreshToken(), org.name()));
            assertEquals("invalid_grant", e.code());
        }
    }

    @Test
    void aSessionFromAnotherServerAddressIsNeverUsed() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("demo")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = org("demo", ehr, "chartlens");
            auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            // Another process, after the organization was pointed at another server.
            AuthSessions later = new AuthSessions(TestStores.file(dir));
            Organization moved = org.withFhirBase(java.net.URI.create("https://elsewhere.example/fhir"));
            assertTrue(assertThrows(AuthException.class, () -> later.tokens(moved).accessToken()).needsSignIn());
            assertFalse(later.status(moved).signedIn());
            assertTrue(later.status(org).signedIn(), "the stored session itself is kept");
        }
    }

    @Test
    void noTokenOrCodeEverReachesTheLog() throws Exception {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        Session s;
        String refreshed;
        ScriptedBrowser browser = new ScriptedBrowser();
        try (DemoEhr ehr = TinyEhr.start("veracity")) {
            System.setErr(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = org("veracity", ehr, "chartlens");
            s = auth.signInWithBrowser(org, null, browser, Duration.ofSeconds(20));
            refreshed = auth.tokens(org).refreshAfterRejection(s.accessToken());
            assertThrows(AuthException.class, () -> auth.signIn().tokenEndpoint().refresh(s.server(),
                    new ClientAuthentication.Public("chartlens"), s.refreshToken(), org.name()));
            assertThrows(AuthException.class, () -> auth.tokens(org).refreshAfterRejection(refreshed));
            auth.signOut(org);
        } finally {
            System.setErr(old);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("INFO"), "the log was captured");
        String code = FormEncoding.parseQuery(browser.lastVisited().getRawQuery()).get("code");
        for (String secret : List.of(s.accessToken(), s.refreshToken(), refreshed, code)) {
            assertFalse(text.contains(secret), "a token or code reached the log");
        }
    }

    @Test
    void warnsBeforeTheRefreshGrantRunsOut() {
        Instant signedIn = Instant.parse("2026-01-01T00:00:00Z");
        Session s = new Session("veracity", Organization.Flow.PKCE, "c", null, "a", "Bearer", signedIn.plusSeconds(3600),
                "r", signedIn.plus(Duration.ofDays(90)), List.of(), List.of(), null, null, null, false, null, signedIn,
                signedIn);
        assertTrue(OrganizationTokens.warningFor(s, "Veracity", signedIn.plus(Duration.ofDays(30))).isEmpty());
        Optional<String> w = OrganizationTokens.warningFor(s, "Veracity", signedIn.plus(Duration.ofDays(85)));
        assertTrue(w.isPresent());
        assertTrue(w.get().contains("runs out in 5 days"), w.get());
        assertTrue(OrganizationTokens.warningFor(s, "Veracity", signedIn.plus(Duration.ofDays(91))).get()
                .contains("has run out"));
    }

    @Test
    void sessionIsSharedAcrossProcessesAndNeverInPlainFiles() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("demo")) {
            AuthSessions first = new AuthSessions(TestStores.file(dir));
            Organization org = org("demo", ehr, "chartlens");
            Session s = first.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            // A second "process": a new store instance over the same file, as `chartlens sync` would open.
            AuthSessions second = new AuthSessions(TestStores.file(dir));
            assertEquals(s.accessToken(), second.tokens(org).accessToken());
            assertEquals(s.patient(), second.session(org).orElseThrow().patient());
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(content.contains(s.accessToken()), "access token in " + f);
                    assertFalse(content.contains(s.refreshToken()), "refresh token in " + f);
                }
            }
        }
    }
}
