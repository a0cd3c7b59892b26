package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.chartlens.store.CachedPatient;
import org.chartlens.ui.port.SyncPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: "Cancel sync" against a server that accepts and never answers stops the sync within
 * moments (its HTTP exchanges are interrupted, not left to their 5-minute deadline) and keeps
 * what was already written. Through the desktop's {@link SyncPort}.
 */
class SyncCancelTest {
    @TempDir
    Path data;

    /** Starts a sync of every patient; the future completes with its finishing message ("" on success). */
    static CompletableFuture<String> sync(DesktopServices s, SyncPort.Handle[] handle) {
        CompletableFuture<String> finished = new CompletableFuture<>();
        handle[0] = s.ports().sync().startSync("hung", null, new SyncPort.Listener() {
            @Override
            public void progress(String org, String type, int done, double overall) {
            }

            @Override
            public void finished(String org, String error) {
                finished.complete(error == null ? "" : error);
            }
        });
        return finished;
    }

    @Test
    void cancelStopsFetchesHangingOnTheServerAndKeepsThePatientsAlreadyWritten() throws Exception {
        try (HangingFhirServer server = HangingFhirServer.afterThePatientList()) {
            DesktopServices s = server.desktopSignedIn(data);
            try {
                SyncPort.Handle[] handle = new SyncPort.Handle[1];
                CompletableFuture<String> finished = sync(s, handle);
                assertTrue(server.hanging.await(30, TimeUnit.SECONDS), "the patient's $everything is hanging");
                handle[0].cancel();
                String message = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> finished.get(),
                        "cancel ends the sync within moments");
                assertEquals("Sync cancelled; what was already downloaded is kept.", message);
                List<CachedPatient> kept = s.ports().cache().store().patients();
                assertEquals(List.of("hung:p1"), kept.stream().map(p -> p.org() + ":" + p.id()).toList(),
                        "the patient list written before the cancel is kept");
            } finally {
                s.context().close();
            }
        }
    }

    @Test
    void cancelStopsASyncWhoseFirstRequestHangs() throws Exception {
        try (HangingFhirServer server = HangingFhirServer.always()) {
            DesktopServices s = server.desktopSignedIn(data);
            try {
                SyncPort.Handle[] handle = new SyncPort.Handle[1];
                CompletableFuture<String> finished = sync(s, handle);
                assertTrue(server.hanging.await(30, TimeUnit.SECONDS), "the CapabilityStatement request is hanging");
                handle[0].cancel();
                String message = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> finished.get(),
                        "cancel ends the sync within moments");
                assertEquals("Sync cancelled; what was already downloaded is kept.", message);
            } finally {
                s.context().close();
            }
        }
    }
}
