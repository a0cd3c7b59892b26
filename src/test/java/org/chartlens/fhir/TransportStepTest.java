package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transport policy step alone: what it refuses before sending, and how it follows redirects. */
class TransportStepTest {
    final TransportStep step = new TransportStep();
    final Call call = StepFixtures.call(Duration.ofMinutes(1));

    @Test
    void plainHttpOffLoopbackAndOtherSchemesAreRefusedBeforeAnythingIsSent() {
        StepFixtures.Recorder end = new StepFixtures.Recorder((r, n) -> StepFixtures.response(r.uri(), 200, "{}"));
        for (String bad : new String[] {"http://fhir.example.org/r4/Patient", "ftp://fhir.example.org/x", "file:///etc/passwd"}) {
            FhirException e = assertThrows(FhirException.class, () -> step.handle(StepFixtures.request(bad, call), end));
            assertEquals(FhirException.Kind.INSECURE, e.kind(), bad);
        }
        assertEquals(0, end.seen.size());
    }

    @Test
    void redirectsAreFollowedByHandAndEachHopIsChecked() throws Exception {
        StepFixtures.Recorder end = new StepFixtures.Recorder((r, n) -> n == 1
                ? StepFixtures.response(r.uri(), 302, "", "Location", "../moved?x=1")
                : StepFixtures.response(r.uri(), 200, "ok"));
        FhirClient.Response r = step.handle(StepFixtures.request("https://ehr.example.org/fhir/a/b", call), end);
        assertEquals(200, r.status());
        assertEquals("https://ehr.example.org/fhir/moved?x=1", end.seen.get(1).uri().toString());
        assertTrue(end.seen.get(1).call() == call, "the hop belongs to the same call");
    }

    @Test
    void aDowngradeTooManyHopsAndAnUnusableLocationAreRefused() {
        StepFixtures.Recorder down = new StepFixtures.Recorder((r, n) ->
                StepFixtures.response(r.uri(), 301, "", "Location", "http://127.0.0.1:9/fhir/x"));
        FhirException d = assertThrows(FhirException.class,
                () -> step.handle(StepFixtures.request("https://127.0.0.1:8443/fhir/x", call), down));
        assertTrue(d.getMessage().contains("https to plain http"), d.getMessage());
        assertEquals(1, down.seen.size());

        StepFixtures.Recorder loop = new StepFixtures.Recorder((r, n) ->
                StepFixtures.response(r.uri(), 307, "", "Location", "/fhir/hop" + n));
        FhirException many = assertThrows(FhirException.class,
                () -> step.handle(StepFixtures.request("https://ehr.example.org/fhir/x", call), loop));
        assertTrue(many.getMessage().contains("too many"), many.getMessage());
        assertEquals(TransportStep.MAX_HOPS + 1, loop.seen.size());

        StepFixtures.Recorder slash = new StepFixtures.Recorder((r, n) ->
                StepFixtures.response(r.uri(), 302, "", "Location", "/fhir/..\\leak"));
        FhirException bad = assertThrows(FhirException.class,
                () -> step.handle(StepFixtures.request("https://ehr.example.org/fhir/x", call), slash));
        assertEquals(FhirException.Kind.INSECURE, bad.kind());
        assertEquals(1, slash.seen.size());
    }

    @Test
    void aRedirectWithoutLocationIsAnAnswerNotAHop() throws Exception {
        StepFixtures.Recorder end = new StepFixtures.Recorder((r, n) -> StepFixtures.response(r.uri(), 304, ""));
        assertEquals(304, step.handle(StepFixtures.request("https://ehr.example.org/fhir/x", call), end).status());
        assertEquals(1, end.seen.size());
    }
}
