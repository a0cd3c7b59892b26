package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry policy step alone, with a recorded sleeper instead of real waits. */
class RetryStepTest {
    final List<Duration> waits = new ArrayList<>();
    final FhirClient.Options options = FhirClient.Options.defaults()
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(8), Duration.ofSeconds(60));
    final RetryStep step = new RetryStep("test", options, new ErrorReplies(new FhirJson()), waits::add);

    @Test
    void retryAfterIsHonouredAndCappedAndOtherFailuresBackOff() throws Exception {
        StepFixtures.Recorder end = new StepFixtures.Recorder((r, n) -> switch (n) {
            case 1 -> StepFixtures.response(r.uri(), 429, "", "Retry-After", "3");
            case 2 -> StepFixtures.response(r.uri(), 503, "", "Retry-After", "3600");
            case 3 -> StepFixtures.response(r.uri(), 500, "");
            case 4 -> throw new NetworkFailure(new IOException("reset"));
            default -> StepFixtures.response(r.uri(), 200, "ok");
        });
        Call call = StepFixtures.call(Duration.ofHours(2));
        assertEquals(200, step.handle(StepFixtures.request("https://ehr.example.org/fhir/x", call), end).status());
        assertEquals(5, end.seen.size());
        assertEquals(Duration.ofSeconds(3), waits.get(0));
        assertEquals(Duration.ofSeconds(60), waits.get(1), "Retry-After capped");
        // backoff before attempt 4: 200 ms doubled twice = 800 ms, jittered into [400, 800]
        assertTrue(waits.get(2).toMillis() >= 400 && waits.get(2).toMillis() <= 800, waits.toString());
        assertTrue(waits.get(3).toMillis() >= 800 && waits.get(3).toMillis() <= 1600, waits.toString());
        assertEquals(4, call.failures);
    }

    @Test
    void attemptsAreBoundedAndClientErrorsAreNotRetried() throws Exception {
        StepFixtures.Recorder failing = new StepFixtures.Recorder((r, n) -> StepFixtures.response(r.uri(), 502,
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"transient\","
                        + "\"diagnostics\":\"upstream down\"}]}"));
        FhirException e = assertThrows(FhirException.class, () -> step.handle(
                StepFixtures.request("https://ehr.example.org/fhir/x", StepFixtures.call(Duration.ofHours(2))), failing));
        assertEquals(FhirException.Kind.SERVER, e.kind());
        assertEquals(options.maxAttempts(), failing.seen.size());
        assertTrue(e.getMessage().contains("upstream down"), e.getMessage());

        StepFixtures.Recorder notFound = new StepFixtures.Recorder((r, n) -> StepFixtures.response(r.uri(), 404, ""));
        assertEquals(404, step.handle(StepFixtures.request("https://ehr.example.org/fhir/x",
                StepFixtures.call(Duration.ofHours(2))), notFound).status());
        assertEquals(1, notFound.seen.size());
    }

    @Test
    void nothingIsRetriedPastTheDeadline() throws Exception {
        // a network failure once the deadline has passed ends the request, naming the server
        StepFixtures.Recorder dropping = new StepFixtures.Recorder((r, n) -> {
            throw new NetworkFailure(new IOException("reset"));
        });
        Call passed = StepFixtures.call(Duration.ZERO);
        FhirException e = assertThrows(FhirException.class,
                () -> step.handle(StepFixtures.request("https://ehr.example.org/fhir/x", passed), dropping));
        assertTrue(e.getMessage().contains("The server ehr.example.org was too slow"), e.getMessage());
        assertEquals(1, dropping.seen.size());

        // a Retry-After longer than what is left is not waited for
        StepFixtures.Recorder busy = new StepFixtures.Recorder((r, n) ->
                StepFixtures.response(r.uri(), 503, "", "Retry-After", "30"));
        FhirException b = assertThrows(FhirException.class, () -> step.handle(
                StepFixtures.request("https://ehr.example.org/fhir/x", StepFixtures.call(Duration.ofSeconds(10))), busy));
        assertTrue(b.getMessage().contains("unavailable (503)"), b.getMessage());
        assertEquals(1, busy.seen.size());
        assertEquals(List.of(), waits);
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Duration.ofSeconds(120), RetryStep.parseRetryAfter("120", now).orElseThrow());
        assertEquals(Duration.ofSeconds(30), RetryStep.parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now).orElseThrow());
        assertEquals(Duration.ZERO, RetryStep.parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now).orElseThrow());
        assertTrue(RetryStep.parseRetryAfter("soon", now).isEmpty());
    }
}
