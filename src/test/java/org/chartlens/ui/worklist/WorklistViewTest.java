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
}
