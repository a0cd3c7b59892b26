package org.chartlens.ui.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.RealCache;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The worklist's count line in plain English, on the real encrypted cache. */
class WorklistViewTest {
    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    static WorklistView show(ChartStore store) throws Exception {
        WorklistViewModel vm = new WorklistViewModel(() -> store, new SameThreadTaskExecutor());
        WorklistView v = Fx.call(() -> new WorklistView(vm, r -> { }, r -> { }, () -> { }));
        Fx.show(v);
        Fx.run(vm::refresh);
        Fx.settle();
        return v;
    }

    static Set<String> labels(WorklistView v) throws Exception {
        return Fx.call(() -> v.lookupAll(".label").stream().map(n -> ((Label) n).getText()).collect(Collectors.toSet()));
    }

    @Test
    void onePatientIsSingular() throws Exception {
        ChartStore one = RealCache.of(Files.createTempDirectory("chartlens-wl"), Instant.now().minusSeconds(60),
                SyntheaBundles.columbus("Jen355"));
        Set<String> l = labels(show(one));
        assertTrue(l.contains("1 patient in the cache"), l.toString());
    }

    @Test
    void threePatientsArePluralAndASearchSaysHowManyMatch() throws Exception {
        ChartStore three = RealCache.of(Files.createTempDirectory("chartlens-wl"), Instant.now().minusSeconds(60),
                SyntheaBundles.columbus("Babette571"), SyntheaBundles.columbus("Danille883"), SyntheaBundles.columbus("Jen355"));
        WorklistView v = show(three);
        assertEquals(3, Fx.call(() -> v.table().getItems().size()));
        assertTrue(labels(v).contains("3 patients in the cache"), labels(v).toString());
        javafx.scene.control.TextField search = Fx.call(() -> (javafx.scene.control.TextField) v.lookup("#worklist-search"));
        Fx.run(() -> search.setText("bechtelar"));
        Fx.settle();
        assertTrue(labels(v).contains("1 of 3 patients matches"), labels(v).toString());
        Fx.run(() -> search.setText("female"));
        Fx.settle();
        assertTrue(labels(v).contains("0 of 3 patients match"), labels(v).toString());
        Fx.run(() -> search.setText(""));
        Fx.settle();
        assertTrue(labels(v).contains("3 patients in the cache"), labels(v).toString());
    }

    @Test
    void anEmptyCacheSaysWhyInsteadOfZeroPatients() throws Exception {
        ChartStore empty = org.chartlens.store.ChartCache.open(Files.createTempDirectory("chartlens-wl").resolve("c.db"),
                new byte[32]);
        WorklistView v = show(empty);
        assertTrue(labels(v).stream().noneMatch(s -> s != null && s.contains("0 patients")), labels(v).toString());
        assertTrue(Fx.call(() -> ((Label) v.table().getPlaceholder()).getText()).startsWith("No patients in the cache yet"));
    }

    /** A cache that cannot be read because it is damaged is offered a rebuild; a failed rebuild says so and offers it again. */
    @Test
    void aDamagedCacheIsOfferedARebuildAndAFailedRebuildSaysSo() throws Exception {
        org.chartlens.ui.port.CachePort damaged = new org.chartlens.ui.port.CachePort() {
            @Override
            public ChartStore store() {
                throw new org.chartlens.store.CacheOpenException(org.chartlens.store.CacheOpenException.Reason.CORRUPT,
                        "The local cache file is damaged. It can be rebuilt from the servers.", null);
            }

            @Override
            public String rebuild(org.chartlens.ui.port.SyncPort.Listener progress) throws Exception {
                progress.progress("demo", "Condition", 12, 0.5);
                throw new java.io.IOException("The folder of the local cache cannot be written.");
            }
        };
        WorklistViewModel vm = new WorklistViewModel(damaged, new SameThreadTaskExecutor(), Runnable::run);
        vm.refresh();
        assertTrue(vm.rebuildableProperty().get());
        assertEquals("The cache could not be read: The local cache file is damaged. It can be rebuilt from the servers.",
                vm.cacheNoteProperty().get());
        vm.rebuild();
        assertTrue(vm.rebuildableProperty().get(), "offered again after a failure");
        assertEquals("The cache could not be rebuilt: The folder of the local cache cannot be written.",
                vm.cacheNoteProperty().get());
    }

    /** A cache that cannot be read for another reason (locked) is not offered a rebuild. */
    @Test
    void aLockedCacheIsNotOfferedARebuild() {
        WorklistViewModel vm = new WorklistViewModel(() -> {
            throw new IllegalStateException("ChartLens is locked.");
        }, new SameThreadTaskExecutor());
        vm.refresh();
        assertEquals(false, vm.rebuildableProperty().get());
        assertEquals("", vm.cacheNoteProperty().get());
        assertEquals("The patient list could not be read from the cache.", vm.statusProperty().get());
    }
}
