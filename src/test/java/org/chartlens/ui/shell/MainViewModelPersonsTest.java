package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.chartlens.domain.PatientRef;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.ChangeSignal;
import org.chartlens.ui.port.ChangesPort;
import org.chartlens.ui.port.PersonsPort;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.StoreOnlyPorts;
import org.chartlens.ui.testing.BundleChartStore;
import org.chartlens.ui.testing.FakePersons;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 in the main window's state: the worklist reads persons through the port and follows
 * syncs, the status area says how many possible matches wait, a person's chart reads every
 * record, and unlinking reopens it with the records left.
 */
class MainViewModelPersonsTest {
    @Test
    void personsFollowSyncsAndAnOpenPersonsChartFollowsAnUnlink() {
        ChartStore store = new BundleChartStore(Instant.now(), SyntheaBundles.columbus("Babette571"),
                SyntheaBundles.columbus("Jen355"), SyntheaBundles.columbus("Chas63"));
        PatientRef a = new PatientRef(store.patients().get(0).org(), store.patients().get(0).id());
        PatientRef b = new PatientRef(store.patients().get(1).org(), store.patients().get(1).id());
        PatientRef c = new PatientRef(store.patients().get(2).org(), store.patients().get(2).id());
        PersonsPort.Record ra = new PersonsPort.Record(a, "Clinic", "A", null, null);
        PersonsPort.Record rb = new PersonsPort.Record(b, "Hospital", "B", null, null);
        PersonsPort.Record rc = new PersonsPort.Record(c, "Clinic", "C", null, null);
        FakePersons persons = new FakePersons(List.of(FakePersons.proposal(ra, rc, true, List.of())))
                .withPersons(List.of(new PersonsPort.Person("P-AB", "A", null, List.of(ra, rb), List.of(), 1)));
        ChangeSignal changes = new ChangeSignal();
        ShellPorts ports = StoreOnlyPorts.create(() -> store, MainViewModelTest.DIR).withPersons(persons).withChanges(changes);
        MainViewModel vm = MainViewModelTest.vm(ports);
        vm.start(false);

        assertEquals(2, vm.worklist().total(), "the linked records are one row, the third its own");
        assertEquals("1 possible match to review", vm.status().matchesProperty().get());
        long reads = persons.calls.stream().filter("snapshot"::equals).count();
        changes.publish(ChangesPort.Kind.SYNCED, a.org(), null);
        assertEquals(reads + 1, persons.calls.stream().filter("snapshot"::equals).count(), "a sync's end reads the persons again");
        changes.publish(ChangesPort.Kind.PERSONS, null, null);
        assertEquals(reads + 2, persons.calls.stream().filter("snapshot"::equals).count(), "so does a link elsewhere");

        vm.openPerson(List.of(a, b));
        assertEquals(List.of(a), List.copyOf(vm.charts()), "one tab, known by the first record");
        assertEquals(List.of(a, b), vm.chart(a).records(), "the chart reads both records");
        vm.unlink(b, "view:chart");
        assertEquals("unlink " + b.qualified() + " view:chart", persons.calls.get(persons.calls.size() - 1));
        assertEquals(List.of(a), vm.chart(a).records(), "reopened with the record left");
        assertTrue(vm.status().messageProperty().get().startsWith("Unlinked the record"));
        vm.openPerson(List.of(a, b));
        assertEquals(List.of(a, b), vm.chart(a).records(), "linked again: the open tab reopens with both");
    }
}
