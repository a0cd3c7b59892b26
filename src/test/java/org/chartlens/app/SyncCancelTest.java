package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.chartlens.auth.Session;
import org.chartlens.auth.SmartConfiguration;
import org.chartlens.connect.Organization;
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
    static final String PASS = "cancel test passphrase";

    @TempDir
    Path data;

    /** Desktop services, unlocked, with a signed-in organization at {@code base}. */
    static DesktopServices signedInTo(Path data, URI base) {
        DesktopServices s = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file"));
        assertTrue(s.ports().lock().unlock(PASS.toCharArray()));
        Organization org = s.saveOrganization(new Organization("hung", "Hung Clinic", base, Organization.Flow.PKCE,
                "client", List.of("user/*.read"), null, null, false, null));
        SmartConfiguration server = SmartConfiguration.documented(base, URI.create(base + "/authorize"),
                URI.create(base + "/token"));
        Instant now = Instant.now();
        s.context().auth().sessionStore().save(new Session(org.id(), org.flow(), "client", server, "token", "Bearer",
                now.plus(Duration.ofHours(1)), null, null, org.scopes(), org.scopes(), null, null, null, false, null,
                now, now));
        return s;
    }

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
            DesktopServices s = signedInTo(data, server.fhirBase());
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
            DesktopServices s = signedInTo(data, server.fhirBase());
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
