package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chartlens.connect.Organization;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.SyncPort;
import org.chartlens.ui.testing.RecordingOrganizations;
import org.junit.jupiter.api.Test;

/** The status area and the sync actions, without a stage. */
class StatusViewModelTest {
    final List<String> started = new ArrayList<>();
    final List<SyncPort.Listener> listeners = new ArrayList<>();
    int cancels;
    final SyncPort sync = (org, patient, l) -> {
        started.add(org + (patient == null ? "" : ":" + patient));
        listeners.add(l);
        return () -> cancels++;
    };

    static Organization org(String id) {
        return new Organization(id, id, URI.create("https://" + id + ".example/fhir"), Organization.Flow.PKCE, "c",
                List.of(), Set.of(), null, false, null);
    }

    @Test
    void aSyncShowsItsProgressCanBeCancelledAndReloadsTheWorklistAtTheEnd() {
        StatusViewModel vm = new StatusViewModel(sync, new RecordingOrganizations(List.of(), List.of()),
                new SameThreadTaskExecutor(), Runnable::run);
        int[] reloads = {0};
        vm.setOnSynced(() -> reloads[0]++);
        vm.error("an old error");
        vm.sync("demo", "p1");
        assertEquals(List.of("demo:p1"), started);
        assertEquals("", vm.errorProperty().get(), "a new sync clears the last error");
        assertTrue(vm.cancellableProperty().get());
        assertFalse(vm.syncingProperty().get());

        listeners.get(0).progress("demo", "Observation", 10, 0.5);
        assertTrue(vm.syncingProperty().get());
        assertEquals(0.5, vm.progressProperty().get());
        assertEquals("Syncing demo: Observation 10", vm.messageProperty().get());
        listeners.get(0).progress("demo", null, 12, -3);
        assertEquals(StatusViewModel.UNKNOWN, vm.progressProperty().get());

        vm.cancel();
        assertEquals(1, cancels);
        assertEquals("Cancelling…", vm.messageProperty().get());
        listeners.get(0).finished("demo", "Sync cancelled; what was already downloaded is kept.");
        assertFalse(vm.syncingProperty().get());
        assertFalse(vm.cancellableProperty().get());
        assertEquals("Sync of demo stopped", vm.messageProperty().get());
        assertEquals("Sync cancelled; what was already downloaded is kept.", vm.errorProperty().get());
        assertEquals(1, reloads[0]);
        vm.cancel();
        assertEquals(1, cancels, "nothing left to cancel");

        vm.sync("demo");
        listeners.get(1).finished("demo", null);
        assertEquals("Sync of demo complete", vm.messageProperty().get());
        assertEquals("", vm.errorProperty().get());
        assertEquals(2, reloads[0]);
    }

    @Test
    void progressFromSyncThreadsIsCoalescedIntoOneHopToTheFxThread() {
        ArrayDeque<Runnable> fx = new ArrayDeque<>();
        StatusViewModel vm = new StatusViewModel(sync, new RecordingOrganizations(List.of(), List.of()),
                new SameThreadTaskExecutor(), fx::add);
        SyncPort.Listener l = vm.listener(() -> { });
        for (int i = 1; i <= 100; i++) {
            l.progress("demo", "Observation", i, i / 100.0);
        }
        assertEquals(1, fx.size(), "one hop pending, however many snapshots came");
        assertEquals("Ready", vm.messageProperty().get(), "nothing changes off the FX thread");
        fx.poll().run();
        assertEquals("Syncing demo: Observation 100", vm.messageProperty().get(), "the newest snapshot is shown");
        l.progress("demo", "Condition", 1, 1.0);
        assertEquals(1, fx.size(), "the next snapshot hops again");
    }

    @Test
    void syncAllStartsOneSyncPerOrganizationAndFailuresAreSaid() {
        StatusViewModel vm = new StatusViewModel(sync, new RecordingOrganizations(List.of(org("a"), org("b")), List.of()),
                new SameThreadTaskExecutor(), Runnable::run);
        vm.syncAll();
        assertEquals(List.of("a", "b"), started);

        StatusViewModel failing = new StatusViewModel((o, p, l) -> {
            throw new IllegalStateException("The demo EHR is not running.");
        }, new RecordingOrganizations(List.of(), List.of()), new SameThreadTaskExecutor(), Runnable::run);
        failing.sync("demo");
        assertEquals("Sync could not start: The demo EHR is not running.", failing.errorProperty().get());
    }
}
