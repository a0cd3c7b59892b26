package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.chartlens.fhir.FhirHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.4 for a whole sync: a server that stops answering (the demo EHR's {@code hang} fault,
 * 60 s per request) ends the sync at its configured deadline with the slow server named, instead
 * of every pull waiting out timeouts x attempts; the next sync gets a deadline of its own.
 */
class SyncDeadlineTest {
    @TempDir
    Path dir;

    @Test
    void aHangingServerEndsTheSyncAtItsDeadlineNamingTheServer() throws Exception {
        FhirHttp.Options o = DemoFixture.fastRetries().withDeadlines(Duration.ofSeconds(30), Duration.ofSeconds(6));
        try (DemoFixture f = new DemoFixture("demo", dir, null, o)) {
            String patient = f.ehr.patientIds().get(1);
            f.ehr.faults().set("hang=1000");
            SyncResult r;
            try {
                r = f.sync().run(SyncRequest.patients(patient).full(true), SyncListener.NONE);
            } finally {
                f.ehr.faults().clear();
            }
            assertFalse(r.ok());
            assertTrue(r.summary().contains(
                    "The server 127.0.0.1 was too slow: the sync did not finish within 6 seconds, so it was stopped."),
                    r.summary());
            // generous: the old client waited 10 s x 8 attempts on the first pull alone
            assertTrue(r.elapsed().compareTo(Duration.ofSeconds(45)) < 0, r.elapsed().toString());

            SyncResult again = f.sync().run(SyncRequest.patients(patient).full(true), SyncListener.NONE);
            assertTrue(again.ok(), again.summary());
        }
    }
}
