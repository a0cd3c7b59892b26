package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.chartlens.auth.TransportPolicy;
import org.junit.jupiter.api.Test;

/** The bearer auth step alone: where the token goes, and the one refresh after a 401. */
class BearerAuthStepTest {
    static final URI BASE = URI.create("https://ehr.example.org/fhir");
    final CountingTokens tokens = new CountingTokens();
    final BearerAuthStep step = new BearerAuthStep(tokens, u -> TransportPolicy.confinedTo(BASE, u), "Test Clinic");

    static String auth(ClientStep.Request r) {
        return r.headers().get("Authorization");
    }

    @Test
    void theTokenGoesOnlyUnderTheOwnBase() throws Exception {
        StepFixtures.Recorder end = new StepFixtures.Recorder((r, n) -> StepFixtures.response(r.uri(), 200, "{}"));
        for (String u : new String[] {"https://ehr.example.org/fhir/Patient/1", "https://ehr.example.org/fhir/%2e%2e/x",
                "https://other.example.org/fhir/Patient/1", "https://ehr.example.org/fhirx"}) {
            step.handle(StepFixtures.request(u, StepFixtures.call(Duration.ofMinutes(1))), end);
        }
        assertEquals("Bearer t0", auth(end.seen.get(0)));
        assertNull(auth(end.seen.get(1)));
        assertNull(auth(end.seen.get(2)));
        assertNull(auth(end.seen.get(3)));
    }

    @Test
    void a401RefreshesOnceAndSendsOnceMore() throws Exception {
        StepFixtures.Recorder end = new StepFixtures.Recorder((r, n) ->
                StepFixtures.response(r.uri(), "Bearer t1".equals(auth(r)) ? 200 : 401, ""));
        Call call = StepFixtures.call(Duration.ofMinutes(1));
        assertEquals(200, step.handle(StepFixtures.request(BASE + "/Patient/1", call), end).status());
        assertEquals(1, tokens.refreshes.get());
        assertEquals(2, end.seen.size());
        assertTrue(call.refreshed);

        StepFixtures.Recorder never = new StepFixtures.Recorder((r, n) -> StepFixtures.response(r.uri(), 401, ""));
        FhirException e = assertThrows(FhirException.class, () -> step.handle(
                StepFixtures.request(BASE + "/Patient/1", StepFixtures.call(Duration.ofMinutes(1))), never));
        assertEquals(FhirException.Kind.UNAUTHORIZED, e.kind());
        assertTrue(e.getMessage().contains("Sign in to Test Clinic again"), e.getMessage());
        assertEquals(2, never.seen.size());
        assertEquals(2, tokens.refreshes.get());
        assertFalse(e.getMessage().contains("t1") || e.getMessage().contains("t2"));
    }

    @Test
    void aFailedRefreshAsksToSignInAndA401ElsewhereIsJustAnAnswer() throws Exception {
        tokens.refreshFails = true;
        StepFixtures.Recorder end = new StepFixtures.Recorder((r, n) -> StepFixtures.response(r.uri(), 401, ""));
        FhirException e = assertThrows(FhirException.class, () -> step.handle(
                StepFixtures.request(BASE + "/Patient/1", StepFixtures.call(Duration.ofMinutes(1))), end));
        assertEquals(FhirException.Kind.UNAUTHORIZED, e.kind());
        assertEquals(1, end.seen.size());

        assertEquals(401, step.handle(StepFixtures.request("https://other.example.org/x",
                StepFixtures.call(Duration.ofMinutes(1))), end).status());
        BearerAuthStep anonymous = new BearerAuthStep(null, u -> true, "Test Clinic");
        StepFixtures.Recorder open = new StepFixtures.Recorder((r, n) -> StepFixtures.response(r.uri(), 200, ""));
        anonymous.handle(StepFixtures.request(BASE + "/metadata", StepFixtures.call(Duration.ofMinutes(1))), open);
        assertNull(auth(open.seen.get(0)));
    }
}
