package org.chartlens.ui.persons;

import static org.chartlens.ui.testing.FakePersons.proposal;
import static org.chartlens.ui.testing.FakePersons.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.PersonsPort.Proposal;
import org.chartlens.ui.port.PersonsPort.Record;
import org.chartlens.ui.testing.FakePersons;
import org.junit.jupiter.api.Test;

/** The candidate dialog's state without a stage: one proposal at a time; link, reject, later; one person's only. */
class CandidatesViewModelTest {
    private static final Record ANA_C = record("credible", "Credible Clinic", "c1", "Ana Rivera", "1980-04-02");
    private static final Record ANA_I = record("insync", "InSync Hospital", "i1", "Ana Rivera-Lopez", "1980-04-02");
    private static final Record ANA_V = record("veracity", "Veracity Pharmacy", "v1", "Ana Rivera", "1980-02-04");
    private static final Record BOB_C = record("credible", "Credible Clinic", "c2", "Bob Li", "1950-01-01");
    private static final Record BOB_I = record("insync", "InSync Hospital", "i2", "Bob Li", "1950-01-01");

    private static List<Proposal> proposals() {
        return List.of(proposal(ANA_C, ANA_I, true, List.of()), proposal(BOB_C, BOB_I, true, List.of()),
                proposal(ANA_I, ANA_V, false, List.of("birth date: 1980-04-02 at InSync Hospital, 1980-02-04 at Veracity Pharmacy")));
    }

    @Test
    void eachChoiceGoesThroughThePortWithTheWorklistAsSourceAndTheNextProposalShows() {
        FakePersons persons = new FakePersons(proposals());
        CandidatesViewModel vm = new CandidatesViewModel(persons, new SameThreadTaskExecutor());
        int[] changed = {0};
        vm.setOnChanged(() -> changed[0]++);
        vm.load(null);
        assertEquals("Possible match 1 of 3", vm.positionProperty().get());
        assertEquals(ANA_C, vm.currentProperty().get().a());

        vm.link();
        assertEquals("link credible:c1 insync:i1 view:worklist", persons.calls.get(1));
        assertTrue(vm.messageProperty().get().startsWith("Linked: Ana Rivera at Credible Clinic and Ana Rivera-Lopez at "
                + "InSync Hospital are one person now."), vm.messageProperty().get());
        assertEquals(BOB_C, vm.currentProperty().get().a(), "the proposals are read again; the next one shows");
        assertEquals("Possible match 1 of 2", vm.positionProperty().get());

        vm.later();
        Proposal conflicting = vm.currentProperty().get();
        assertEquals(ANA_V, conflicting.b(), "Later moves on");
        assertTrue(conflicting.needsConfirmation(), "records that disagree on the birth date ask first");
        assertFalse(conflicting.preselected());
        vm.reject();
        assertEquals("reject insync:i1 veracity:v1 view:worklist", persons.calls.get(persons.calls.size() - 2));
        assertTrue(vm.messageProperty().get().contains("will not be proposed again"));

        assertNull(vm.currentProperty().get(), "only the one left for later remains");
        assertEquals("Nothing else to review now: 1 left for later", vm.positionProperty().get());
        assertEquals(2, vm.decidedProperty().get());
        assertEquals(2, changed[0], "the worklist re-reads after each saved choice");
        assertFalse(persons.calls.stream().anyMatch(c -> c.startsWith("link insync:i2") || c.contains("c2 insync:i2")),
                "Later saved nothing");
    }

    @Test
    void aPersonsRowShowsOnlyItsProposalsAndFollowsTheRecordsItLinked() {
        FakePersons persons = new FakePersons(proposals());
        CandidatesViewModel vm = new CandidatesViewModel(persons, new SameThreadTaskExecutor());
        vm.load(List.of(new PatientRef("credible", "c1")));
        assertEquals("Possible match 1 of 1", vm.positionProperty().get(), "Bob's and InSync-Veracity's are not Ana's at Credible");
        vm.link();
        // linked with InSync's record, the person's proposals now include InSync's with Veracity
        assertEquals(ANA_V, vm.currentProperty().get().b());
        assertEquals("Possible match 1 of 1", vm.positionProperty().get());
    }

    @Test
    void noProposalsSaysSo() {
        CandidatesViewModel vm = new CandidatesViewModel(new FakePersons(List.of()), new SameThreadTaskExecutor());
        vm.load(null);
        assertNull(vm.currentProperty().get());
        assertEquals("Nothing to review", vm.positionProperty().get());
        assertEquals("There are no possible matches to review.", vm.messageProperty().get());
        vm.link(); // nothing to link: nothing happens
        assertEquals(0, vm.decidedProperty().get());
    }
}
