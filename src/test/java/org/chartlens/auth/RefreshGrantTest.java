package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.sandbox.DemoEhr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: when the refresh grant runs out, read from the server, a JWT, or the vendor's document; rotation never extends it. */
class RefreshGrantTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dir;

    /** A clock the test moves forward, as days pass between syncs. */
    static final class MovableClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration d) {
            ahead = ahead.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    private static TokenResponse parse(String json) throws Exception {
        return TokenResponse.parse(JSON.readTree(json), NOW);
    }

    @Test
    void theLifetimeIsReadWhenTheServerSendsItAsAString() throws Exception {
        assertEquals(7_776_000L, parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\","
                + "\"refresh_token_expires_in\":\"7776000\"}").refreshExpiresInSeconds());
        assertEquals(600L, parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\","
                + "\"refresh_expires_in\":\"600\"}").refreshExpiresInSeconds());
        assertEquals(600L, parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\","
                + "\"refresh_token_expires_in\":\"soon\",\"refresh_expires_in\":600}").refreshExpiresInSeconds());
        assertNull(parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\","
                + "\"refresh_expires_in\":0}").refreshExpiresInSeconds(), "Keycloak's 0: no end said");
    }

    @Test
    void aJwtRefreshTokensExpiryIsTheGrantsEnd() throws Exception {
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"exp\":1800000000,\"token_use\":\"refresh\"}".getBytes(StandardCharsets.UTF_8));
        TokenResponse r = parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"h." + claims + ".s\"}");
        Organization plain = OrganizationDirectory.loadPresets().get("credible").organization();
        assertEquals(Instant.ofEpochSecond(1_800_000_000L), RefreshGrant.end(r, null, NOW, plain));
        assertNull(RefreshGrant.jwtExpiry("opaque-token"));
        assertNull(RefreshGrant.jwtExpiry("a.!!!.c"));
    }

    @Test
    void veracityRotationKeepsTheNinetyDayEndOfTheSignIn() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("veracity")) {
            MovableClock clock = new MovableClock();
            AuthSessions auth = new AuthSessions(TestStores.file(dir), TransportPolicy.newHttpClient(), clock);
            Organization org = OrganizationDirectory.loadPresets().get("veracity").organization()
                    .withFhirBase(ehr.fhirBase()).withClientId("chartlens");
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            assertNotNull(s.refreshGrantExpiresAt(), "the documented 90 days");
            assertEquals(90, Duration.between(s.signedInAt(), s.refreshGrantExpiresAt()).toDays());

            clock.advance(Duration.ofDays(10));
            auth.tokens(org).accessToken();
            Session rotated = auth.sessionStore().load(org.id()).orElseThrow();
            assertNotEquals(s.refreshToken(), rotated.refreshToken(), "rotated");
            assertEquals(s.refreshGrantExpiresAt(), rotated.refreshGrantExpiresAt(), "rotation does not extend the grant");
            assertTrue(auth.status(org).refreshGrantExpiresAt().equals(s.refreshGrantExpiresAt()));
        }
    }

    @Test
    void theDemoEhrsOwnLifetimeIsReadAndKeptAcrossRotations() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("demo")) {
            MovableClock clock = new MovableClock();
            AuthSessions auth = new AuthSessions(TestStores.file(dir), TransportPolicy.newHttpClient(), clock);
            Organization org = OrganizationDirectory.loadPresets().get("demo").organization()
                    .withFhirBase(ehr.fhirBase()).withClientId("chartlens");
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            assertNotNull(auth.status(org).refreshGrantExpiresAt(), "org status names the end, not 'not known'");
            String first = auth.tokens(org).refreshAfterRejection(s.accessToken());
            Session after = auth.sessionStore().load(org.id()).orElseThrow();
            assertNotEquals(s.accessToken(), first);
            assertTrue(Duration.between(s.refreshGrantExpiresAt(), after.refreshGrantExpiresAt()).abs().getSeconds() <= 2,
                    "the server's seconds-left keep the same end");
        }
    }
}
