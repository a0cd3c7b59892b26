package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The body limits step alone, over a scripted transport: size caps, dropped bodies, slow bodies. */
class BodyLimitStepTest {
    static final URI U = URI.create("https://ehr.example.org/fhir/x");
    final FhirClient.Options options = FhirClient.Options.defaults().withLimits(100, 1024, 100)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30));

    FhirClient.Response run(BodyLimitStep.Transport t, Call call) throws FhirException {
        return new BodyLimitStep(t, options).handle(new ClientStep.Request(U, java.util.Map.of(), call), null);
    }

    static Call call() {
        return StepFixtures.call(Duration.ofMinutes(1));
    }

    @Test
    void bodiesAreReadWithinTheCap() throws Exception {
        byte[] ok = "{\"resourceType\":\"Bundle\"}".getBytes();
        assertArrayEquals(ok, run(r -> StepFixtures.http(U, 200, ok, "Content-Length", "" + ok.length), call()).body());
        assertArrayEquals(ok, run(r -> StepFixtures.http(U, 200, ok), call()).body());

        FhirException declared = assertThrows(FhirException.class,
                () -> run(r -> StepFixtures.http(U, 200, new byte[0], "Content-Length", "4096"), call()));
        assertEquals(FhirException.Kind.TOO_LARGE, declared.kind());
        FhirException counted = assertThrows(FhirException.class,
                () -> run(r -> StepFixtures.http(U, 200, new byte[4096]), call()));
        assertEquals(FhirException.Kind.TOO_LARGE, counted.kind());
        assertTrue(counted.getMessage().contains("larger than"), counted.getMessage());
    }

    @Test
    void errorBodiesAreReadUpTo64KbAndAShortBodyIsANetworkFailure() throws Exception {
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 'x');
        assertEquals(BodyLimitStep.ERROR_BODY_BYTES, run(r -> StepFixtures.http(U, 500, big), call()).body().length);

        FhirException cut = assertThrows(NetworkFailure.class,
                () -> run(r -> StepFixtures.http(U, 200, new byte[10], "Content-Length", "100"), call()));
        assertTrue(cut.getMessage().contains("dropped the connection"), cut.getMessage());
    }

    @Test
    void aStreamedBodyGoesToTheReaderUncapped() throws Exception {
        byte[] big = new byte[8192];
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Call streaming = new Call(in -> in.transferTo(got), Deadline.start(Duration.ofMinutes(1), null, null));
        FhirClient.Response r = run(t -> StepFixtures.http(U, 200, big), streaming);
        assertEquals(0, r.body().length);
        assertEquals(big.length, got.size());
    }

    @Test
    void aBodyStillTricklingAtTheDeadlineEndsTheRequestNamingTheServer() {
        Call call = StepFixtures.call(Duration.ofMillis(1500));
        InputStream slow = new SequenceInputStream(new ByteArrayInputStream("{\"a\":".getBytes()), new StepFixtures.Trickle());
        long t0 = System.nanoTime();
        FhirException e = assertThrows(FhirException.class, () -> run(r -> StepFixtures.http(U, 200, slow), call));
        assertTrue(e.getMessage().contains("The server ehr.example.org was too slow"), e.getMessage());
        assertTrue(e.getMessage().contains("did not finish within 1 second"), e.getMessage());
        assertTrue(!(e instanceof NetworkFailure), "a deadline is final, not retried");
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 20_000, "bounded by the deadline, not the 60 s body timer");

        Call streaming = new Call(in -> in.transferTo(OutputStreamSink.NULL), Deadline.start(Duration.ofMillis(1000), null, null));
        FhirException s = assertThrows(FhirException.class,
                () -> run(r -> StepFixtures.http(U, 200, new StepFixtures.Trickle()), streaming));
        assertTrue(s.getMessage().contains("too slow"), s.getMessage());
    }

    /** Discards. */
    static final class OutputStreamSink {
        static final java.io.OutputStream NULL = java.io.OutputStream.nullOutputStream();
    }
}
